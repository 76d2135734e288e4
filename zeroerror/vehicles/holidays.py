"""Holiday periods for 封存停驶 (clause 一(三)9) — pure Python, no Django.

A *holiday period* is a maximal run of consecutive non-working days that contains at least one Monday–Friday day
off: 国庆 2025 is 1–8 October (the weekend inside it included), while an ordinary weekend is not a holiday period,
and a 调休 working Saturday (27 September 2025, 14 February 2026) breaks no run because it is a working day. The
rule needs only "is this a working day", so it works for the years the chinese-calendar package knows and for the
years an administrator fills in by hand in the working-day calendar.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

ONE_DAY = dt.timedelta(days=1)
# a holiday run is never longer than this (春节 with its weekends is 9 days); the search stops there
MAX_RUN = 20

NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
}


@dataclass(frozen=True)
class HolidayPeriod:
    start: dt.date
    end: dt.date  # inclusive
    name: str

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        return f"{self.name}（{self.start.month}月{self.start.day}日至{self.end.month}月{self.end.day}日）"


def _run(day: dt.date, is_workday: Callable[[dt.date], bool]) -> tuple[dt.date, dt.date] | None:
    if is_workday(day):
        return None
    start = end = day
    for _ in range(MAX_RUN):
        if is_workday(start - ONE_DAY):
            break
        start -= ONE_DAY
    for _ in range(MAX_RUN):
        if is_workday(end + ONE_DAY):
            break
        end += ONE_DAY
    return start, end


def holiday_period(day: dt.date, is_workday: Callable[[dt.date], bool],
                   name_of: Callable[[dt.date], str | None] | None = None) -> HolidayPeriod | None:
    """The holiday period containing ``day``, or None (a working day, or an ordinary weekend)."""
    run = _run(day, is_workday)
    if run is None:
        return None
    start, end = run
    days = [start + ONE_DAY * i for i in range((end - start).days + 1)]
    if all(d.weekday() >= 5 for d in days):
        return None
    names = Counter(n for n in (NAMES.get(name_of(d) or "", name_of(d)) if name_of else None for d in days) if n)
    name = "、".join(n for n, _ in names.most_common(2)) if names else "节假日"
    return HolidayPeriod(start, end, name)


def is_holiday(day: dt.date, is_workday: Callable[[dt.date], bool]) -> bool:
    return holiday_period(day, is_workday) is not None


def periods_between(first: dt.date, last: dt.date, is_workday: Callable[[dt.date], bool],
                    name_of: Callable[[dt.date], str | None] | None = None) -> Iterator[HolidayPeriod]:
    """Every holiday period overlapping [first, last], in order."""
    day = first
    while day <= last:
        period = holiday_period(day, is_workday, name_of)
        if period is None:
            day += ONE_DAY
            continue
        yield period
        day = period.end + ONE_DAY


def holiday_days_touched(start: dt.datetime | dt.date, end: dt.datetime | dt.date,
                         is_workday: Callable[[dt.date], bool]) -> list[dt.date]:
    """The holiday days a trip from ``start`` to ``end`` (local datetimes or dates) touches."""
    first = start.date() if isinstance(start, dt.datetime) else start
    last = end.date() if isinstance(end, dt.datetime) else end
    days = []
    day = first
    while day <= last:
        if is_holiday(day, is_workday):
            days.append(day)
        day += ONE_DAY
    return days
