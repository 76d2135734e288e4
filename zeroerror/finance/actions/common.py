"""Helpers shared by the finance write paths."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.finance import access, rules
from zeroerror.org.models import Person
from zeroerror.org.roles import Role

MIN_YEAR, MAX_YEAR = 2000, 2100


def acting_person(actor) -> Person | None:
    return getattr(actor, "person", None) if actor is not None else None


def require_manager(actor, message: str) -> Person:
    person = acting_person(actor)
    if person is None or not access.can_manage(person):
        raise ValidationError(message)
    return person


def amount_of(value, label: str = "金额", *, allow_zero: bool = False):
    try:
        return rules.parse_amount(value, label=label, allow_zero=allow_zero)
    except rules.AmountError as exc:
        raise ValidationError(str(exc)) from None


def quantity_of(value, label: str = "数量") -> int:
    try:
        return rules.parse_quantity(value, label=label)
    except rules.AmountError as exc:
        raise ValidationError(str(exc)) from None


def year_of(value) -> int:
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError("预算年度须为四位年份，如 2026。") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(f"预算年度须在 {MIN_YEAR} 至 {MAX_YEAR} 年之间。")
    return year


def text_of(value, label: str, max_length: int, *, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(f"请填写{label}。")
    if len(text) > max_length:
        raise ValidationError(f"{label}不能超过 {max_length} 字。")
    return text


def date_of(value, label: str = "支出日期") -> date:
    if not isinstance(value, date):
        raise ValidationError(f"请填写有效的{label}。")
    if value > timezone.localdate():
        raise ValidationError(f"{label}不能晚于今天。")
    return value


def people_with(unit, *roles: str) -> list[Person]:
    return [p for p in Person.objects.active().filter(unit=unit).select_related("department")
            if p.has_role(*roles)]


def leaders(unit) -> list[Person]:
    return people_with(unit, Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE)
