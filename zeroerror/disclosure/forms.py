from django import forms

from zeroerror.disclosure.actions.items import MAX_LIMIT_WORKDAYS, default_limit_workdays
from zeroerror.disclosure.models import Channel, Openness, RequestMethod, RequestOutcome, WithdrawalKind
from zeroerror.disclosure.models.requests import EXTENSION_MAX_WORKDAYS
from zeroerror.org.models import Person

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}）"


class ItemForm(forms.Form):
    title = forms.CharField(label="标题", max_length=200)
    text = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 10}), max_length=20000)
    channel = forms.ChoiceField(label="发布渠道", choices=Channel.choices)
    openness = forms.ChoiceField(label="公开属性", choices=Openness.choices, initial=Openness.PROACTIVE)
    not_disclosed_reason = forms.CharField(label="不予公开依据", required=False, max_length=300,
                                           help_text="公开属性为“不予公开”时必填")
    formed_on = forms.DateField(label="信息形成（变更）日期", widget=DATE_WIDGET)
    limit_workdays = forms.IntegerField(label="公开时限（工作日）", min_value=1, max_value=MAX_LIMIT_WORKDAYS,
                                        help_text="主动公开信息自形成或变更之日起的公开时限；法律另有规定的从其规定")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["limit_workdays"].initial = default_limit_workdays()


class ReviewForm(forms.Form):
    passed = forms.TypedChoiceField(label="审查结论", choices=[("1", "通过"), ("0", "不通过")],
                                    coerce=lambda v: v == "1", widget=forms.RadioSelect)
    note = forms.CharField(label="审查意见", required=False, max_length=500,
                           widget=forms.Textarea(attrs={"rows": 2}), help_text="不通过时必填")


class ApproveForm(forms.Form):
    override_reason = forms.CharField(label="校对放行理由", required=False, max_length=500,
                                      help_text="校对发现的错误确属原文需要（如专有名称）时填写，将记录在案")


class ReturnForm(forms.Form):
    note = forms.CharField(label="退回意见", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class PublishForm(forms.Form):
    late_reason = forms.CharField(label="逾期发布原因", required=False, max_length=500,
                                  help_text="超过应公开时限发布的必须填写")


class WithdrawForm(forms.Form):
    kind = forms.ChoiceField(label="撤稿类别", choices=WithdrawalKind.choices)
    reason = forms.CharField(label="撤稿原因", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class RequestForm(forms.Form):
    applicant = forms.CharField(label="申请人", max_length=100)
    applicant_kind = forms.ChoiceField(label="申请人类型", choices=[("自然人", "自然人"), ("法人或其他组织", "法人或其他组织")])
    contact = forms.CharField(label="联系方式", required=False, max_length=100)
    content = forms.CharField(label="申请公开的内容", max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    method = forms.ChoiceField(label="申请方式", choices=RequestMethod.choices)
    received_on = forms.DateField(label="收到申请日期", widget=DATE_WIDGET)
    handler = PersonChoice(label="承办人", queryset=Person.objects.none())

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = (people if people is not None else Person.objects.none()).select_related(
            "department").order_by("department__order", "rank", "id")


class ExtendForm(forms.Form):
    workdays = forms.IntegerField(label="延长工作日", min_value=1, max_value=EXTENSION_MAX_WORKDAYS,
                                  initial=EXTENSION_MAX_WORKDAYS)
    reason = forms.CharField(label="延期理由", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(label="答复类型", choices=RequestOutcome.choices)
    reply = forms.CharField(label="答复内容", max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
