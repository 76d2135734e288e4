from django import forms

from zeroerror.org.models import Person
from zeroerror.reception.actions.archive import FILE_PURPOSES
from zeroerror.reception.forms import DT_WIDGET, TEXT, PeopleChoice, PersonChoice, unit_people
from zeroerror.reception.models import ChangeKind
from zeroerror.reception.plan_templates import CHOICES


class DraftForm(forms.Form):
    template = forms.ChoiceField(label="方案模板", choices=CHOICES)


class PlanForm(forms.Form):
    presiding_leader = PersonChoice(label="主持领导", queryset=Person.objects.none(), required=False)
    accompanying = forms.IntegerField(label="陪餐人数", min_value=0, max_value=200)
    meals = forms.IntegerField(label="工作餐次数", min_value=0, max_value=30)
    meal_per_person = forms.DecimalField(label="工作餐（元/人/餐）", min_value=0, max_digits=8, decimal_places=2)
    meals_note = forms.CharField(label="用餐安排", required=False, max_length=2000, widget=TEXT)
    room_nights = forms.IntegerField(label="住宿间夜数", min_value=0, max_value=2000)
    room_per_night = forms.DecimalField(label="住宿（元/间/晚）", min_value=0, max_digits=8, decimal_places=2)
    accommodation = forms.CharField(label="住宿安排", required=False, max_length=2000, widget=TEXT)
    other_cost = forms.DecimalField(label="其他费用（元）", min_value=0, max_digits=12, decimal_places=2)
    notes = forms.CharField(label="其他事项", required=False, max_length=4000, widget=TEXT)

    def __init__(self, *args, unit=None, leaders=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presiding_leader"].queryset = leaders if leaders is not None else unit_people(unit)


class SlotForm(forms.Form):
    start_at = forms.DateTimeField(label="开始时间", widget=DT_WIDGET)
    end_at = forms.DateTimeField(label="结束时间", widget=DT_WIDGET)
    activity = forms.CharField(label="活动内容", max_length=200)
    place = forms.CharField(label="地点", required=False, max_length=200)
    people = PeopleChoice(label="陪同/负责人员", queryset=Person.objects.none(), required=False,
                          widget=forms.SelectMultiple(attrs={"size": 8}))
    vehicle = forms.CharField(label="车辆", required=False, max_length=100)
    is_stop = forms.BooleanField(label="参观考察点（须实地查验）", required=False)

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = unit_people(unit)


class ChangeForm(SlotForm):
    reason = forms.CharField(label="变更原因", max_length=500, widget=TEXT)


class RemoveForm(forms.Form):
    reason = forms.CharField(label="取消原因", max_length=500, required=False)


class SiteCheckForm(forms.Form):
    checked_by = PersonChoice(label="查验人", queryset=Person.objects.none())
    checked_at = forms.DateTimeField(label="查验时间", widget=DT_WIDGET)
    travel_minutes = forms.IntegerField(label="实测车程（分钟）", min_value=0, max_value=1440,
                                        help_text="从上一站到本站实际行车时间")
    notes = forms.CharField(label="查验情况", required=False, max_length=2000, widget=TEXT)

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checked_by"].queryset = unit_people(unit)


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(label="意见", choices=[("1", "认可"), ("0", "不予认可")],
                                     coerce=lambda v: v == "1")
    note = forms.CharField(label="意见说明", required=False, max_length=500)


class ApproveForm(forms.Form):
    special_reason = forms.CharField(label="超标准特别批准理由", required=False, max_length=1000, widget=TEXT)


class SpecialApprovalForm(forms.Form):
    meal_per_person = forms.DecimalField(label="准予工作餐（元/人/餐）", min_value=0, max_digits=8, decimal_places=2)
    room_per_night = forms.DecimalField(label="准予住宿（元/间/晚）", min_value=0, max_digits=8, decimal_places=2)
    accompanying = forms.IntegerField(label="准予陪餐人数", min_value=0, max_value=5000)
    reason = forms.CharField(label="理由", max_length=1000, widget=TEXT)


class BillForm(forms.Form):
    guests = forms.IntegerField(label="实际来宾人数", min_value=1, max_value=5000)
    accompanying = forms.IntegerField(label="实际陪餐人数", min_value=0, max_value=5000)
    meals = forms.IntegerField(label="工作餐次数", min_value=0, max_value=5000)
    meal_total = forms.DecimalField(label="餐费合计（元）", min_value=0, max_digits=12, decimal_places=2)
    room_nights = forms.IntegerField(label="住宿间夜数", min_value=0, max_value=5000, initial=0)
    room_total = forms.DecimalField(label="住宿费合计（元）", min_value=0, max_digits=12, decimal_places=2, initial=0)
    other_total = forms.DecimalField(label="其他费用（元）", min_value=0, max_digits=12, decimal_places=2, initial=0)
    invoice_ref = forms.CharField(label="发票号", max_length=100)
    note = forms.CharField(label="说明（更正结算须说明原因）", required=False, max_length=500)


class FileForm(forms.Form):
    purpose = forms.ChoiceField(label="资料类别", choices=[(p, p) for p in FILE_PURPOSES])
    file = forms.FileField(label="文件")


class EtiquetteForm(forms.Form):
    requirement = forms.CharField(label="要求", required=False, max_length=1000)
    arranged = forms.BooleanField(label="已落实", required=False)


CHANGE_KINDS = ChangeKind
