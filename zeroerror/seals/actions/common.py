"""Helpers shared by the seals actions."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone

from zeroerror.org.models import Person, Unit
from zeroerror.seals.models import SealUse

EARLIEST = date(2000, 1, 1)


def person_of_actor(actor) -> Person:
    person = getattr(actor, "person", None) if actor is not None else None
    if person is None or not person.active:
        raise ValidationError("该账号未关联在职人员。")
    return person


def lock_unit(unit: Unit) -> Unit:
    """Serialises the numbering of the unit's register (one 用印登记簿 per unit and year)."""
    return Unit.objects.select_for_update().get(pk=unit.pk)


def next_use_number(unit: Unit, year: int) -> int:
    top = SealUse.objects.filter(unit=unit, year=year).aggregate(m=Max("number"))["m"]
    return (top or 0) + 1


def check_date(value: date, label: str, *, latest: date | None = None) -> None:
    if value < EARLIEST or (latest is not None and value > latest):
        raise ValidationError(f"{label}不在合理范围内。")


def local_now() -> datetime:
    return timezone.localtime()


def check_text(value: str, label: str, max_length: int) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(f"请填写{label}。")
    if len(value) > max_length:
        raise ValidationError(f"{label}不能超过{max_length}个字。")
    return value
