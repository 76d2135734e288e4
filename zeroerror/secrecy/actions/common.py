"""Helpers shared by the write paths of 安全保密 (and of 环境: the same checks of people and times)."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.org.models import Person


def actor_person(actor) -> Person | None:
    return getattr(actor, "person", None) if actor is not None else None


def require_person(actor) -> Person:
    person = actor_person(actor)
    if person is None or not person.active:
        raise ValidationError("该账号未关联在职人员。")
    return person


def require_colleague(person: Person | None, unit, what: str) -> Person:
    if person is None or person.unit_id != unit.pk or not person.active:
        raise ValidationError(f"{what}须为本单位在职人员。")
    return person


def require_past(moment: datetime | None, what: str) -> datetime:
    """A time something was done: given, aware, and not in the future."""
    if moment is None:
        raise ValidationError(f"请填写{what}。")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    if moment > timezone.now():
        raise ValidationError(f"{what}不能晚于当前时间。")
    return moment


def require_within_round(moment: datetime | None, starts_at: datetime, what: str, round_name: str) -> datetime:
    """When a round was done: given, not in the future, not before the round began."""
    moment = require_past(moment, what)
    if moment < starts_at:
        raise ValidationError(f"{what}早于本次{round_name}的开始时间（{local(starts_at)}）。")
    return moment


def local(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def required_text(value: str | None, what: str, limit: int) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(f"请填写{what}。")
    if len(value) > limit:
        raise ValidationError(f"{what}不能超过 {limit} 字。")
    return value
