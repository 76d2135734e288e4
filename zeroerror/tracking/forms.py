from django import forms
from django.utils import timezone

from zeroerror.org.models import Person
from zeroerror.tracking.models import Area


class ProgressForm(forms.Form):
    text = forms.CharField(label="进展情况", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class CloseForm(forms.Form):
    note = forms.CharField(label="办结情况", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    summary = forms.CharField(label="记录摘要", widget=forms.Textarea(attrs={"rows": 4}), max_length=4000,
                              required=False)

    def __init__(self, *args, record: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if record:
            self.fields["summary"].label = f"{record}摘要"
            self.fields["summary"].help_text = f"已上传{record}的可不填；未上传的须填写摘要（不少于 10 字）"


class ChaseForm(forms.Form):
    text = forms.CharField(label="催办意见", max_length=500)


class AssignForm(forms.Form):
    title = forms.CharField(label="事项", max_length=200)
    detail = forms.CharField(label="要求", widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000)
    owner = forms.ModelChoiceField(label="责任人", queryset=Person.objects.none())
    area = forms.ChoiceField(label="领域", choices=Area.choices)
    due_at = forms.DateTimeField(label="办理时限", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    clause_id = forms.CharField(label="对应条款", max_length=20, required=False, help_text="如 一(一)5；逾期将据此提出差错线索")

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people if people is not None else Person.objects.active()

    def clean_due_at(self):
        due = self.cleaned_data["due_at"]
        if due <= timezone.now():
            raise forms.ValidationError("办理时限须晚于当前时间。")
        return due

    def clean_clause_id(self):
        from zeroerror.rulebook.catalogue import load_regulation

        value = self.cleaned_data["clause_id"].strip()
        if value and value not in {c.id for c in load_regulation().clauses}:
            raise forms.ValidationError("条款编号不存在，请按“一(一)5”的形式填写。")
        return value
