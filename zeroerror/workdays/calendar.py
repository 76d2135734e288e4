"""Working-day arithmetic for 时限 (deadlines) — pure Python, no Django.

Whether a date is a working day is decided, in this order, by

1. the **overrides** mapping ``{date: is_workday}`` (the admin-editable table of the Django layer), then
2. the **base** function, by default ``chinese_calendar.is_workday`` — statutory holidays and 调休 working
   Saturdays/Sundays for the years the package covers. It raises ``NotImplementedError`` for other years, then
3. the **fallback**: Monday–Friday are working days, Saturday and Sunday are not.

A year is *covered* when the base function knows it, or when an administrator has declared the overrides for
that year complete (``complete_years``). :meth:`WorkCalendar.uncovered_years` tells the UI which years still
rely on the bare weekend rule, so administrators can be warned.

Conventions (the same as ordinary date arithmetic, with "day" read as "working day"):

* ``add_workdays(d, n)`` for ``n >= 1`` is the n-th working day strictly after ``d``: the day ``d`` itself is
  never counted (a document received on Saturday with a 1-working-day limit is due on Monday; received on
  Friday, also due on Monday). ``add_workdays(d, 0)`` is ``d`` when ``d`` is a working day, otherwise the first
  working day after ``d`` — so the result is always a working day, and on a non-working day adding 0 and
  adding 1 give the same date.
* ``count_workdays(start, end)`` counts the working days in the half-open interval ``(start, end]`` — after
  ``start``, up to and including ``end`` — like ``(end - start).days`` counts calendar days. Hence
  ``count_workdays(d, add_workdays(d, n)) == n`` for every ``n >= 1``, and for ``n == 0`` when ``d`` is a working
  day.
* ``workdays_between(a, b)`` is the signed version: ``count_workdays(a, b)`` when ``b >= a``, otherwise
  ``-count_workdays(b, a)``. "How many working days overdue" is ``workdays_between(due, today)``.
* Datetimes must be aware. Each operation works on the moment's local wall clock in ``tz`` (given by the
  caller, e.g. ``ZoneInfo("Asia/Shanghai")``); when the calendar has no ``tz`` the moment's own zone is used.
  Results are aware datetimes in that zone. Working hours are ``[day_start, day_end)`` of working days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from functools import cache

import chinese_calendar

__all__ = [
    "CalendarError",
    "WorkCalendar",
    "default_calendar",
]

ONE_DAY = dt.timedelta(days=1)
#: how many consecutive non-working days are tolerated before the calendar is considered broken
MAX_GAP_DAYS = 366

Hours = int | float | Decimal | Fraction | dt.timedelta
ClockTime = int | dt.time


class CalendarError(ValueError):
    """The calendar cannot answer: no working day within reach, bad argument, naive datetime."""


def _check_date(value: object, name: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TypeError(f"{name} must be a datetime.date, got {type(value).__name__}")
    return value


def _check_count(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"the number of working days must be an int, got {type(n).__name__}")
    if n < 0:
        raise CalendarError(f"the number of working days must be >= 0, got {n}")
    return n


def _to_timedelta(hours: Hours) -> dt.timedelta:
    if isinstance(hours, dt.timedelta):
        delta = hours
    elif isinstance(hours, bool) or not isinstance(hours, int | float | Decimal | Fraction):
        raise TypeError(f"hours must be a number or a timedelta, got {type(hours).__name__}")
    else:
        delta = dt.timedelta(microseconds=round(Fraction(hours) * 3_600_000_000))
    if delta < dt.timedelta(0):
        raise CalendarError(f"hours must be >= 0, got {hours}")
    return delta


def _to_clock(value: ClockTime, name: str) -> dt.time:
    if isinstance(value, dt.time):
        if value.tzinfo is not None:
            raise CalendarError(f"{name} must be a wall-clock time without tzinfo")
        return value
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 23:
        raise CalendarError(f"{name} must be an hour 0–23 or a datetime.time, got {value!r}")
    return dt.time(value)


class WorkCalendar:
    """Which days are working days, and deadline arithmetic over them. Immutable once built."""

    def __init__(
        self,
        overrides: Mapping[dt.date, bool] | None = None,
        *,
        base: Callable[[dt.date], bool] | None = chinese_calendar.is_workday,
        complete_years: Iterable[int] = (),
        tz: dt.tzinfo | None = None,
    ) -> None:
        """
        :param overrides: ``{date: True}`` makes a date a working day, ``{date: False}`` a day off; wins over
            everything else.
        :param base: a function telling whether a date is a working day and raising ``NotImplementedError``
            for years it does not know; ``None`` means weekends + overrides only.
        :param complete_years: years whose overrides an administrator has declared complete; they count as
            covered even when ``base`` does not know them.
        :param tz: the zone in which datetimes are interpreted (their wall clock); ``None`` = the moment's own.
        """
        table: dict[dt.date, bool] = {}
        for day, working in (overrides or {}).items():
            _check_date(day, "override key")
            if not isinstance(working, bool):
                raise TypeError(f"override for {day} must be a bool, got {type(working).__name__}")
            table[day] = working
        self._overrides = table
        self._base = base
        self._complete_years = frozenset(int(y) for y in complete_years)
        self.tz = tz
        self._base_years: dict[int, bool] = {}

    # ------------------------------------------------------------------ coverage

    def base_covers(self, year: int) -> bool:
        """Whether the base function (the chinese_calendar package) knows ``year``."""
        if self._base is None:
            return False
        known = self._base_years.get(year)
        if known is None:
            try:
                self._base(dt.date(year, 1, 1))
                self._base(dt.date(year, 12, 31))
                known = True
            except NotImplementedError:
                known = False
            self._base_years[year] = known
        return known

    def covered(self, year: int) -> bool:
        """True when ``year`` has authoritative holiday data (package or declared-complete overrides)."""
        return year in self._complete_years or self.base_covers(year)

    def uncovered_years(self, years: Iterable[int]) -> list[int]:
        """The years among ``years`` that fall back to the weekend rule, sorted, without duplicates."""
        return sorted({y for y in years if not self.covered(y)})

    # ------------------------------------------------------------------ days

    def is_workday(self, day: dt.date) -> bool:
        day = self._as_date(day)
        override = self._overrides.get(day)
        if override is not None:
            return override
        if self._base is not None and self._base_years.get(day.year) is not False:
            try:
                return bool(self._base(day))
            except NotImplementedError:
                self._base_years[day.year] = False
        return day.weekday() < 5

    def workday_on_or_after(self, day: dt.date) -> dt.date:
        first = day = self._as_date(day)
        for _ in range(MAX_GAP_DAYS + 1):
            if self.is_workday(day):
                return day
            day += ONE_DAY
        raise CalendarError(f"no working day within {MAX_GAP_DAYS} days from {first}")

    def workday_on_or_before(self, day: dt.date) -> dt.date:
        first = day = self._as_date(day)
        for _ in range(MAX_GAP_DAYS + 1):
            if self.is_workday(day):
                return day
            day -= ONE_DAY
        raise CalendarError(f"no working day within {MAX_GAP_DAYS} days up to {first}")

    def next_workday(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        return self.workday_on_or_after(self._as_date(day) + ONE_DAY)

    def previous_workday(self, day: dt.date) -> dt.date:
        """The last working day strictly before ``day``."""
        return self.workday_on_or_before(self._as_date(day) - ONE_DAY)

    def add_workdays(self, start: dt.date | dt.datetime, n: int) -> dt.date | dt.datetime:
        """The n-th working day after ``start`` (see the module docstring for ``n == 0``).

        With an aware datetime, the date part moves (in the calendar's zone) and the wall-clock time is kept.
        """
        n = _check_count(n)
        if isinstance(start, dt.datetime):
            local = self._localize(start)
            day = self._add_days(local.date(), n)
            return dt.datetime.combine(day, local.time(), tzinfo=local.tzinfo)
        return self._add_days(_check_date(start, "start"), n)

    def subtract_workdays(self, start: dt.date | dt.datetime, n: int) -> dt.date | dt.datetime:
        """Mirror of :meth:`add_workdays`: the n-th working day before ``start`` (``n == 0`` rolls back)."""
        n = _check_count(n)
        if isinstance(start, dt.datetime):
            local = self._localize(start)
            day = self._subtract_days(local.date(), n)
            return dt.datetime.combine(day, local.time(), tzinfo=local.tzinfo)
        return self._subtract_days(_check_date(start, "start"), n)

    def count_workdays(self, start: dt.date | dt.datetime, end: dt.date | dt.datetime) -> int:
        """Working days ``d`` with ``start < d <= end``; datetimes are reduced to their local dates."""
        start, end = self._as_date(start), self._as_date(end)
        if end < start:
            raise CalendarError(f"end {end} is before start {start}; use workdays_between for a signed count")
        count = 0
        day = start + ONE_DAY
        while day <= end:
            if self.is_workday(day):
                count += 1
            day += ONE_DAY
        return count

    def workdays_between(self, start: dt.date | dt.datetime, end: dt.date | dt.datetime) -> int:
        """Signed working-day distance: positive when ``end`` is later (e.g. working days overdue)."""
        start, end = self._as_date(start), self._as_date(end)
        if end >= start:
            return self.count_workdays(start, end)
        return -self.count_workdays(end, start)

    # ------------------------------------------------------------------ hours

    def add_working_hours(
        self,
        moment: dt.datetime,
        hours: Hours,
        day_start: ClockTime = 9,
        day_end: ClockTime = 17,
    ) -> dt.datetime:
        """``moment`` plus ``hours`` of working time, counting only ``[day_start, day_end)`` of working days.

        A moment outside working time starts counting at the next working period (so adding 0 hours to a
        Saturday moment gives the next working day at ``day_start``). A deadline that ends exactly at the end
        of a working period is reported at ``day_end`` of that day, not at ``day_start`` of the next.
        """
        opens, closes = self._working_clock(day_start, day_end)
        remaining = _to_timedelta(hours)
        local = self._localize(moment)
        zone = local.tzinfo
        day = local.date()
        clock = local.time()
        if not self.is_workday(day) or clock > closes:
            day, clock = self.next_workday(day), opens
        elif clock < opens:
            clock = opens
        while True:
            left_today = _clock_delta(clock, closes)
            if remaining <= left_today:
                return dt.datetime.combine(day, clock, tzinfo=zone) + remaining
            remaining -= left_today
            day, clock = self.next_workday(day), opens

    def working_hours_between(
        self,
        start: dt.datetime,
        end: dt.datetime,
        day_start: ClockTime = 9,
        day_end: ClockTime = 17,
    ) -> dt.timedelta:
        """Working time inside ``[start, end)``; negative when ``end`` is before ``start``."""
        opens, closes = self._working_clock(day_start, day_end)
        a, b = self._localize(start), self._localize(end)
        if b < a:
            return -self.working_hours_between(end, start, day_start, day_end)
        zone = a.tzinfo
        total = dt.timedelta(0)
        day = a.date()
        while day <= b.date():
            if self.is_workday(day):
                lo = max(a, dt.datetime.combine(day, opens, tzinfo=zone))
                hi = min(b, dt.datetime.combine(day, closes, tzinfo=zone))
                if hi > lo:
                    total += hi - lo
            day += ONE_DAY
        return total

    # ------------------------------------------------------------------ helpers

    def _add_days(self, day: dt.date, n: int) -> dt.date:
        result = self.workday_on_or_after(day)
        if n == 0:
            return result
        # from a non-working day, rolling forward already took the first of the n steps
        steps = n - 1 if result != day else n
        for _ in range(steps):
            result = self.next_workday(result)
        return result

    def _subtract_days(self, day: dt.date, n: int) -> dt.date:
        result = self.workday_on_or_before(day)
        if n == 0:
            return result
        steps = n - 1 if result != day else n
        for _ in range(steps):
            result = self.previous_workday(result)
        return result

    def _as_date(self, value: dt.date | dt.datetime) -> dt.date:
        if isinstance(value, dt.datetime):
            return self._localize(value).date()
        return _check_date(value, "day")

    def _localize(self, moment: dt.datetime) -> dt.datetime:
        if not isinstance(moment, dt.datetime):
            raise TypeError(f"expected an aware datetime, got {type(moment).__name__}")
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise CalendarError(f"naive datetime {moment.isoformat()}: pass an aware datetime (e.g. Asia/Shanghai)")
        return moment.astimezone(self.tz) if self.tz is not None else moment

    @staticmethod
    def _working_clock(day_start: ClockTime, day_end: ClockTime) -> tuple[dt.time, dt.time]:
        opens, closes = _to_clock(day_start, "day_start"), _to_clock(day_end, "day_end")
        if not opens < closes:
            raise CalendarError(f"day_start {opens} must be before day_end {closes}")
        return opens, closes


def _clock_delta(a: dt.time, b: dt.time) -> dt.timedelta:
    base = dt.date(2000, 1, 1)
    return dt.datetime.combine(base, b) - dt.datetime.combine(base, a)


@cache
def default_calendar() -> WorkCalendar:
    """The package-only calendar (no overrides, moments read in their own zone)."""
    return WorkCalendar()
