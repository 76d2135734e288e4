from django import forms

from zeroerror.org.models import Department, Person
from zeroerror.org.roles import Role


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="角色", choices=Role.choices)
    department = forms.ModelChoiceField(label="负责科室", queryset=Department.objects.none(), required=False,
                                        help_text="科室负责人须选择科室")
    started_on = forms.DateField(label="起始日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(unit=unit).active()

    def clean(self):
        data = super().clean()
        if data.get("role") == Role.DEPARTMENT_HEAD and not data.get("department"):
            self.add_error("department", "科室负责人须选择负责的科室。")
        return data


class EndRoleForm(forms.Form):
    ended_on = forms.DateField(label="终止日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class ChargeForm(forms.Form):
    leader = forms.ModelChoiceField(label="分管领导", queryset=Person.objects.none())
    started_on = forms.DateField(label="起始日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = Person.objects.filter(unit=unit).active().with_role(Role.LEADER_IN_CHARGE)


class RosterUploadForm(forms.Form):
    file = forms.FileField(label="人员名册（.xlsx）")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("请上传 .xlsx 文件（可先下载模板）。")
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("文件不能超过 5 MB。")
        return upload


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label="审批", choices=[("approve", "批准"), ("reject", "驳回")])
    note = forms.CharField(label="意见", max_length=200, required=False)
