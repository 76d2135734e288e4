"""The unit's working-day calendar: the statutory calendar (chinese-calendar) corrected by the override table.

A year that chinese-calendar does not know yet counts as filled in once an administrator has entered at least one
override for it (they enter the State Council's holiday notice day by day); until then pages warn administrators
and deadlines fall back to Monday–Friday.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from zeroerror.workdays.calendar import WorkCalendar
from zeroerror.workdays.models import CalendarOverride


def work_calendar() -> WorkCalendar:
    overrides = CalendarOverride.objects.as_mapping()
    return WorkCalendar(
        overrides=overrides, complete_years={d.year for d in overrides}, tz=ZoneInfo(settings.TIME_ZONE)
    )


def add_workdays(moment: datetime, days: int) -> datetime:
    """``days`` working days after ``moment``, at the same local time."""
    return work_calendar().add_workdays(timezone.localtime(moment), days)


def add_working_hours(moment: datetime, hours: float) -> datetime:
    return work_calendar().add_working_hours(
        moment, hours, day_start=settings.WORKDAY_START_HOUR, day_end=settings.WORKDAY_END_HOUR
    )


def deadline_in_workdays(days: int, start: datetime | None = None) -> datetime:
    """The end of the working day ``days`` working days after ``start`` (default now): the usual 时限."""
    start = timezone.localtime(start or timezone.now())
    day = work_calendar().add_workdays(start.date(), days)
    # settings allow a working day ending at 24: that is midnight at the start of the next day
    return timezone.make_aware(datetime.combine(day, time()) + timedelta(hours=settings.WORKDAY_END_HOUR))


def uncovered_years(today: date | None = None) -> list[int]:
    """This year and next, where neither chinese-calendar nor the overrides know the holidays: warn admins."""
    today = today or timezone.localdate()
    return work_calendar().uncovered_years([today.year, today.year + 1])
