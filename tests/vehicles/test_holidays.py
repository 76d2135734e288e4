"""Holiday periods (封存停驶) from the working-day calendar, without the database: 国庆 2025 and 春节 2026 with their
调休 working Saturdays, an ordinary weekend, and a year the package does not know (filled in by hand)."""

import datetime as dt

import chinese_calendar
import pytest

from zeroerror.vehicles.holidays import holiday_days_touched, holiday_period, is_holiday, periods_between
from zeroerror.workdays.calendar import WorkCalendar

D = dt.date
CALENDAR = WorkCalendar()


def name_of(day):
    return chinese_calendar.get_holiday_detail(day)[1]


@pytest.mark.clause("一(三)9")
def test_it_seals_the_whole_national_day_week_but_not_the_working_saturdays():
    period = holiday_period(D(2025, 10, 3), CALENDAR.is_workday, name_of)
    assert (period.start, period.end) == (D(2025, 10, 1), D(2025, 10, 8))
    assert period.name.startswith("国庆节")
    assert all(is_holiday(D(2025, 10, d), CALENDAR.is_workday) for d in range(1, 9))
    # 调休: Sunday 28 September and Saturday 11 October 2025 are working days
    assert not is_holiday(D(2025, 9, 28), CALENDAR.is_workday)
    assert not is_holiday(D(2025, 10, 11), CALENDAR.is_workday)
    assert not is_holiday(D(2025, 10, 9), CALENDAR.is_workday)


@pytest.mark.clause("一(三)9")
def test_it_seals_spring_festival_2026_and_not_its_working_saturdays():
    period = holiday_period(D(2026, 2, 17), CALENDAR.is_workday, name_of)
    assert (period.start, period.end, period.name) == (D(2026, 2, 15), D(2026, 2, 23), "春节")
    assert period.days == 9
    assert not is_holiday(D(2026, 2, 14), CALENDAR.is_workday)  # 调休 Saturday before
    assert not is_holiday(D(2026, 2, 28), CALENDAR.is_workday)  # 调休 Saturday after
    assert not is_holiday(D(2026, 2, 24), CALENDAR.is_workday)


def test_it_does_not_seal_an_ordinary_weekend():
    assert holiday_period(D(2025, 11, 15), CALENDAR.is_workday) is None  # a Saturday
    assert holiday_period(D(2025, 11, 16), CALENDAR.is_workday) is None
    assert holiday_period(D(2025, 11, 17), CALENDAR.is_workday) is None  # a Monday


def test_it_lists_the_periods_of_a_year_in_order():
    periods = list(periods_between(D(2025, 1, 1), D(2025, 12, 31), CALENDAR.is_workday, name_of))
    names = [p.name.split("、")[0] for p in periods]
    assert names == ["元旦", "春节", "清明节", "劳动节", "端午节", "国庆节"]


def test_it_tells_which_holiday_days_a_trip_touches():
    start = dt.datetime(2025, 9, 30, 16, 0)
    end = dt.datetime(2025, 10, 1, 10, 0)
    assert holiday_days_touched(start, end, CALENDAR.is_workday) == [D(2025, 10, 1)]
    assert holiday_days_touched(D(2025, 10, 9), D(2025, 10, 11), CALENDAR.is_workday) == []


def test_it_works_from_a_calendar_filled_in_by_hand():
    """2027 is unknown to the package: an administrator's overrides make 国庆 2027 (and a 调休 Saturday)."""
    overrides = {D(2027, 10, d): False for d in range(1, 8)} | {D(2027, 9, 25): True}
    calendar = WorkCalendar(overrides, base=None)
    period = holiday_period(D(2027, 10, 4), calendar.is_workday)
    assert (period.start, period.end, period.name) == (D(2027, 10, 1), D(2027, 10, 7), "节假日")
    assert not is_holiday(D(2027, 9, 25), calendar.is_workday)
