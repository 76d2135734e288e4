from django import forms
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm


class PasswordChangeForm(DjangoPasswordChangeForm):
    """Old password, new password twice; the new one is checked by every AUTH_PASSWORD_VALIDATORS rule."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "当前密码"
        self.fields["new_password1"].label = "新密码"
        self.fields["new_password2"].label = "再次输入新密码"
        self.fields["new_password1"].help_text = (
            "至少 12 位，包含大写字母、小写字母、数字、符号中的至少三类，不能是常用密码，不能包含账号名或姓名拼音。"
        )


class CodeForm(forms.Form):
    code = forms.CharField(label="验证码", max_length=20, strip=True,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                                         "autofocus": True}))


class SecondFactorForm(forms.Form):
    code = forms.CharField(label="验证码或恢复码", max_length=20, strip=True,
                           help_text="手机验证器显示的 6 位数字；手机不在身边时可输入一个恢复码（每个只能用一次）。",
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}))


class UnlockForm(forms.Form):
    account = forms.CharField(max_length=255)
