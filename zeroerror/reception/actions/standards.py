"""接待标准 as configuration (clause 一(三)7): the office director sets each guest level's figures."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record, snapshot
from zeroerror.reception.access import can_set_standards
from zeroerror.reception.actions.common import actor_person, money
from zeroerror.reception.models import ReceptionStandard

STANDARD_FIELDS = ("level", "order", "meal_per_person", "room_per_night", "meals_max", "accompany_max",
                   "accompany_threshold", "accompany_divisor", "active")
COUNT_LIMITS = {"meals_max": ("每天工作餐次数上限", 1, 5), "accompany_max": ("陪餐人数上限", 0, 50),
                "accompany_threshold": ("来宾人数分界", 1, 500), "accompany_divisor": ("陪餐比例", 1, 20),
                "order": ("排序", 0, 10000)}


def _clean(data: dict) -> dict:
    data = dict(data)
    data["level"] = (data.get("level") or "").strip()
    if not data["level"]:
        raise ValidationError("请填写接待对象级别。")
    data["meal_per_person"] = money(data.get("meal_per_person"), what="工作餐标准")
    data["room_per_night"] = money(data.get("room_per_night"), what="住宿标准")
    for key, (label, low, high) in COUNT_LIMITS.items():
        if key in data and not (isinstance(data[key], int) and low <= data[key] <= high):
            raise ValidationError(f"{label}须在 {low} 至 {high} 之间。")
    return data


@transaction.atomic(durable=True)
def do_set_standard(standard: ReceptionStandard | None = None, *, actor, unit=None, **data) -> ReceptionStandard:
    """Create (``standard`` None) or change a guest level's standard. ``actor`` None is the system (set-up, demo)."""
    if actor is not None:
        person = actor_person(actor)
        if not can_set_standards(person):
            raise ValidationError("接待标准由办公室主任、副主任设置。")
        unit = person.unit
    data = _clean({k: v for k, v in data.items() if k in STANDARD_FIELDS})
    clash = ReceptionStandard.objects.of_unit(unit).filter(level=data["level"])
    if standard is not None:
        clash = clash.exclude(pk=standard.pk)
    if clash.exists():
        raise ValidationError(f"接待对象级别“{data['level']}”已存在。")
    if standard is None:
        standard = ReceptionStandard.objects.create(unit=unit, **data)
        record("reception.standard.create", actor=actor, kind=AuditKind.CREATE, obj=standard, changes=data)
        return standard
    standard = ReceptionStandard.objects.select_for_update().get(pk=standard.pk)
    before = snapshot(standard, list(data))
    for key, value in data.items():
        setattr(standard, key, value)
    standard.updated_at = timezone.now()
    standard.save(update_fields=[*data, "updated_at"])
    after = snapshot(standard, list(data))
    record("reception.standard.update", actor=actor, kind=AuditKind.CHANGE, obj=standard,
           changes={k: [before[k], after[k]] for k in after if before[k] != after[k]})
    return standard
