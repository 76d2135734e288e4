"""Working-day arithmetic across 春节 and 国庆 with their 调休 days, overrides, and the uncovered-year fallback.

The holiday facts below are the State Council arrangements as shipped in chinesecalendar 1.11:
- 春节 2025: off 01-28 … 02-04; 调休 working days Sun 2025-01-26 and Sat 2025-02-08.
- 国庆 2025 (with 中秋 10-06): off 10-01 … 10-08; 调休 working days Sun 2025-09-28 and Sat 2025-10-11.
- 元旦 2026: off 01-01 … 01-03; 调休 working day Sun 2026-01-04.
- 春节 2026: off 02-15 … 02-23; 调休 working days Sat 2026-02-14 and Sat 2026-02-28.
- 中秋 2026: off Fri 09-25 … Sun 09-27.  国庆 2026: off 10-01 … 10-07; 调休 working days Sun 2026-09-20 and
  Sat 2026-10-10.
- 2027 is not covered by the package (it raises NotImplementedError), so the weekend rule applies.
"""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zeroerror.workdays.calendar import CalendarError, WorkCalendar, default_calendar

SH = ZoneInfo("Asia/Shanghai")
D = dt.date


def at(y, m, d, hh=0, mm=0, tz=SH):
    return dt.datetime(y, m, d, hh, mm, tzinfo=tz)


@pytest.fixture(scope="module")
def cal():
    return WorkCalendar(tz=SH)


# ---------------------------------------------------------------- which days are working days


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2025, 1, 26), True),  # Sunday, 调休
        (D(2025, 1, 28), False),  # 除夕
        (D(2025, 2, 4), False),
        (D(2025, 2, 5), True),
        (D(2025, 2, 8), True),  # Saturday, 调休
        (D(2025, 9, 28), True),  # Sunday, 调休
        (D(2025, 10, 6), False),  # 中秋 inside the National Day week
        (D(2025, 10, 8), False),
        (D(2025, 10, 11), True),  # Saturday, 调休
        (D(2026, 1, 4), True),  # Sunday, 调休 for 元旦
        (D(2026, 2, 14), True),  # Saturday, 调休
        (D(2026, 2, 23), False),  # Monday, last day of 春节
        (D(2026, 2, 28), True),  # Saturday, 调休
        (D(2026, 9, 20), True),  # Sunday, 调休
        (D(2026, 9, 25), False),  # Friday, 中秋
        (D(2026, 10, 7), False),
        (D(2026, 10, 10), True),  # Saturday, 调休
        (D(2026, 10, 11), False),  # ordinary Sunday
        (D(2026, 3, 4), True),  # ordinary Wednesday
    ],
)
def test_is_workday_knows_holidays_and_adjusted_days(cal, day, working):
    assert cal.is_workday(day) is working


# ---------------------------------------------------------------- deadlines (时限) across holidays


@pytest.mark.clause("一(一)4")
@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        # 春节 2025
        (D(2025, 1, 24), 1, D(2025, 1, 26)),  # Fri + 1 = the 调休 Sunday
        (D(2025, 1, 27), 1, D(2025, 2, 5)),
        (D(2025, 1, 27), 2, D(2025, 2, 6)),
        (D(2025, 2, 7), 1, D(2025, 2, 8)),  # Fri + 1 = the 调休 Saturday
        (D(2025, 2, 8), 1, D(2025, 2, 10)),
        # 国庆 2025
        (D(2025, 9, 26), 1, D(2025, 9, 28)),
        (D(2025, 9, 30), 1, D(2025, 10, 9)),
        (D(2025, 9, 30), 3, D(2025, 10, 11)),
        (D(2025, 9, 30), 4, D(2025, 10, 13)),
        # 元旦 2026
        (D(2025, 12, 31), 1, D(2026, 1, 4)),
        # 春节 2026
        (D(2026, 2, 13), 1, D(2026, 2, 14)),
        (D(2026, 2, 13), 2, D(2026, 2, 24)),
        (D(2026, 2, 27), 1, D(2026, 2, 28)),
        (D(2026, 2, 27), 2, D(2026, 3, 2)),
        # 中秋 and 国庆 2026
        (D(2026, 9, 18), 1, D(2026, 9, 20)),
        (D(2026, 9, 24), 1, D(2026, 9, 28)),
        (D(2026, 9, 30), 1, D(2026, 10, 8)),
        (D(2026, 9, 30), 3, D(2026, 10, 10)),
        (D(2026, 9, 30), 5, D(2026, 10, 13)),
        # starting on a holiday: the start day is not counted
        (D(2026, 10, 3), 1, D(2026, 10, 8)),
        (D(2026, 10, 3), 2, D(2026, 10, 9)),
        (D(2026, 2, 15), 1, D(2026, 2, 24)),
    ],
)
def test_add_workdays_across_holidays(cal, start, n, due):
    assert cal.add_workdays(start, n) == due


@pytest.mark.clause("一(一)4")
def test_adding_zero_rolls_a_day_off_forward_and_keeps_a_working_day(cal):
    assert cal.add_workdays(D(2026, 9, 30), 0) == D(2026, 9, 30)
    assert cal.add_workdays(D(2026, 10, 1), 0) == D(2026, 10, 8)
    assert cal.add_workdays(D(2026, 9, 19), 0) == D(2026, 9, 20)  # Saturday → the 调休 Sunday
    # on a day off, adding 0 and adding 1 coincide: the day off itself is never counted
    assert cal.add_workdays(D(2025, 2, 1), 0) == cal.add_workdays(D(2025, 2, 1), 1) == D(2025, 2, 5)


@pytest.mark.clause("一(一)4")
def test_add_workdays_on_aware_datetimes_keeps_the_time_of_day(cal):
    assert cal.add_workdays(at(2026, 9, 30, 16, 45), 1) == at(2026, 10, 8, 16, 45)
    assert cal.add_workdays(at(2026, 2, 13, 8, 5), 2) == at(2026, 2, 24, 8, 5)
    # the moment is read on the Shanghai wall clock: 2026-09-30 17:00 UTC is already 10-01 01:00 in Shanghai
    result = cal.add_workdays(dt.datetime(2026, 9, 30, 17, 0, tzinfo=dt.UTC), 1)
    assert result == at(2026, 10, 8, 1, 0)
    assert result.tzinfo is SH


def test_calendar_without_tz_uses_the_moments_own_zone():
    plus8 = dt.timezone(dt.timedelta(hours=8))
    assert default_calendar().add_workdays(at(2026, 9, 30, 9, 0, tz=plus8), 1) == at(2026, 10, 8, 9, 0, tz=plus8)


def test_naive_datetimes_and_bad_counts_are_refused(cal):
    with pytest.raises(CalendarError, match="naive datetime"):
        cal.add_workdays(dt.datetime(2026, 9, 30, 9, 0), 1)
    with pytest.raises(CalendarError, match=">= 0"):
        cal.add_workdays(D(2026, 9, 30), -1)
    with pytest.raises(TypeError):
        cal.add_workdays(D(2026, 9, 30), 1.5)
    with pytest.raises(TypeError):
        cal.add_workdays(D(2026, 9, 30), True)
    with pytest.raises(CalendarError, match="before start"):
        cal.count_workdays(D(2026, 10, 9), D(2026, 10, 8))


def test_next_previous_and_subtract(cal):
    assert cal.next_workday(D(2026, 9, 30)) == D(2026, 10, 8)
    assert cal.next_workday(D(2026, 10, 8)) == D(2026, 10, 9)
    assert cal.previous_workday(D(2026, 10, 8)) == D(2026, 9, 30)
    assert cal.previous_workday(D(2026, 2, 24)) == D(2026, 2, 14)
    assert cal.subtract_workdays(D(2026, 10, 8), 1) == D(2026, 9, 30)  # reminder 1 working day before due
    assert cal.subtract_workdays(D(2026, 10, 5), 0) == D(2026, 9, 30)
    assert cal.subtract_workdays(D(2026, 10, 5), 1) == D(2026, 9, 30)
    assert cal.subtract_workdays(D(2026, 10, 5), 2) == D(2026, 9, 29)
    assert cal.subtract_workdays(at(2026, 10, 8, 10, 0), 1) == at(2026, 9, 30, 10, 0)


# ---------------------------------------------------------------- counting


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (D(2025, 1, 31), D(2025, 2, 28), 19),  # February 2025
        (D(2025, 9, 30), D(2025, 10, 31), 18),  # October 2025
        (D(2026, 1, 31), D(2026, 2, 28), 16),  # February 2026
        (D(2026, 9, 30), D(2026, 10, 31), 18),  # October 2026
        (D(2026, 12, 31), D(2027, 1, 31), 21),  # January 2027: weekend rule
        (D(2026, 9, 30), D(2026, 9, 30), 0),
        (D(2026, 9, 30), D(2026, 10, 7), 0),  # the whole holiday
        (D(2026, 9, 29), D(2026, 10, 8), 2),  # 09-30 and 10-08; the start day is excluded
    ],
)
def test_count_workdays_in_half_open_interval(cal, start, end, count):
    assert cal.count_workdays(start, end) == count


@pytest.mark.clause("一(一)4")
def test_workdays_overdue_is_signed(cal):
    due = D(2026, 9, 30)
    assert cal.workdays_between(due, D(2026, 10, 7)) == 0  # overdue only in calendar days
    assert cal.workdays_between(due, D(2026, 10, 9)) == 2
    assert cal.workdays_between(D(2026, 10, 9), due) == -2
    assert cal.workdays_between(at(2026, 9, 30, 17, 0), at(2026, 10, 10, 8, 0)) == 3


# ---------------------------------------------------------------- overrides and uncovered years


@pytest.mark.clause("一(一)4")
def test_overrides_win_over_the_package():
    cal = WorkCalendar({D(2026, 10, 8): False, D(2026, 10, 3): True, D(2026, 10, 10): False})
    assert cal.is_workday(D(2026, 10, 8)) is False
    assert cal.is_workday(D(2026, 10, 3)) is True
    assert cal.add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 3)
    assert cal.add_workdays(D(2026, 9, 30), 2) == D(2026, 10, 9)
    assert cal.add_workdays(D(2026, 9, 30), 3) == D(2026, 10, 12)  # the 调休 Saturday was cancelled


def test_package_does_not_cover_2027_and_falls_back_to_weekends():
    cal = WorkCalendar()
    assert cal.covered(2026) is True
    assert cal.covered(2027) is False
    assert cal.uncovered_years([2028, 2025, 2027, 2027, 2026]) == [2027, 2028]
    assert cal.is_workday(D(2027, 1, 1)) is True  # a Friday: the weekend rule does not know 元旦
    assert cal.is_workday(D(2027, 1, 2)) is False
    assert cal.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 1)
    assert cal.add_workdays(D(2027, 1, 1), 1) == D(2027, 1, 4)


@pytest.mark.clause("一(一)4")
def test_2027_with_overrides_and_declared_complete():
    overrides = {D(2027, 1, 1): False, D(2027, 2, 6): True}
    cal = WorkCalendar(overrides, complete_years=[2027])
    assert cal.covered(2027) is True
    assert cal.base_covers(2027) is False
    assert cal.uncovered_years(range(2025, 2029)) == [2028]
    assert cal.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert cal.add_workdays(D(2027, 2, 5), 1) == D(2027, 2, 6)  # a Saturday made a working day
    assert cal.count_workdays(D(2026, 12, 31), D(2027, 1, 31)) == 20


def test_custom_base_and_no_base():
    every_day = WorkCalendar(base=lambda d: True)
    assert every_day.is_workday(D(2026, 10, 1)) and every_day.covered(1999)
    weekends_only = WorkCalendar(base=None)
    assert weekends_only.is_workday(D(2026, 10, 1)) is True
    assert weekends_only.is_workday(D(2026, 9, 20)) is False
    assert weekends_only.covered(2026) is False


def test_calendar_with_no_working_day_in_reach_fails_loudly():
    cal = WorkCalendar(base=lambda d: False)
    with pytest.raises(CalendarError, match="no working day within 366 days"):
        cal.add_workdays(D(2026, 1, 1), 1)


def test_override_table_is_validated():
    with pytest.raises(TypeError):
        WorkCalendar({dt.datetime(2026, 1, 1, 0, 0): True})
    with pytest.raises(TypeError):
        WorkCalendar({D(2026, 1, 1): 1})


# ---------------------------------------------------------------- working hours


@pytest.mark.clause("一(一)4")
@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        (at(2026, 3, 4, 10, 0), 2, at(2026, 3, 4, 12, 0)),
        (at(2026, 3, 6, 15, 30), 4, at(2026, 3, 9, 11, 30)),  # across an ordinary weekend
        (at(2026, 3, 6, 9, 0), 8, at(2026, 3, 6, 17, 0)),  # exactly the end of the day
        (at(2026, 3, 7, 10, 0), 1, at(2026, 3, 9, 10, 0)),  # from a Saturday
        (at(2026, 3, 4, 7, 0), 1, at(2026, 3, 4, 10, 0)),  # before opening
        (at(2026, 3, 4, 18, 0), 1, at(2026, 3, 5, 10, 0)),  # after closing
        (at(2026, 9, 18, 16, 0), 3, at(2026, 9, 20, 11, 0)),  # Friday → the 调休 Sunday
        (at(2026, 9, 30, 15, 0), 10, at(2026, 10, 8, 17, 0)),  # across 国庆
        (at(2026, 9, 30, 15, 0), Decimal("10.5"), at(2026, 10, 9, 9, 30)),
        (at(2026, 2, 13, 16, 0), 2, at(2026, 2, 14, 10, 0)),  # across 春节: the 调休 Saturday
        (at(2026, 2, 14, 16, 0), 2, at(2026, 2, 24, 10, 0)),
        (at(2026, 10, 3, 11, 0), 0, at(2026, 10, 8, 9, 0)),  # zero hours from a holiday
        (at(2026, 3, 4, 10, 0), dt.timedelta(minutes=90), at(2026, 3, 4, 11, 30)),
    ],
)
def test_add_working_hours(cal, start, hours, due):
    assert cal.add_working_hours(start, hours) == due


def test_add_working_hours_custom_day_and_utc_input(cal):
    assert cal.add_working_hours(at(2026, 3, 6, 17, 0), 2, day_start=8, day_end=dt.time(17, 30)) == at(
        2026, 3, 9, 9, 30
    )
    # 08:00 UTC = 16:00 in Shanghai
    assert cal.add_working_hours(dt.datetime(2026, 9, 30, 8, 0, tzinfo=dt.UTC), 2) == at(2026, 10, 8, 10, 0)
    with pytest.raises(CalendarError, match="must be before"):
        cal.add_working_hours(at(2026, 3, 4, 10, 0), 1, day_start=17, day_end=9)
    with pytest.raises(CalendarError, match=">= 0"):
        cal.add_working_hours(at(2026, 3, 4, 10, 0), -1)


def test_working_hours_between(cal):
    assert cal.working_hours_between(at(2026, 9, 30, 15, 0), at(2026, 10, 9, 9, 30)) == dt.timedelta(hours=10.5)
    assert cal.working_hours_between(at(2026, 10, 9, 9, 30), at(2026, 9, 30, 15, 0)) == -dt.timedelta(hours=10.5)
    assert cal.working_hours_between(at(2026, 10, 1, 0, 0), at(2026, 10, 7, 23, 0)) == dt.timedelta(0)


# ---------------------------------------------------------------- properties

dates = st.dates(min_value=D(2024, 1, 1), max_value=D(2028, 12, 31))
counts = st.integers(min_value=0, max_value=300)
override_tables = st.dictionaries(dates, st.booleans(), max_size=25)


@pytest.mark.clause("一(一)4")
@settings(deadline=None, max_examples=150)
@given(d=dates, n=counts, overrides=override_tables)
def test_property_add_workdays_lands_on_a_working_day_and_counts_back(d, n, overrides):
    cal = WorkCalendar(overrides)
    due = cal.add_workdays(d, n)
    assert cal.is_workday(due)
    assert due >= d
    expected = n if (n > 0 or cal.is_workday(d)) else 1
    assert cal.count_workdays(d, due) == expected
    assert cal.workdays_between(due, d) == -expected


@settings(deadline=None, max_examples=150)
@given(d=dates, n=counts, overrides=override_tables)
def test_property_add_workdays_is_monotonic_in_n(d, n, overrides):
    cal = WorkCalendar(overrides)
    a, b = cal.add_workdays(d, n), cal.add_workdays(d, n + 1)
    assert a <= b
    if n > 0 or cal.is_workday(d):
        assert a < b
        assert cal.count_workdays(a, b) == 1


@settings(deadline=None, max_examples=100)
@given(d=dates, k=counts, m=counts)
def test_property_adding_composes(d, k, m):
    cal = default_calendar()
    if k == 0 and not cal.is_workday(d):
        k = 1  # from a day off the first step is already taken by rolling forward
    assert cal.add_workdays(cal.add_workdays(d, k), m) == cal.add_workdays(d, k + m)


@settings(deadline=None, max_examples=100)
@given(d=dates, n=counts)
def test_property_subtract_undoes_add_on_working_days(d, n):
    cal = default_calendar()
    start = cal.workday_on_or_after(d)
    assert cal.subtract_workdays(cal.add_workdays(start, n), n) == start


@settings(deadline=None, max_examples=100)
@given(
    moment=st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2028, 12, 31)),
    minutes=st.integers(min_value=0, max_value=60 * 8 * 40),
)
def test_property_working_hours_round_trip(moment, minutes):
    cal = WorkCalendar(tz=SH)
    start = moment.replace(tzinfo=SH)
    hours = dt.timedelta(minutes=minutes)
    due = cal.add_working_hours(start, hours)
    assert due >= start
    assert cal.working_hours_between(start, due) == hours
    assert cal.is_workday(due.date())
    assert dt.time(9) <= due.time() <= dt.time(17)
