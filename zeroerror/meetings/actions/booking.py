"""会议方案 and room booking (clauses 一(二)1, 2): proposing, revising, recurring meetings and the attendee list.

Room bookings lock the room row (``select_for_update``) before looking for overlaps, so two concurrent bookings of
the same room cannot both succeed. A removed invitee's invitation is withdrawn, never deleted.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record, snapshot
from zeroerror.meetings.access import meeting_url, visible_meetings
from zeroerror.meetings.actions.common import _clean_supervisors, _local, _person, snapshot_diff
from zeroerror.meetings.actions.notices import _send_notices, default_reply_deadline
from zeroerror.meetings.actions.seats import _refresh_seating
from zeroerror.meetings.models import Invitation, Meeting, MeetingStatus, Reply, Room
from zeroerror.org.models import Person, RoleAssignment
from zeroerror.org.roles import Role
from zeroerror.tracking.notify import notify

MEETING_FIELDS = ["title", "start_at", "end_at", "room", "organiser", "budget", "important",
                  "involves_principal_heads", "series", "occurrence", "status"]
MAX_OCCURRENCES = 52
# what a withdrawn invitation held when its person is invited again (kept in the audit record)
WITHDRAWN_FIELDS = ["notified_at", "withdrawn_at", "reply", "deputy_name", "absence_reason", "replied_at"]


def occurrences(start_at: datetime, end_at: datetime, weeks: int) -> list[tuple[datetime, datetime]]:
    """Weekly repetition at the same local wall-clock time (DST-safe for any zone)."""
    out = []
    local_start, local_end = timezone.localtime(start_at), timezone.localtime(end_at)
    tz = local_start.tzinfo
    for i in range(weeks):
        s = (local_start.replace(tzinfo=None) + timedelta(weeks=i))
        e = (local_end.replace(tzinfo=None) + timedelta(weeks=i))
        out.append((timezone.make_aware(s, tz), timezone.make_aware(e, tz)))
    return out


# Clause 一(二)1 "要求各科室（乡镇、部门）主要负责人参加": decided from the invitees' roles, not a checkbox — the
# principal heads (科室主要负责人) of at least this many departments are invited.
PRINCIPAL_HEADS_DEPARTMENTS = 2


def principal_head_departments(people: Iterable[Person]) -> set[int]:
    """The departments whose principal head (科室主要负责人, today) is among ``people``."""
    ids = [p.pk for p in people]
    return set(RoleAssignment.objects.current().filter(role=Role.DEPARTMENT_HEAD, person_id__in=ids)
               .values_list("department_id", flat=True))


def involves_principal_heads(people: Iterable[Person]) -> bool:
    return len(principal_head_departments(people)) >= PRINCIPAL_HEADS_DEPARTMENTS


def draft_hold_until(now: datetime | None = None) -> datetime:
    """How long a draft keeps its room (clause 一(二)2): ``ZEROERROR_MEETING_DRAFT_HOLD_HOURS`` after its last change."""
    return (now or timezone.now()) + timedelta(hours=settings.MEETING_DRAFT_HOLD_HOURS)


def _lock_room(room: Room) -> Room:
    locked = Room.objects.select_for_update().filter(pk=room.pk).first()
    if locked is None or not locked.active:
        raise ValidationError("会议室不存在或已停用。")
    return locked


def _check_slot(room: Room, start: datetime, end: datetime, exclude: Iterable[int] = (), *,
                viewer: Person | None = None) -> None:
    """Refuse an overlap; the message names who holds the slot (the meeting's title only if ``viewer`` may open
    it, clause 一(二)2 — the calendar shows the same)."""
    clash = (Meeting.objects.overlapping(room, start, end).exclude(pk__in=list(exclude))
             .select_related("organiser", "department").order_by("start_at").first())
    if clash is not None:
        shown = viewer is not None and visible_meetings(viewer).filter(pk=clash.pk).exists()
        what = f"“{clash.title}”" if shown else f"{clash.department.name}{clash.organiser.name}承办的会议"
        raise ValidationError(
            f"{room.name}在 {_local(start)} 至 {timezone.localtime(end):%H:%M} 已被{what}"
            f"（{_local(clash.start_at)} 至 {timezone.localtime(clash.end_at):%H:%M}）占用，不能重复预订。"
        )


def _check_capacity(room: Room, count: int) -> None:
    if count > room.capacity:
        raise ValidationError(f"{room.name}只能容纳 {room.capacity} 人，参会人员有 {count} 人，会场容量不足。")


def _clean_people(attendees: Iterable[Person], unit) -> list[Person]:
    people = list(dict.fromkeys(attendees))
    if not people:
        raise ValidationError("请选择参会人员。")
    strangers = [p.name for p in people if p.unit_id != unit.pk or not p.active]
    if strangers:
        raise ValidationError(f"参会人员不在本单位在职人员中：{'、'.join(strangers)}。")
    return people


def _check_podium(people: Sequence[Person], podium: Iterable[Person], host: Person | None) -> None:
    outside = [p.name for p in [*podium, *([host] if host else [])] if p not in people]
    if outside:
        raise ValidationError(f"主席台人员、主持人须在参会人员中：{'、'.join(outside)}。")


@transaction.atomic(durable=True)
def do_create_meeting(
    *,
    organiser: Person,
    title: str,
    purpose: str,
    agenda: str,
    start_at: datetime,
    end_at: datetime,
    room: Room,
    attendees: Iterable[Person],
    podium: Iterable[Person] = (),
    host: Person | None = None,
    materials_note: str = "",
    budget: Decimal | int = 0,
    dress_code: str = "",
    rules: str | None = None,
    important: bool = False,
    weeks: int = 1,
    supervisors: Iterable[Person] = (),
    actor,
) -> list[Meeting]:
    """Propose a 会议方案 and book its room; with ``weeks`` > 1, one meeting per week, all booked or none."""
    if timezone.is_naive(start_at) or timezone.is_naive(end_at):
        raise ValueError("meeting times must be aware")
    if not title.strip():
        raise ValidationError("请填写会议名称。")
    if not purpose.strip() or not agenda.strip():
        raise ValidationError("会议方案须写明会议目的和议程。")
    if end_at <= start_at:
        raise ValidationError("结束时间须晚于开始时间。")
    if start_at <= timezone.now():
        raise ValidationError("开始时间须晚于当前时间。")
    if not 1 <= weeks <= MAX_OCCURRENCES:
        raise ValidationError(f"每周重复的次数须在 1 到 {MAX_OCCURRENCES} 之间。")
    budget = Decimal(budget).quantize(Decimal("0.01"))
    if budget < 0:
        raise ValidationError("经费预算不能为负数。")
    if room.unit_id != organiser.unit_id:
        raise ValidationError("会议室不属于本单位。")
    people = _clean_people(attendees, organiser.unit)
    podium = list(dict.fromkeys(podium))
    _check_podium(people, podium, host)
    supervisors = _clean_supervisors(supervisors, organiser.unit)
    room = _lock_room(room)
    _check_capacity(room, len(people))
    slots = occurrences(start_at, end_at, weeks)
    for s, e in slots:
        _check_slot(room, s, e, viewer=organiser)
    series = uuid.uuid4() if weeks > 1 else None
    heads = involves_principal_heads(people)
    hold = draft_hold_until()
    meetings = []
    for i, (s, e) in enumerate(slots, 1):
        m = Meeting(
            unit=organiser.unit, title=title.strip(), purpose=purpose, agenda=agenda, start_at=s, end_at=e, room=room,
            organiser=organiser, department=organiser.department, materials_note=materials_note, budget=budget,
            dress_code=dress_code, important=important, involves_principal_heads=heads,
            series=series, occurrence=i, hold_until=hold,
        )
        if rules is not None:
            m.rules = rules
        m.requires_director = m.compute_requires_director(len(people))
        m.save()
        Invitation.objects.bulk_create([
            Invitation(meeting=m, person=p, on_podium=p in podium or p == host, is_host=p == host) for p in people
        ])
        m.supervisors.set(supervisors)
        record("meetings.meeting.create", actor=actor, kind=AuditKind.CREATE, obj=m,
               changes={"after": _meeting_snapshot(m), "attendees": [p.pk for p in people]})
        meetings.append(m)
    return meetings


PLAN_FIELDS = ["title", "purpose", "agenda", "start_at", "end_at", "room", "materials_note", "budget", "dress_code",
               "rules", "important"]


@transaction.atomic(durable=True)
def do_update_meeting(meeting: Meeting, *, actor, **fields) -> Meeting:
    """Revise a plan that is still being drafted (or was returned): a new time or room is booked under the room's
    lock like a new booking. An approved plan is not edited: cancel it and propose again."""
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise ValueError(f"not plan fields: {sorted(unknown)}")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.DRAFT:
        raise ValidationError("只有拟定中（含被退回）的会议方案可以修改；已报批或已批准的会议请退回或取消后重新拟定。")
    before = _meeting_snapshot(meeting)
    for key, value in fields.items():
        setattr(meeting, key, value)
    if not meeting.title.strip():
        raise ValidationError("请填写会议名称。")
    if not meeting.purpose.strip() or not meeting.agenda.strip():
        raise ValidationError("会议方案须写明会议目的和议程。")
    if timezone.is_naive(meeting.start_at) or timezone.is_naive(meeting.end_at):
        raise ValueError("meeting times must be aware")
    if meeting.end_at <= meeting.start_at:
        raise ValidationError("结束时间须晚于开始时间。")
    if meeting.start_at <= timezone.now():
        raise ValidationError("开始时间须晚于当前时间。")
    meeting.budget = Decimal(meeting.budget).quantize(Decimal("0.01"))
    if meeting.budget < 0:
        raise ValidationError("经费预算不能为负数。")
    if meeting.room.unit_id != meeting.unit_id:
        raise ValidationError("会议室不属于本单位。")
    room = _lock_room(meeting.room)
    count = meeting.invitations.count()
    _check_capacity(room, count)
    _check_slot(room, meeting.start_at, meeting.end_at, exclude=[meeting.pk], viewer=_person(actor))
    meeting.requires_director = meeting.compute_requires_director(count)
    meeting.hold_until = draft_hold_until()  # revising the plan keeps the room held
    meeting.save()
    record("meetings.meeting.update", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes=snapshot_diff(before, _meeting_snapshot(meeting)))
    return meeting


def _meeting_snapshot(meeting: Meeting) -> dict:
    data = snapshot(meeting, MEETING_FIELDS)
    data["hold_until"] = meeting.hold_until
    data["series"] = str(meeting.series) if meeting.series else None
    return data


@transaction.atomic(durable=True)
def do_set_attendees(meeting: Meeting, attendees: Iterable[Person], *, podium: Iterable[Person] = (),
                     host: Person | None = None, actor) -> Meeting:
    """Change who is invited. The room must still hold them; new invitees of a notified meeting get their notice;
    the seating is regenerated."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.is_open:
        raise ValidationError(f"会议{meeting.get_status_display()}。")
    if meeting.end_at <= timezone.now():
        raise ValidationError("会议已结束，不能再调整参会人员。")
    people = _clean_people(attendees, meeting.unit)
    podium = list(dict.fromkeys(podium))
    _check_podium(people, podium, host)
    room = _lock_room(meeting.room)
    _check_capacity(room, len(people))
    meeting.involves_principal_heads = involves_principal_heads(people)
    requires = meeting.compute_requires_director(len(people))
    if requires and not meeting.requires_director and meeting.status != MeetingStatus.DRAFT:
        raise ValidationError("参会人数将超过10人且要求主要负责人参加，须经办公室主任把关并报主要领导同意："
                              "请先撤回重新报批。")
    rows = {inv.person_id: inv for inv in Invitation.all_objects.filter(meeting=meeting).select_related("person")}
    current = {pk: inv for pk, inv in rows.items() if inv.withdrawn_at is None}
    wanted = {p.pk: p for p in people}
    now = timezone.now()
    removed = [pk for pk in current if pk not in wanted]
    if removed:
        # never deleted: the row (and its handouts) stays as evidence; who was notified is told it is withdrawn (错发)
        Invitation.objects.filter(meeting=meeting, person_id__in=removed).update(withdrawn_at=now)
        withdrawn = [current[pk].person for pk in removed if current[pk].notified_at is not None]
        notify(withdrawn, f"会议通知撤回：{meeting.title}", url="",
               body=f"您不再列入 {_local(meeting.start_at)} 在{meeting.room.name}召开的“{meeting.title}”参会人员名单，"
                    "此前的会议通知作废。")
    restored = [rows[pk] for pk in wanted if pk in rows and pk not in current]
    restored_from = {inv.pk: snapshot(inv, WITHDRAWN_FIELDS) for inv in restored}
    for inv in restored:
        # invited again: the same row, as a fresh invitation (a new notice, a new reply); the earlier notice and its
        # withdrawal stay in the audit record below
        inv.withdrawn_at = None
        inv.notified_at = inv.replied_at = inv.reminded_at = None
        inv.reply, inv.deputy_name, inv.absence_reason = Reply.PENDING, "", ""
        inv.save(update_fields=["withdrawn_at", "notified_at", "replied_at", "reminded_at", "reply", "deputy_name",
                                "absence_reason"])
    added = [Invitation(meeting=meeting, person=p) for pk, p in wanted.items() if pk not in rows]
    Invitation.objects.bulk_create(added)
    podium_ids = {p.pk for p in podium} | ({host.pk} if host else set())
    meeting.invitations.update(on_podium=False, is_host=False)
    meeting.invitations.filter(person_id__in=podium_ids).update(on_podium=True)
    if host:
        meeting.invitations.filter(person=host).update(is_host=True)
    meeting.requires_director = requires
    meeting.save(update_fields=["requires_director", "involves_principal_heads"])
    record("meetings.meeting.attendees", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes={"added": sorted([*(p.person_id for p in added), *(i.person_id for i in restored)]),
                    "removed": sorted(removed),
                    "withdrawn_notices": sorted(pk for pk in removed if current[pk].notified_at is not None),
                    "restored": [{"person": i.person_id, "previous": restored_from[i.pk]} for i in restored],
                    "podium": sorted(podium_ids), "host": host.pk if host else None})
    if meeting.notice_sent_at is not None and (added or restored):
        _send_notices(meeting, actor=actor)
    _refresh_seating(meeting, actor=actor, reason="参会人员变动")
    return meeting


RESET_ON_RESCHEDULE = ["reply", "deputy", "deputy_name", "absence_reason", "replied_at", "reminded_at", "reply_late"]


@transaction.atomic(durable=True)
def do_reschedule_meeting(meeting: Meeting, *, start_at: datetime, end_at: datetime, room: Room | None = None,
                          reason: str, actor) -> Meeting:
    """改期 of an approved meeting (clause 一(二)2, 3): the new slot is booked under the room's lock, the approval
    stands, the approving leader is told, and everyone notified receives a change notice and replies again."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("room", "approved_by").get(pk=meeting.pk)
    reason = reason.strip()
    if meeting.status != MeetingStatus.APPROVED:
        raise ValidationError("只有已批准的会议可以改期；拟定中的会议方案直接修改。")
    if meeting.start_at <= timezone.now():
        raise ValidationError("会议已开始，不能改期。")
    if not reason:
        raise ValidationError("请填写改期原因。")
    if timezone.is_naive(start_at) or timezone.is_naive(end_at):
        raise ValueError("meeting times must be aware")
    if end_at <= start_at:
        raise ValidationError("结束时间须晚于开始时间。")
    if start_at <= timezone.now():
        raise ValidationError("开始时间须晚于当前时间。")
    room = room or meeting.room
    if room.unit_id != meeting.unit_id:
        raise ValidationError("会议室不属于本单位。")
    if (start_at, end_at, room.pk) == (meeting.start_at, meeting.end_at, meeting.room_id):
        raise ValidationError("时间和会议室都没有变化。")
    room = _lock_room(room)
    _check_capacity(room, meeting.invitations.count())
    _check_slot(room, start_at, end_at, exclude=[meeting.pk], viewer=_person(actor))
    before = {"start_at": meeting.start_at, "end_at": meeting.end_at, "room": meeting.room_id}
    old_place = f"{_local(meeting.start_at)} {meeting.room.name}"
    meeting.rescheduled_from = meeting.rescheduled_from or meeting.start_at
    meeting.start_at, meeting.end_at, meeting.room, meeting.reschedule_reason = start_at, end_at, room, reason
    if meeting.reply_deadline is not None:
        meeting.reply_deadline = default_reply_deadline(meeting)
    meeting.save(update_fields=["start_at", "end_at", "room", "rescheduled_from", "reschedule_reason",
                                "reply_deadline"])
    notified = list(meeting.invitations.filter(notified_at__isnull=False).select_related("person"))
    meeting.invitations.filter(notified_at__isnull=False).update(
        reply=Reply.PENDING, deputy=None, deputy_name="", absence_reason="", replied_at=None, reminded_at=None,
        reply_late=False)
    record("meetings.meeting.reschedule", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes={"before": before, "after": {"start_at": start_at, "end_at": end_at, "room": room.pk},
                    "reason": reason, "renotified": [i.person_id for i in notified]})
    new_place = f"{_local(start_at)} 至 {timezone.localtime(end_at):%H:%M} {room.name}"
    notify([i.person for i in notified], f"会议改期：{meeting.title}", url=meeting_url(meeting),
           body=f"原定 {old_place}，改为 {new_place}。原因：{reason}。请重新回执。")
    if meeting.approved_by is not None:
        notify([meeting.approved_by], f"已批准的会议改期：{meeting.title}", url=meeting_url(meeting),
               body=f"原定 {old_place}，改为 {new_place}。原因：{reason}。")
    return meeting
