from django import forms
from django.utils import timezone

from zeroerror.errors.models import Channel, Severity
from zeroerror.errors.models.inspections import RECORDABLE_RESULTS, ItemResult, area_choices
from zeroerror.errors.picker import PersonPickerField
from zeroerror.org.models import Person
from zeroerror.rulebook.models import Clause


def date_input():
    """A date picker: its value must be ISO (the zh-hans format 2026/12/02 leaves the browser's picker blank)."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportForm(forms.Form):
    channel = forms.ChoiceField(label="发现渠道", choices=[c for c in Channel.choices if c[0] != Channel.SYSTEM])
    clause = forms.ModelChoiceField(label="违反条款", queryset=Clause.objects.none())
    person = PersonPickerField(label="责任人", queryset=Person.objects.none())
    occurred_on = forms.DateField(label="发生日期", widget=date_input())
    description = forms.CharField(label="差错情况", widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
    anonymous = forms.BooleanField(label="匿名举报", required=False,
                                   help_text="匿名时系统不记录您的姓名、账号和来源地址，举报在下一个登记时点统一登记；"
                                             "您的身份密封保存，只有绩效办负责人可以查看（查看留痕）")
    evidence = forms.FileField(label="证据材料", required=False)

    def __init__(self, *args, unit, any_channel: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].queryset = Clause.objects.current()
        self.fields["person"].set_people(Person.objects.active().filter(unit=unit))
        if not any_channel:
            self.fields["channel"].choices = [(Channel.REPORT, Channel.REPORT.label)]

    def clean_occurred_on(self):
        day = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("发生日期不能晚于今天。")
        return day


class MeetingDateMixin:
    """A decision on the 院长办公会议's route records the meeting's date (the field appears only there)."""

    def __init__(self, *args, meeting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting:
            self.fields["meeting_date"] = forms.DateField(label="院长办公会议日期",
                                                          widget=date_input())


class ConfirmForm(MeetingDateMixin, forms.Form):
    severity = forms.ChoiceField(label="差错性质", choices=Severity.choices)
    especially_serious = forms.BooleanField(label="情节特别严重、影响特别重大", required=False)
    confirmed_on = forms.DateField(label="认定日期", required=False, widget=date_input())
    note = forms.CharField(label="核查意见", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class RejectForm(MeetingDateMixin, forms.Form):
    reasons = forms.CharField(label="不予认定理由", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class SeverityForm(forms.Form):
    severity = forms.ChoiceField(label="会议界定的性质", choices=[c for c in Severity.choices if c[0] != "undetermined"])
    especially_serious = forms.BooleanField(label="情节特别严重、影响特别重大", required=False)
    meeting_date = forms.DateField(label="院长办公会议日期", widget=date_input())
    decision = forms.CharField(label="会议研究意见", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class AppealForm(forms.Form):
    reasons = forms.CharField(label="申诉理由", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class AppealDecisionForm(MeetingDateMixin, forms.Form):
    upheld = forms.TypedChoiceField(label="决定", choices=[("1", "申诉成立（责任人申诉：撤销差错；连带责任申诉：免除其本人责任）"),
                                                          ("0", "申诉不成立（维持原决定）")],
                                    coerce=lambda v: v == "1")
    reasons = forms.CharField(label="决定理由", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class PayUploadForm(forms.Form):
    file = forms.FileField(label="月度绩效 .xlsx")


class InspectionForm(forms.Form):
    title = forms.CharField(label="检查名称", max_length=100)
    date = forms.DateField(label="检查日期", widget=date_input())
    areas = forms.MultipleChoiceField(label="检查领域", widget=forms.CheckboxSelectMultiple,
                                      help_text="检查表按所选领域从条款目录生成，每条一项。")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].choices = area_choices()
        if not self.is_bound:
            today = timezone.localdate()
            self.initial.setdefault("title", f"{today.year}年{today.month}月办公室内部检查")
            self.initial.setdefault("date", today)


class InspectionItemForm(forms.Form):
    result = forms.ChoiceField(label="检查结果", choices=[(r.value, r.label) for r in ItemResult
                                                       if r in RECORDABLE_RESULTS])
    finding = forms.CharField(label="发现的问题", required=False, max_length=4000)
    person = forms.ModelChoiceField(label="责任人", queryset=Person.objects.none(), required=False)
    occurred_on = forms.DateField(label="发生日期", required=False)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.active().filter(unit=unit)




class UnsealForm(forms.Form):
    reason = forms.CharField(label="查看事由", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000,
                             help_text="查看匿名举报人身份会记入审计日志")


class ReceiptForm(forms.Form):
    code = forms.CharField(label="查询码", max_length=40, help_text="提交匿名举报时得到的查询码，如 ABCD-EFGH-JKLM-NPQR")


class AnonymousEvidenceForm(ReceiptForm):
    evidence = forms.FileField(label="补充证据材料")
