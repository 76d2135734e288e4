from django import forms

from zeroerror.proofread.models import Profile
from zeroerror.proofread.service import MAX_DOCX_BYTES


class CheckForm(forms.Form):
    text = forms.CharField(label="粘贴文字", required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 10, "placeholder": "在此粘贴要校对的文字……"}))
    file = forms.FileField(label="或上传 .docx 文件", required=False,
                           help_text=f"仅限 .docx，不超过 {MAX_DOCX_BYTES // (1024 * 1024)} MB",
                           error_messages={"empty": "文件为空。"},
                           widget=forms.ClearableFileInput(attrs={"accept": ".docx"}))
    profile = forms.ChoiceField(label="校对方案", choices=Profile.choices, initial=Profile.DOCUMENT)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if not upload.name.lower().endswith(".docx"):
            raise forms.ValidationError("只能上传 .docx 文件；.doc、.wps、.pdf 等格式请先另存为 .docx。")
        if upload.size > MAX_DOCX_BYTES:
            raise forms.ValidationError(f"文件不能超过 {MAX_DOCX_BYTES // (1024 * 1024)} MB。")
        return upload

    def clean(self):
        data = super().clean()
        has_text = bool((data.get("text") or "").strip())
        if "file" in data and "text" in data:
            if data["file"] is not None and has_text:
                raise forms.ValidationError("粘贴文字和上传文件只能选一种。")
            if data["file"] is None and not has_text:
                raise forms.ValidationError("请粘贴要校对的文字或上传 .docx 文件。")
        return data


class RecheckForm(forms.Form):
    text = forms.CharField(label="文字", strip=False, widget=forms.Textarea(attrs={"rows": 10}),
                           error_messages={"required": "文字不能为空。"})
    profile = forms.ChoiceField(label="校对方案", choices=Profile.choices)


class FindingForm(forms.Form):
    """Which finding of the shown results: its index, checked against its rule, position and text."""

    index = forms.IntegerField(min_value=0)
    rule = forms.CharField(max_length=60)
    start = forms.IntegerField(min_value=0)
    found = forms.CharField(required=False, strip=False)


class WaiveForm(FindingForm):
    reason = forms.CharField(label="理由", required=False)


class LexiconForm(FindingForm):
    word = forms.CharField(label="词语", required=False, max_length=100)
    note = forms.CharField(label="说明", required=False, max_length=500)
