from django import forms
from django.core.exceptions import ValidationError

from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.vehicles.actions.common import EARLIEST_YEAR, LATEST_YEAR
from zeroerror.vehicles.models import ODOMETER_MAX, Provider, ProviderKind, Vehicle

DT_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class Moment(forms.DateTimeField):
    widget = DT_WIDGET

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is not None and not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
            raise ValidationError(f"时间须在 {EARLIEST_YEAR} 年至 {LATEST_YEAR} 年之间。")
        return moment


class Reading(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", ODOMETER_MAX)
        super().__init__(**kwargs)


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}）"


class PeopleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}）"


class VehicleChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.plate} {obj.model}（{obj.seats} 座）"


class ProviderForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=ProviderKind.choices)
    name = forms.CharField(label="名称", max_length=100)
    contract_no = forms.CharField(label="政府采购合同编号", max_length=60, required=False)
    address = forms.CharField(label="地址", max_length=200, required=False)


class VehicleForm(forms.Form):
    plate = forms.CharField(label="号牌", max_length=20)
    model = forms.CharField(label="品牌型号", max_length=60)
    seats = forms.IntegerField(label="核定座位", min_value=1, max_value=60)
    rated_consumption = forms.DecimalField(label="百公里油耗标准（升）", min_value=1, max_value=99, max_digits=5,
                                           decimal_places=2, required=False)
    insurer = forms.ModelChoiceField(label="定点保险", queryset=Provider.objects.none())
    repair_shop = forms.ModelChoiceField(label="定点维修", queryset=Provider.objects.none())
    fuel_station = forms.ModelChoiceField(label="定点加油", queryset=Provider.objects.none())
    parking = forms.CharField(label="指定停放地点", max_length=100)
    odometer = Reading(label="当前里程表读数（公里）")

    def __init__(self, *args, unit, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        providers = Provider.objects.of_unit(unit).active()
        self.fields["insurer"].queryset = providers.of_kind(ProviderKind.INSURANCE)
        self.fields["repair_shop"].queryset = providers.of_kind(ProviderKind.REPAIR)
        self.fields["fuel_station"].queryset = providers.of_kind(ProviderKind.FUEL)
        if editing:
            del self.fields["odometer"]
            self.fields["active"] = forms.BooleanField(label="在用", required=False)


def _people(unit):
    return Person.objects.active().filter(unit=unit).select_related("department").order_by(
        "department__order", "rank", "id")


class TripFieldsForm(forms.Form):
    vehicle = VehicleChoice(label="车辆", queryset=Vehicle.objects.none())
    driver = PersonChoice(label="驾驶员", queryset=Person.objects.none())
    purpose = forms.CharField(label="用车事由", max_length=200)
    destinations = forms.CharField(label="目的地", max_length=200)
    passengers = PeopleChoice(label="乘车人员", queryset=Person.objects.none(), required=False,
                              widget=forms.SelectMultiple(attrs={"size": 6}))
    other_passengers = forms.CharField(label="其他乘车人员", max_length=200, required=False,
                                       help_text="外单位人员等")

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vehicle"].queryset = Vehicle.objects.of_unit(unit).active()
        people = _people(unit)
        self.fields["driver"].queryset = people.with_role(Role.DRIVER)
        self.fields["passengers"].queryset = people
        if "requester" in self.fields:
            self.fields["requester"].queryset = people


class TripRequestForm(TripFieldsForm):
    planned_out_at = Moment(label="计划出车时间")
    planned_back_at = Moment(label="计划回车时间")
    holiday_reason = forms.CharField(label="节假日工作事由", max_length=300, required=False,
                                     widget=forms.Textarea(attrs={"rows": 2}),
                                     help_text="节假日期间车辆封存停驶，确因工作需要用车的须填写，并经领导审批")


class TripLogForm(TripFieldsForm):
    requester = PersonChoice(label="用车人", queryset=Person.objects.none())
    out_at = Moment(label="出车时间")
    odometer_out = Reading(label="出车里程（公里）")
    back_at = Moment(label="回车时间", required=False)
    odometer_in = Reading(label="回车里程（公里）", required=False)
    late_reason = forms.CharField(label="补登原因", max_length=200, help_text="未经申请用车的原因，如紧急公务")


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(label="审批意见", choices=[("1", "同意"), ("0", "不同意")],
                                     coerce=lambda v: v == "1", widget=forms.RadioSelect)
    note = forms.CharField(label="意见说明", max_length=200, required=False)


class DepartForm(forms.Form):
    out_at = Moment(label="出车时间")
    odometer_out = Reading(label="出车里程（公里）")


class ReturnForm(forms.Form):
    back_at = Moment(label="回车时间")
    odometer_in = Reading(label="回车里程（公里）")


class CancelForm(forms.Form):
    reason = forms.CharField(label="撤销原因", max_length=200)


class CorrectionForm(forms.Form):
    value = Reading(label="更正后的读数（公里）")
    reason = forms.CharField(label="更正原因", max_length=200)
