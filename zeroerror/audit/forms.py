from datetime import date

from django import forms

from zeroerror.audit.models import AuditKind


class AuditSearchForm(forms.Form):
    q = forms.CharField(label="关键词", required=False, max_length=100, help_text="事件、对象、操作人或来源地址")
    kind = forms.ChoiceField(label="类别", required=False, choices=[("", "全部")] + AuditKind.choices)
    start = forms.DateField(label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end = forms.DateField(label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def _in_range(self, name):
        day = self.cleaned_data.get(name)
        if day is not None and not date(1900, 1, 1) <= day <= date(2999, 12, 31):
            raise forms.ValidationError("日期须在 1900-01-01 至 2999-12-31 之间。")
        return day

    def clean_start(self):
        return self._in_range("start")

    def clean_end(self):
        return self._in_range("end")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError("截止日期不能早于起始日期。")
        return data
