"""Helpers shared by the 信息公开 write paths: who acts, refusing, dates people type."""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.org.models import Person

AREA = "disclosure"
CLAUSE_PUBLICATION = "一(四)1"
CLAUSE_SECRECY = "一(四)2"
CLAUSE_ACCURACY = "一(四)3"
CLAUSE_TEXT = "一(四)4"
EARLIEST_YEAR = 2000


def person_of_actor(actor) -> Person:
    person = getattr(actor, "person", None)
    if person is None or not person.active:
        raise ValidationError("该账号未关联在职人员，不能办理信息公开。")
    return person


def refuse_unless(allowed: bool, message: str) -> None:
    if not allowed:
        raise ValidationError(message)


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time()))


def check_past_date(day, what: str) -> date:
    """A date that has happened: not empty, not before 2000, not after today."""
    if not isinstance(day, date):
        raise ValidationError(f"请填写{what}。")
    if day.year < EARLIEST_YEAR:
        raise ValidationError(f"{what}无效（不能早于{EARLIEST_YEAR}年）。")
    if day > timezone.localdate():
        raise ValidationError(f"{what}不能晚于今天。")
    return day


def local(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"
