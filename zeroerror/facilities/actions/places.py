"""Places to keep clean and their rota (who cleans them)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.facilities import access, schedule
from zeroerror.facilities.models import Place, PlaceKind
from zeroerror.org.models import Person
from zeroerror.secrecy.actions.common import require_person, required_text


def _office(actor) -> Person:
    person = require_person(actor)
    if not access.runs_facilities(person):
        raise ValidationError("只有办公室可以管理保洁场所和轮值表。")
    return person


def _clean(unit, *, name, kind, room, occupant, daily_slots, cleaners) -> dict:
    name = required_text(name, "场所名称", 100)
    if kind not in PlaceKind.values:
        raise ValidationError("请选择场所类别。")
    slots = [s.strip() for s in (daily_slots or []) if s.strip()] or list(schedule.DEFAULT_SLOTS[kind])
    problem = schedule.slots_problem(kind, slots)
    if problem:
        raise ValidationError(problem)
    slots = sorted({f"{schedule.parse_slot(s):%H:%M}" for s in slots})
    if room is not None and room.unit_id != unit.pk:
        raise ValidationError("会议室不属于本单位。")
    if occupant is not None and (occupant.unit_id != unit.pk or not occupant.active):
        raise ValidationError("使用领导须为本单位在职人员。")
    cleaners = list(dict.fromkeys(cleaners))
    if not cleaners:
        raise ValidationError("请指定保洁轮值人员。")
    strangers = [p.name for p in cleaners if p.unit_id != unit.pk or not p.active]
    if strangers:
        raise ValidationError(f"保洁轮值人员须为本单位在职人员：{'、'.join(strangers)}。")
    return {"name": name, "kind": kind, "room": room, "occupant": occupant, "daily_slots": slots,
            "cleaners": cleaners}


@transaction.atomic(durable=True)
def do_create_place(*, name: str, kind: str, cleaners: Iterable[Person], room=None, occupant=None,
                    daily_slots: list[str] | None = None, actor) -> Place:
    person = _office(actor)
    data = _clean(person.unit, name=name, kind=kind, room=room, occupant=occupant, daily_slots=daily_slots,
                  cleaners=cleaners)
    if Place.objects.of_unit(person.unit).filter(name=data["name"]).exists():
        raise ValidationError(f"场所“{data['name']}”已登记。")
    cleaners = data.pop("cleaners")
    place = Place.objects.create(unit=person.unit, **data)
    place.cleaners.set(cleaners)
    record("facilities.place.create", actor=actor, kind=AuditKind.CREATE, obj=place,
           changes={**{k: getattr(v, "pk", v) for k, v in data.items()}, "cleaners": [p.pk for p in cleaners]})
    return place


@transaction.atomic(durable=True)
def do_update_place(place: Place, *, name: str, kind: str, cleaners: Iterable[Person], room=None, occupant=None,
                    daily_slots: list[str] | None = None, active: bool = True, actor) -> Place:
    _office(actor)
    place = Place.objects.select_for_update().get(pk=place.pk)
    data = _clean(place.unit, name=name, kind=kind, room=room, occupant=occupant, daily_slots=daily_slots,
                  cleaners=cleaners)
    if Place.objects.of_unit(place.unit).filter(name=data["name"]).exclude(pk=place.pk).exists():
        raise ValidationError(f"场所“{data['name']}”已登记。")
    cleaners = data.pop("cleaners")
    before = {k: getattr(getattr(place, k), "pk", getattr(place, k)) for k in data} | {
        "active": place.active, "cleaners": sorted(place.cleaners.values_list("pk", flat=True))}
    for key, value in data.items():
        setattr(place, key, value)
    place.active = bool(active)
    place.save(update_fields=[*data, "active"])
    place.cleaners.set(cleaners)
    after = {k: getattr(v, "pk", v) for k, v in data.items()} | {
        "active": place.active, "cleaners": sorted(p.pk for p in cleaners)}
    record("facilities.place.update", actor=actor, kind=AuditKind.CHANGE, obj=place,
           changes={k: [before[k], after[k]] for k in after if before[k] != after[k]})
    return place
