"""Helpers shared by the write paths of 政务接待."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.org.models import Person

MAX_AHEAD = timedelta(days=366)
MAX_MONEY = Decimal("9999999.99")


def actor_person(actor) -> Person:
    person = getattr(actor, "person", None) if actor is not None else None
    if person is None or not person.active:
        raise ValidationError("该账号未关联在职人员。")
    return person


def local(moment: datetime | None) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}" if moment else ""


def check_window(start: datetime, end: datetime, *, what: str) -> None:
    if timezone.is_naive(start) or timezone.is_naive(end):
        raise ValidationError(f"{what}须含时区。")
    if end <= start:
        raise ValidationError(f"{what}的结束时间须晚于开始时间。")
    if start > timezone.now() + MAX_AHEAD:
        raise ValidationError(f"{what}须在一年以内。")


def money(value, *, what: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError) as exc:
        raise ValidationError(f"{what}须为金额。") from exc
    if not amount.is_finite() or amount < 0 or amount > MAX_MONEY:
        raise ValidationError(f"{what}须在 0 至 {MAX_MONEY} 元之间。")
    return amount.quantize(Decimal("0.01"))


def same_unit(people, unit, *, what: str) -> list[Person]:
    people = list(dict.fromkeys(p for p in people if p is not None))
    strangers = [p.name for p in people if p.unit_id != unit.pk or not p.active]
    if strangers:
        raise ValidationError(f"{what}须为本单位在职人员：{'、'.join(strangers)}。")
    return people
