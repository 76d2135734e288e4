"""Helpers shared by the write paths of 公务用车."""

from __future__ import annotations

import datetime as dt
from datetime import datetime, timedelta

import chinese_calendar
from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.org.models import Person
from zeroerror.vehicles import holidays
from zeroerror.vehicles.models import ODOMETER_MAX, OdometerReading, Vehicle
from zeroerror.workdays.service import work_calendar

# a departure or return may be logged a few minutes ahead of the clock, not more
CLOCK_SLACK = timedelta(minutes=10)
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def actor_person(actor) -> Person | None:
    return getattr(actor, "person", None) if actor is not None else None


def require_person(actor) -> Person:
    person = actor_person(actor)
    if person is None or not person.active:
        raise ValidationError("该账号未关联在职人员。")
    return person


def local(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def check_moment(moment, label: str) -> datetime:
    if not isinstance(moment, datetime) or timezone.is_naive(moment):
        raise ValidationError(f"请填写{label}。")
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise ValidationError(f"{label}须在 {EARLIEST_YEAR} 年至 {LATEST_YEAR} 年之间。")
    return moment


def check_not_future(moment: datetime, label: str) -> None:
    if moment > timezone.now() + CLOCK_SLACK:
        raise ValidationError(f"{label}不能晚于当前时间。")


def check_value(value, label: str = "里程表读数") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= ODOMETER_MAX:
        raise ValidationError(f"{label}须为 0 至 {ODOMETER_MAX} 之间的整数（公里）。")
    return value


def check_text(value: str, message: str, max_length: int) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    if len(value) > max_length:
        raise ValidationError(f"{message.rstrip('。')}（不超过 {max_length} 字）。")
    return value


def check_reading(vehicle: Vehicle, value: int, at: datetime, *, exclude_pk=None) -> None:
    """The odometer never goes backwards: ``value`` at ``at`` lies between the effective readings around it."""
    check_value(value)
    readings = OdometerReading.objects.of_vehicle(vehicle).originals().with_corrections().exclude(pk=exclude_pk)
    before = readings.filter(read_at__lte=at).order_by("-read_at", "-pk").first()
    if before is not None and value < before.effective_value:
        raise ValidationError(
            f"{vehicle.plate} 里程表读数 {value} 公里低于 {local(before.read_at)} 的读数 {before.effective_value} "
            f"公里：里程不能倒退。原读数登记有误的，请登记更正并说明原因。")
    after = readings.filter(read_at__gt=at).order_by("read_at", "pk").first()
    if after is not None and value > after.effective_value:
        raise ValidationError(
            f"{vehicle.plate} 里程表读数 {value} 公里高于其后 {local(after.read_at)} 的读数 {after.effective_value} "
            f"公里：里程不能倒退。")


def add_reading(vehicle: Vehicle, kind: str, value: int, at: datetime, *, person, reason: str = "",
                corrects=None) -> OdometerReading:
    reading = OdometerReading.objects.create(vehicle=vehicle, kind=kind, value=value, read_at=at, reason=reason,
                                             corrects=corrects, recorded_by=person)
    refresh_odometer(vehicle)
    return reading


def refresh_odometer(vehicle: Vehicle) -> None:
    """Keep ``vehicle.odometer`` at the effective value of the latest reading of its ledger."""
    latest = (OdometerReading.objects.of_vehicle(vehicle).originals().with_corrections()
              .order_by("-read_at", "-pk").first())
    vehicle.odometer = latest.effective_value if latest else 0
    vehicle.odometer_at = latest.read_at if latest else None
    vehicle.save(update_fields=["odometer", "odometer_at"])


def _name_of(day: dt.date) -> str | None:
    try:
        return chinese_calendar.get_holiday_detail(day)[1]
    except NotImplementedError:
        return None


def holiday_touched(start: datetime, end: datetime | None) -> holidays.HolidayPeriod | None:
    """The first holiday period (封存停驶) a trip from ``start`` to ``end`` touches, by the working-day calendar."""
    calendar = work_calendar()
    first = timezone.localtime(start).date()
    last = timezone.localtime(end or start).date()
    return next(holidays.periods_between(first, last, calendar.is_workday, _name_of), None)


def holiday_period_of(day: dt.date) -> holidays.HolidayPeriod | None:
    return holidays.holiday_period(day, work_calendar().is_workday, _name_of)


def upcoming_holidays(first: dt.date, last: dt.date) -> list[holidays.HolidayPeriod]:
    return list(holidays.periods_between(first, last, work_calendar().is_workday, _name_of))
