"""A schedule slot's data, checked the same way when drafting and in a route change."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.reception.actions.common import check_window, same_unit
from zeroerror.reception.models import ReceptionPlan, Slot

# a slot may start a little before the arrival (meeting the guests) and end after the departure (seeing them off)
MARGIN = timedelta(hours=12)
SLOT_FIELDS = ("start_at", "end_at", "activity", "place", "people", "vehicle", "is_stop")


def clean_slot(plan: ReceptionPlan, data: dict) -> dict:
    unknown = set(data) - set(SLOT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    data = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()}
    if not data.get("activity"):
        raise ValidationError("请填写活动内容。")
    if data.get("start_at") is None or data.get("end_at") is None:
        raise ValidationError("请填写日程的开始和结束时间。")
    check_window(data["start_at"], data["end_at"], what="日程")
    report = plan.report
    if data["start_at"] < report.arrive_at - MARGIN or data["end_at"] > report.depart_at + MARGIN:
        raise ValidationError("日程须在来宾抵达至离开期间。")
    data["people"] = same_unit(data.get("people") or [], report.unit, what="陪同/负责人员")
    data.setdefault("place", "")
    data.setdefault("vehicle", "")
    data["is_stop"] = bool(data.get("is_stop"))
    return data


def slot_people(slot: Slot) -> list[str]:
    return [p.name for p in slot.people.all()]


def slot_snapshot(slot: Slot) -> dict:
    return {"start_at": f"{timezone.localtime(slot.start_at):%Y-%m-%d %H:%M}",
            "end_at": f"{timezone.localtime(slot.end_at):%Y-%m-%d %H:%M}", "activity": slot.activity,
            "place": slot.place, "people": slot_people(slot), "vehicle": slot.vehicle, "is_stop": slot.is_stop}

