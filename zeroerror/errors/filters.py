"""Filters of the lead and error list (issue 9 item 10): person, department, clause, area, channel, status, month,
year. The choices offered are drawn from the leads the reader may see (no names from outside their scope); a value
that is not a choice is reported on the page and not applied — never a 500."""

from __future__ import annotations

from django import forms

from zeroerror.core.params import MAX_YEAR, MIN_YEAR
from zeroerror.errors.models import Channel, LeadStatus
from zeroerror.errors.models.inspections import area_choices
from zeroerror.errors.payroll import MONTH_RE
from zeroerror.org.models import Department, Person
from zeroerror.rulebook.models import Clause

ERRORS = "errors"  # the pseudo-status: every error (查实, and 查实 then overturned)
STATUS_CHOICES = [("", "全部状态"), (ERRORS, "差错（已查实）"), *LeadStatus.choices]


class LeadFilterForm(forms.Form):
    person = forms.ModelChoiceField(label="责任人", queryset=Person.objects.none(), required=False,
                                    empty_label="全部人员")
    department = forms.ModelChoiceField(label="科室", queryset=Department.objects.none(), required=False,
                                        empty_label="全部科室")
    clause = forms.ModelChoiceField(label="条款", queryset=Clause.objects.none(), required=False,
                                    empty_label="全部条款", to_field_name="code")
    area = forms.ChoiceField(label="领域", required=False)
    channel = forms.ChoiceField(label="渠道", required=False, choices=[("", "全部渠道"), *Channel.choices])
    status = forms.ChoiceField(label="状态", required=False, choices=STATUS_CHOICES)
    month = forms.CharField(label="月份", required=False, widget=forms.TextInput(attrs={"type": "month"}),
                            help_text="按发生月份")
    year = forms.IntegerField(label="年度", required=False, min_value=MIN_YEAR, max_value=MAX_YEAR)

    def __init__(self, data, *, visible):
        super().__init__(data)
        self.visible = visible
        self.fields["person"].queryset = Person.objects.filter(pk__in=visible.values("person_id")).select_related(
            "department").order_by("department__order", "rank", "id")
        self.fields["department"].queryset = Department.objects.filter(pk__in=visible.values("department_id"))
        self.fields["clause"].queryset = Clause.objects.filter(pk__in=visible.values("clause_id")).order_by("id")
        self.fields["area"].choices = [("", "全部领域"), *area_choices()]

    def clean_month(self):
        month = self.cleaned_data["month"].strip()
        if month and not MONTH_RE.match(month):
            raise forms.ValidationError(f"月份格式应为 YYYY-MM（{MIN_YEAR}–{MAX_YEAR} 年）。")
        return month

    def apply(self):
        """The visible leads narrowed by every valid filter (an invalid one is left out, its error shown)."""
        qs = self.visible
        if not self.is_bound:
            return qs
        self.is_valid()
        data = self.cleaned_data
        if data.get("person"):
            qs = qs.filter(person=data["person"])
        if data.get("department"):
            qs = qs.filter(department=data["department"])
        if data.get("clause"):
            qs = qs.filter(clause__code=data["clause"].code)
        if data.get("area"):
            qs = qs.filter(clause__area=data["area"])
        if data.get("channel"):
            qs = qs.filter(channel=data["channel"])
        status = data.get("status")
        if status == ERRORS:
            qs = qs.errors()
        elif status:
            qs = qs.filter(status=status)
        if data.get("month"):
            year, month = data["month"].split("-")
            qs = qs.filter(occurred_on__year=int(year), occurred_on__month=int(month))
        if data.get("year"):
            qs = qs.filter(occurred_on__year=data["year"])
        return qs
