from django import forms

from zeroerror.org.models import Person
from zeroerror.secrecy.actions.carriers import CORRECTABLE, MAX_COPIES
from zeroerror.secrecy.models import (
    Classification,
    Frequency,
    ItemKind,
    KeyKind,
    MediumKind,
    MediumStatus,
    Network,
)

DT_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}）"


class PeopleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}）"


class UnitPeopleForm(forms.Form):
    """A form whose person fields offer the active people of the reader's unit."""

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.active().filter(unit=unit).select_related("department")
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                field.queryset = people


class ItemForm(UnitPeopleForm):
    number = forms.CharField(label="编号", max_length=40)
    name = forms.CharField(label="载体名称", max_length=200, help_text="只填名称或文号，不得填写涉密内容")
    kind = forms.ChoiceField(label="类别", choices=ItemKind.choices)
    classification = forms.ChoiceField(label="密级", choices=Classification.choices)
    period_years = forms.IntegerField(label="保密期限（年）", min_value=1, max_value=30,
                                      help_text="绝密不超过30年，机密不超过20年，秘密不超过10年")
    copies = forms.IntegerField(label="份数", min_value=1, max_value=999, initial=1)
    origin = forms.CharField(label="来源", max_length=200, required=False, help_text="来文机关或制作科室")
    custodian = PersonChoice(label="保管人", queryset=Person.objects.none())
    location = forms.CharField(label="存放位置", max_length=200, initial="办公室保密柜")


class CheckOutForm(UnitPeopleForm):
    holder = PersonChoice(label="借阅人", queryset=Person.objects.none())
    due_back_at = forms.DateTimeField(label="应归还时间", widget=DT_WIDGET)
    purpose = forms.CharField(label="借阅事由", max_length=300)


class CheckInForm(forms.Form):
    note = forms.CharField(label="归还情况", max_length=500, required=False, initial="完好无缺")


class CopyRequestForm(forms.Form):
    excerpt = forms.TypedChoiceField(label="类别", choices=[("0", "复制"), ("1", "摘录")], coerce=lambda v: v == "1")
    copies = forms.IntegerField(label="份数", min_value=1, max_value=MAX_COPIES, initial=1)
    reason = forms.CharField(label="事由", max_length=500)


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(label="审批意见", choices=[("1", "批准"), ("0", "不予批准")],
                                     coerce=lambda v: v == "1")
    note = forms.CharField(label="说明", max_length=500, required=False)


class DestroyForm(UnitPeopleForm):
    approver = PersonChoice(label="批准人", queryset=Person.objects.none())
    witness = PersonChoice(label="监销人", queryset=Person.objects.none())
    method = forms.CharField(label="销毁方式", max_length=100, initial="碎纸机粉碎")
    place = forms.CharField(label="销毁地点", max_length=200, initial="办公室保密室")


class CorrectForm(UnitPeopleForm):
    field = forms.ChoiceField(label="更正项目", choices=list(CORRECTABLE.items()))
    value = forms.CharField(label="更正为", max_length=200, required=False)
    custodian = PersonChoice(label="新保管人（更正保管人时）", queryset=Person.objects.none(), required=False)
    reason = forms.CharField(label="更正原因", max_length=300)


class MediumForm(UnitPeopleForm):
    number = forms.CharField(label="编号", max_length=40)
    kind = forms.ChoiceField(label="类型", choices=MediumKind.choices)
    network = forms.ChoiceField(label="使用范围", choices=Network.choices)
    classification = forms.ChoiceField(label="最高密级", choices=[("", "—（外网介质不填）"), *Classification.choices],
                                       required=False)
    custodian = PersonChoice(label="保管人", queryset=Person.objects.none())
    model_name = forms.CharField(label="品牌型号", max_length=100, required=False)
    serial = forms.CharField(label="序列号", max_length=100, required=False)


class MediumUseForm(UnitPeopleForm):
    used_by = PersonChoice(label="使用人", queryset=Person.objects.none())
    used_at = forms.DateTimeField(label="使用时间", widget=DT_WIDGET)
    computer = forms.CharField(label="计算机/设备", max_length=100)
    network = forms.ChoiceField(label="计算机所在网络", choices=Network.choices)
    purpose = forms.CharField(label="用途", max_length=300)


class MediumStatusForm(forms.Form):
    status = forms.ChoiceField(label="状态", choices=[(MediumStatus.LOST, "遗失"), (MediumStatus.DESTROYED, "销毁")])
    note = forms.CharField(label="情况说明", max_length=500)


class KeyForm(UnitPeopleForm):
    name = forms.CharField(label="名称", max_length=100)
    kind = forms.ChoiceField(label="类别", choices=KeyKind.choices)
    custodian = PersonChoice(label="保管人", queryset=Person.objects.none())
    authorised = PeopleChoice(label="授权使用人", queryset=Person.objects.none(), required=False,
                              widget=forms.SelectMultiple(attrs={"size": 6}))
    location = forms.CharField(label="存放位置", max_length=200, initial="办公室保险柜")


class KeyHoldersForm(UnitPeopleForm):
    custodian = PersonChoice(label="保管人", queryset=Person.objects.none())
    authorised = PeopleChoice(label="授权使用人", queryset=Person.objects.none(), required=False,
                              widget=forms.SelectMultiple(attrs={"size": 6}))
    reason = forms.CharField(label="变更原因", max_length=300)


class KeyUseForm(UnitPeopleForm):
    used_by = PersonChoice(label="使用人", queryset=Person.objects.none())
    used_at = forms.DateTimeField(label="使用时间", widget=DT_WIDGET)
    purpose = forms.CharField(label="用途", max_length=300)


class ChecklistForm(UnitPeopleForm):
    name = forms.CharField(label="检查表名称", max_length=100)
    location = forms.CharField(label="检查范围", max_length=200)
    items = forms.CharField(label="检查项目", widget=forms.Textarea(attrs={"rows": 6}), max_length=3000,
                            help_text="每行一项")
    frequency = forms.ChoiceField(label="频次", choices=Frequency.choices)
    owner = PersonChoice(label="安全责任人", queryset=Person.objects.none())
    checkers = PeopleChoice(label="检查人员", queryset=Person.objects.none(),
                            widget=forms.SelectMultiple(attrs={"size": 6}))

    def clean_items(self):
        return [line.strip() for line in self.cleaned_data["items"].splitlines() if line.strip()]


class SafetyCheckForm(forms.Form):
    """The check time, one 正常 tick and one note per item, an optional photo of a hazard."""

    done_at = forms.DateTimeField(label="检查时间", widget=DT_WIDGET)

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for n, item in enumerate(self.items):
            self.fields[f"ok_{n}"] = forms.BooleanField(label=f"{item}：正常", required=False, initial=True)
            self.fields[f"note_{n}"] = forms.CharField(label=f"{item}：隐患情况", required=False, max_length=200)
        self.fields["photo"] = forms.FileField(
            label="隐患照片", required=False,
            widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}))

    def results(self) -> list[tuple[str, bool, str]]:
        return [(item, self.cleaned_data[f"ok_{n}"], self.cleaned_data[f"note_{n}"]) for n, item in enumerate(self.items)]
