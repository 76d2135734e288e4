"""Helpers shared by the write paths of 会务工作."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.org.models import Person

SIGNIN_OPENS_BEFORE = timedelta(hours=2)


def _person(actor) -> Person | None:
    return getattr(actor, "person", None) if actor is not None else None


def _local(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def snapshot_diff(before: dict, after: dict) -> dict:
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def _clean_supervisors(people: Iterable[Person], unit) -> list[Person]:
    people = list(dict.fromkeys(people))
    strangers = [p.name for p in people if p.unit_id != unit.pk or not p.active]
    if strangers:
        raise ValidationError(f"会风监督员须为本单位在职人员：{'、'.join(strangers)}。")
    return people


def _people_with(unit, *roles: str) -> list[Person]:
    found: dict[int, Person] = {}
    for role in roles:
        for p in Person.objects.active().filter(unit=unit).with_role(role):
            found[p.pk] = p
    return list(found.values())
