from django import forms

from zeroerror.seals.models import Duty, LetterheadKind, RequestKind, SealKind

MAX_INT = 999999


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}）"


class SealForm(forms.Form):
    name = forms.CharField(label="印章名称", max_length=100)
    kind = forms.ChoiceField(label="类别", choices=SealKind.choices)
    location = forms.CharField(label="保管地点", max_length=100, initial="办公室保险柜")


class AppointForm(forms.Form):
    duty = forms.ChoiceField(label="职责", choices=Duty.choices)
    seal = forms.ModelChoiceField(label="印章", queryset=None, required=False, help_text="印章专管员须选择印章")
    person = PersonChoice(label="专管人员", queryset=None)
    started_on = forms.DateField(label="起始日期", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, seals, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seal"].queryset = seals
        self.fields["person"].queryset = people


class RequestForm(forms.Form):
    seal = forms.ModelChoiceField(label="印章", queryset=None)
    kind = forms.ChoiceField(label="用印类别", choices=RequestKind.choices)
    document = forms.CharField(label="用印文件名称", max_length=200)
    copies = forms.IntegerField(label="份数", min_value=1, max_value=MAX_INT, initial=1)
    purpose = forms.CharField(label="用印事由", max_length=300, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, seals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seal"].queryset = seals


class DecisionForm(forms.Form):
    note = forms.CharField(label="审批意见", max_length=300, required=False)


class RecordUseForm(forms.Form):
    copies = forms.IntegerField(label="实际用印份数", min_value=1, max_value=MAX_INT)
    content_checked = forms.BooleanField(label="已核对用印文件内容完整、非空白", required=False)
    note = forms.CharField(label="备注", max_length=300, required=False)
    photo = forms.FileField(label="用印页照片或扫描件（可选）", required=False,
                            widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf",
                                                                   "capture": "environment"}))


class CorrectionForm(forms.Form):
    document = forms.CharField(label="用印文件名称", max_length=200)
    copies = forms.IntegerField(label="份数", min_value=1, max_value=MAX_INT)
    note = forms.CharField(label="备注", max_length=300, required=False)
    reason = forms.CharField(label="更正说明", max_length=300)


class LetterBookForm(forms.Form):
    seal = forms.ModelChoiceField(label="所用印章", queryset=None)
    title = forms.CharField(label="名称", max_length=100)
    first_number = forms.IntegerField(label="起始编号", min_value=1, max_value=MAX_INT)
    last_number = forms.IntegerField(label="终止编号", min_value=1, max_value=MAX_INT)

    def __init__(self, *args, seals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seal"].queryset = seals


class LetterForm(forms.Form):
    request = forms.ModelChoiceField(label="用印申请（已批准的介绍信）", queryset=None)
    number = forms.IntegerField(label="存根编号", min_value=1, max_value=MAX_INT)
    addressee = forms.CharField(label="抬头单位", max_length=100, required=False)
    bearers = forms.CharField(label="持信人", max_length=100, required=False)
    bearer_count = forms.IntegerField(label="人数", min_value=0, max_value=99, required=False)
    matter = forms.CharField(label="事由", max_length=300, required=False)
    valid_until = forms.DateField(label="有效期至", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, requests, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["request"].queryset = requests
        self.fields["request"].label_from_instance = lambda r: f"{r.document}（{r.requester.name}）"


class SpoilForm(forms.Form):
    number = forms.IntegerField(label="存根编号", min_value=1, max_value=MAX_INT)
    reason = forms.CharField(label="作废原因", max_length=300)


class LetterheadForm(forms.Form):
    kind = forms.ChoiceField(label="信笺", choices=LetterheadKind.choices)
    sheets = forms.IntegerField(label="张数", min_value=1, max_value=MAX_INT)
    recipient = PersonChoice(label="领用人（本单位人员）", queryset=None)
    purpose = forms.CharField(label="用途", max_length=200)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = people
