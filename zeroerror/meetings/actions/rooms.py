"""Rooms (clauses 一(二)2, 5): a room's capacity cannot drop below a meeting already booked in it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record, snapshot
from zeroerror.meetings.actions.common import snapshot_diff
from zeroerror.meetings.models import Meeting, Room

ROOM_FIELDS = ["name", "location", "capacity", "is_large", "has_power", "has_sound", "has_video", "has_recording",
               "has_projector", "podium_row_size", "hall_rows", "hall_cols", "active"]


def _check_room(unit, name: str, capacity: int, exclude_pk=None) -> None:
    if not name.strip():
        raise ValidationError("请填写会议室名称。")
    if capacity is None or capacity < 1:
        raise ValidationError("会议室容纳人数必须大于零。")
    if Room.objects.of_unit(unit).filter(name=name.strip()).exclude(pk=exclude_pk).exists():
        raise ValidationError(f"会议室“{name.strip()}”已存在。")


@transaction.atomic(durable=True)
def do_create_room(*, unit, name: str, capacity: int, actor, **fields) -> Room:
    _check_room(unit, name, capacity)
    room = Room.objects.create(unit=unit, name=name.strip(), capacity=capacity, **fields)
    record("meetings.room.create", actor=actor, kind=AuditKind.CREATE, obj=room,
           changes={"after": snapshot(room, ROOM_FIELDS)})
    return room


@transaction.atomic(durable=True)
def do_update_room(room: Room, *, actor, **fields) -> Room:
    room = Room.objects.select_for_update().get(pk=room.pk)
    before = snapshot(room, ROOM_FIELDS)
    for key, value in fields.items():
        setattr(room, key, value)
    _check_room(room.unit, room.name, room.capacity, exclude_pk=room.pk)
    booked = Meeting.objects.booked().filter(room=room, end_at__gte=timezone.now()).with_counts()
    too_small = [m for m in booked if m.invited_count > room.capacity]
    if too_small:
        raise ValidationError(f"已预订的会议“{too_small[0].title}”有 {too_small[0].invited_count} 人，"
                              f"会议室容量不能减到 {room.capacity} 人。")
    room.save()
    record("meetings.room.update", actor=actor, kind=AuditKind.CHANGE, obj=room,
           changes=snapshot_diff(before, snapshot(room, ROOM_FIELDS)))
    return room
