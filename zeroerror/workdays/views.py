from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from zeroerror.core.access import person_of
from zeroerror.org.roles import Role
from zeroerror.workdays.actions import do_set_calendar_override
from zeroerror.workdays.models import CalendarOverride
from zeroerror.workdays.service import uncovered_years, work_calendar


class OverrideForm(forms.Form):
    date = forms.DateField(label="日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    is_workday = forms.TypedChoiceField(label="调整为", choices=[("0", "放假"), ("1", "上班")],
                                        coerce=lambda v: v == "1")
    note = forms.CharField(label="说明", max_length=100, required=False)


def calendar_page(request: HttpRequest) -> HttpResponse:
    me = person_of(request)
    can_edit = me.has_role(Role.SYSTEM_ADMIN)
    form = OverrideForm(request.POST) if request.method == "POST" else OverrideForm()
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("仅系统管理员可以调整工作日历。")
        if form.is_valid():
            data = form.cleaned_data
            do_set_calendar_override(data["date"], data["is_workday"], data["note"], actor=request.user)
            messages.success(request, f"已将 {data['date']:%Y-%m-%d} 设为{'上班' if data['is_workday'] else '放假'}。")
            return redirect("workdays:calendar")
    today = timezone.localdate()
    cal = work_calendar()
    upcoming = []
    day = today
    while len(upcoming) < 10:
        if cal.is_workday(day):
            upcoming.append(day)
        day = day.fromordinal(day.toordinal() + 1)
    return render(request, "workdays/calendar.html", {
        "title": "工作日历", "form": form, "can_edit": can_edit,
        "overrides": CalendarOverride.objects.filter(date__year__gte=today.year - 1),
        "uncovered": uncovered_years(today), "upcoming": upcoming,
    })
