"""The unit's working-day service: the statutory calendar corrected by the administrators' override table.

国庆 2026 (chinesecalendar): off Thu 10-01 … Wed 10-07; 调休 working days Sun 09-20 and Sat 10-10.
2027 is not known to the package.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from zeroerror.workdays.models import CalendarOverride
from zeroerror.workdays.service import (
    add_workdays,
    add_working_hours,
    deadline_in_workdays,
    uncovered_years,
    work_calendar,
)

pytestmark = pytest.mark.django_db

SH = ZoneInfo("Asia/Shanghai")


def at(y, m, d, hh=0, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=SH)


def override(day, is_workday, note=""):
    return CalendarOverride.objects.create(date=day, is_workday=is_workday, note=note)


def test_it_follows_the_statutory_calendar_without_overrides():
    cal = work_calendar()

    assert not cal.is_workday(date(2026, 10, 5))  # Monday in the 国庆 week
    assert cal.is_workday(date(2026, 10, 10))  # Saturday, 调休
    assert not cal.is_workday(date(2026, 10, 11))  # ordinary Sunday


def test_it_lets_an_override_win_over_the_statutory_calendar():
    override(date(2026, 10, 5), True, "值班上班")
    override(date(2026, 10, 10), False, "调休取消")
    override(date(2026, 10, 12), False, "单位放假")

    cal = work_calendar()

    assert cal.is_workday(date(2026, 10, 5))
    assert not cal.is_workday(date(2026, 10, 10))
    assert not cal.is_workday(date(2026, 10, 12))
    assert cal.is_workday(date(2026, 10, 13))


@pytest.mark.clause("一(一)4")
def test_it_sets_a_five_working_day_deadline_across_national_day_2026():
    # 09-29 Tue counts as day 0; then 09-30, (holiday 10-01…10-07), 10-08, 10-09, 10-10 (Sat, 调休), 10-12.
    assert deadline_in_workdays(5, start=at(2026, 9, 29, 10, 30)) == at(2026, 10, 12, 17)


@pytest.mark.clause("一(一)4")
def test_it_puts_a_next_working_day_deadline_after_the_holiday():
    assert deadline_in_workdays(1, start=at(2026, 9, 30, 16)) == at(2026, 10, 8, 17)


@pytest.mark.clause("一(一)4")
def test_it_counts_from_the_first_working_day_when_started_during_the_holiday():
    # Received on 10-03 (holiday): the first working day 10-08 is day 1, so three working days end on 10-10.
    assert deadline_in_workdays(3, start=at(2026, 10, 3, 9)) == at(2026, 10, 10, 17)


@pytest.mark.clause("一(一)4")
def test_it_moves_a_deadline_when_an_override_adds_a_day_off():
    override(date(2026, 10, 12), False, "单位放假")

    assert deadline_in_workdays(5, start=at(2026, 9, 29, 10, 30)) == at(2026, 10, 13, 17)


@pytest.mark.clause("一(一)4")
def test_it_reads_the_start_in_local_time():
    # 2026-09-30 17:30 UTC is already 10-01 01:30 in Shanghai: the holiday, so day 1 is 10-08.
    start = datetime(2026, 9, 30, 17, 30, tzinfo=ZoneInfo("UTC"))

    assert deadline_in_workdays(1, start=start) == at(2026, 10, 8, 17)


@pytest.mark.clause("一(一)4")
def test_it_ends_the_deadline_at_midnight_when_the_working_day_ends_at_24(settings):
    settings.WORKDAY_END_HOUR = 24

    assert deadline_in_workdays(1, start=at(2026, 9, 30, 16)) == at(2026, 10, 9, 0)


def test_it_adds_working_days_keeping_the_local_time():
    assert add_workdays(at(2026, 9, 30, 14, 15), 2) == at(2026, 10, 9, 14, 15)


def test_it_adds_working_hours_across_the_holiday(settings):
    settings.WORKDAY_START_HOUR, settings.WORKDAY_END_HOUR = 9, 17

    assert add_working_hours(at(2026, 9, 30, 16), 2) == at(2026, 10, 8, 10)


def test_it_falls_back_to_weekends_in_an_uncovered_year():
    # 2027-01-01 is a Friday; nothing is known about 元旦 2027 yet.
    assert deadline_in_workdays(1, start=at(2026, 12, 31, 9)) == at(2027, 1, 1, 17)
    assert deadline_in_workdays(2, start=at(2027, 1, 1, 9)) == at(2027, 1, 5, 17)


def test_it_warns_about_next_year_until_an_override_for_it_exists():
    today = date(2026, 11, 27)
    assert uncovered_years(today) == [2027]

    override(date(2027, 1, 1), False, "2027年元旦")

    assert uncovered_years(today) == []


def test_it_uses_todays_date_by_default(monkeypatch):
    from zeroerror.workdays import service

    monkeypatch.setattr(service.timezone, "localdate", lambda: date(2026, 11, 27))

    assert uncovered_years() == [2027]


def test_it_does_not_warn_about_years_the_package_knows():
    assert uncovered_years(date(2025, 3, 1)) == []


def test_it_applies_2027_overrides_to_deadlines():
    override(date(2027, 1, 1), False, "2027年元旦")
    override(date(2027, 1, 4), False, "2027年元旦")

    assert deadline_in_workdays(1, start=at(2026, 12, 31, 9)) == at(2027, 1, 5, 17)
