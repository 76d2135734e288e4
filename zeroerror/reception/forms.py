from django import forms

from zeroerror.org.models import Person
from zeroerror.reception.models import ReceptionStandard

DT_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TEXT = forms.Textarea(attrs={"rows": 2})


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}{' · ' + obj.position if obj.position else ''}）"


class PeopleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}）"


def unit_people(unit):
    return Person.objects.active().filter(unit=unit).select_related("department").order_by(
        "-department__is_office", "department__order", "rank", "id")


class ReportForm(forms.Form):
    guest_unit = forms.CharField(label="来宾单位（来自何处）", max_length=200)
    lead_guest = forms.CharField(label="带队人及职务", max_length=200)
    guest_count = forms.IntegerField(label="来宾人数", min_value=1, max_value=500)
    guest_list = forms.CharField(label="来宾名单", required=False, max_length=4000, widget=TEXT,
                                 help_text="姓名、职务，每行一人")
    purpose = forms.CharField(label="来访事由", max_length=2000, widget=TEXT)
    arrive_at = forms.DateTimeField(label="抵达时间", widget=DT_WIDGET)
    depart_at = forms.DateTimeField(label="离开时间", widget=DT_WIDGET)
    contact_name = forms.CharField(label="对方联系人", max_length=50)
    contact_phone = forms.CharField(label="联系电话", max_length=30)
    special_needs = forms.CharField(label="特殊需求（着装、饮食、民族宗教习俗等）", required=False, max_length=2000,
                                    widget=TEXT)
    letter_ref = forms.CharField(label="公函", required=False, max_length=200,
                                 help_text="派出单位公函的文号或名称；无公函不予接待，方案报批前须补登")
    standard = forms.ModelChoiceField(label="接待对象级别", queryset=ReceptionStandard.objects.none())
    important = forms.BooleanField(label="重要接待/参观考察活动", required=False,
                                   help_text="须拟订接待方案报领导批准")
    source = forms.CharField(label="客情来源", required=False, max_length=100, help_text="如 电话、公函、上级通知")
    handler = PersonChoice(label="承办人（当即交办）", queryset=Person.objects.none())

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard"].queryset = ReceptionStandard.objects.of_unit(unit).active()
        self.fields["handler"].queryset = unit_people(unit)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="原因", max_length=500)


class ArrangeForm(forms.Form):
    arrangement = forms.CharField(label="接待安排落实情况", max_length=2000, widget=TEXT)


class ReassignForm(forms.Form):
    handler = PersonChoice(label="改由", queryset=Person.objects.none())

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = unit_people(unit)


class StandardForm(forms.Form):
    level = forms.CharField(label="接待对象级别", max_length=50)
    order = forms.IntegerField(label="排序", min_value=0, max_value=10000, initial=100)
    meal_per_person = forms.DecimalField(label="工作餐标准（元/人/餐）", min_value=0, max_digits=8, decimal_places=2)
    room_per_night = forms.DecimalField(label="住宿标准（元/间/晚）", min_value=0, max_digits=8, decimal_places=2)
    meals_max = forms.IntegerField(label="工作餐次数上限（每天）", min_value=1, max_value=5, initial=1)
    accompany_max = forms.IntegerField(label="陪餐人数上限", min_value=0, max_value=50, initial=3)
    accompany_threshold = forms.IntegerField(label="来宾人数分界", min_value=1, max_value=500, initial=10,
                                             help_text="来宾不超过此数时陪餐不超过上限；超过时按比例")
    accompany_divisor = forms.IntegerField(label="陪餐不超过来宾的几分之一", min_value=1, max_value=20, initial=3)
    active = forms.BooleanField(label="启用", required=False, initial=True)


YEAR_MIN, YEAR_MAX = 2000, 2100


def parse_year(value, default: int) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if YEAR_MIN <= year <= YEAR_MAX else default
