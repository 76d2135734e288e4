"""Write paths of 会务工作. Each ``do_*`` runs in one durable transaction, validates before writing (Chinese
messages) and writes its audit record in the same transaction.

Room bookings lock the room row (``select_for_update``) before looking for overlaps, so two concurrent bookings of
the same room cannot both succeed.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.attachments.actions import attach, read_upload
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record, snapshot
from zeroerror.errors.actions import propose_lead
from zeroerror.meetings import seating
from zeroerror.meetings.access import can_director_check, can_review, may_approve, meeting_url
from zeroerror.meetings.models import (
    CHECKLIST_CLAUSES,
    NOTICE_LEAD_WORKDAYS,
    SEATING_OPTIONS,
    Banner,
    BannerKind,
    BreachKind,
    BreachReport,
    Checklist,
    ChecklistKind,
    Decision,
    Handout,
    Invitation,
    Material,
    Meeting,
    MeetingStatus,
    NewsItem,
    Reply,
    ReviewStatus,
    Room,
    SeatingArrangement,
    SigninMethod,
    checklist_items,
)
from zeroerror.org.models import Department, Person
from zeroerror.org.roles import Role
from zeroerror.tracking.actions import create_tracked_item
from zeroerror.tracking.notify import notify
from zeroerror.workdays.service import work_calendar

ROOM_FIELDS = ["name", "location", "capacity", "is_large", "has_power", "has_sound", "has_video", "has_recording",
               "has_projector", "podium_row_size", "hall_rows", "hall_cols", "active"]
MEETING_FIELDS = ["title", "start_at", "end_at", "room", "organiser", "budget", "important",
                  "involves_principal_heads", "series", "occurrence", "status"]
MAX_OCCURRENCES = 52
# what a withdrawn invitation held when its person is invited again (kept in the audit record)
WITHDRAWN_FIELDS = ["notified_at", "withdrawn_at", "reply", "deputy_name", "absence_reason", "replied_at"]
SIGNIN_OPENS_BEFORE = timedelta(hours=2)
FILE_PURPOSES = ["会议材料", "录音", "照片", "领导指示", "会议纪要", "其他"]


def _person(actor) -> Person | None:
    return getattr(actor, "person", None) if actor is not None else None


def _local(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


# Rooms --------------------------------------------------------------------------------------------------------------

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


def snapshot_diff(before: dict, after: dict) -> dict:
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


# Booking ------------------------------------------------------------------------------------------------------------

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


def _lock_room(room: Room) -> Room:
    locked = Room.objects.select_for_update().filter(pk=room.pk).first()
    if locked is None or not locked.active:
        raise ValidationError("会议室不存在或已停用。")
    return locked


def _check_slot(room: Room, start: datetime, end: datetime, exclude: Iterable[int] = ()) -> None:
    clash = Meeting.objects.overlapping(room, start, end).exclude(pk__in=list(exclude)).order_by("start_at").first()
    if clash is not None:
        raise ValidationError(
            f"{room.name}在 {_local(start)} 至 {timezone.localtime(end):%H:%M} 已被“{clash.title}”"
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


def _clean_supervisors(people: Iterable[Person], unit) -> list[Person]:
    people = list(dict.fromkeys(people))
    strangers = [p.name for p in people if p.unit_id != unit.pk or not p.active]
    if strangers:
        raise ValidationError(f"会风监督员须为本单位在职人员：{'、'.join(strangers)}。")
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
    involves_principal_heads: bool = False,
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
        _check_slot(room, s, e)
    series = uuid.uuid4() if weeks > 1 else None
    meetings = []
    for i, (s, e) in enumerate(slots, 1):
        m = Meeting(
            unit=organiser.unit, title=title.strip(), purpose=purpose, agenda=agenda, start_at=s, end_at=e, room=room,
            organiser=organiser, department=organiser.department, materials_note=materials_note, budget=budget,
            dress_code=dress_code, important=important, involves_principal_heads=involves_principal_heads,
            series=series, occurrence=i,
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
               "rules", "important", "involves_principal_heads"]


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
    _check_slot(room, meeting.start_at, meeting.end_at, exclude=[meeting.pk])
    meeting.requires_director = meeting.compute_requires_director(count)
    meeting.save()
    record("meetings.meeting.update", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes=snapshot_diff(before, _meeting_snapshot(meeting)))
    return meeting


def _meeting_snapshot(meeting: Meeting) -> dict:
    data = snapshot(meeting, MEETING_FIELDS)
    data["series"] = str(meeting.series) if meeting.series else None
    return data


def _refresh_seating(meeting: Meeting, *, actor, reason: str) -> SeatingArrangement | None:
    existing = SeatingArrangement.objects.select_for_update().filter(meeting=meeting).first()
    if existing is None:
        return None
    try:
        options = {name: getattr(existing, name) for name in SEATING_OPTIONS}
        return _generate_seating(meeting, options, actor=actor, reason=reason)
    except ValidationError as exc:
        existing.warnings = [*existing.warnings, f"{reason}后未能重新生成座位表：{'；'.join(exc.messages)}"]
        existing.save(update_fields=["warnings"])
        return existing


@transaction.atomic(durable=True)
def do_set_attendees(meeting: Meeting, attendees: Iterable[Person], *, podium: Iterable[Person] = (),
                     host: Person | None = None, actor) -> Meeting:
    """Change who is invited. The room must still hold them; new invitees of a notified meeting get their notice;
    the seating is regenerated."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("会议已取消。")
    if meeting.end_at <= timezone.now():
        raise ValidationError("会议已结束，不能再调整参会人员。")
    people = _clean_people(attendees, meeting.unit)
    podium = list(dict.fromkeys(podium))
    _check_podium(people, podium, host)
    room = _lock_room(meeting.room)
    _check_capacity(room, len(people))
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
    meeting.save(update_fields=["requires_director"])
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


# Approval (clause 一(二)1) -------------------------------------------------------------------------------------------

def _series_rows(meeting: Meeting, status: str) -> list[Meeting]:
    """The meeting and the other occurrences of its series in the same state (one plan, one approval)."""
    qs = Meeting.objects.select_for_update(of=("self",)).select_related("department", "room")
    if meeting.series:
        rows = list(qs.filter(series=meeting.series, status=status).order_by("start_at"))
    else:
        rows = list(qs.filter(pk=meeting.pk, status=status))
    if not rows:
        raise ValidationError("会议状态已变化，请刷新后重试。")
    return rows


def _people_with(unit, *roles: str) -> list[Person]:
    found: dict[int, Person] = {}
    for role in roles:
        for p in Person.objects.active().filter(unit=unit).with_role(role):
            found[p.pk] = p
    return list(found.values())


def _approvers(meeting: Meeting) -> list[Person]:
    return [p for p in _people_with(meeting.unit, Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE)
            if may_approve(p, meeting)]


@transaction.atomic(durable=True)
def do_submit_meeting(meeting: Meeting, *, actor) -> list[Meeting]:
    """报批: to the office director first when clause 一(二)1 requires it, otherwise to the leaders."""
    rows = _series_rows(meeting, MeetingStatus.DRAFT)
    if rows[0].start_at <= timezone.now():
        raise ValidationError("会议开始时间已过，不能报批。")
    if rows[0].requires_director and not rows[0].department.is_office:
        raise ValidationError("要求各科室（乡镇、部门）主要负责人参加的超过10人的会议，由办公室统一组织会务，"
                              "请交由办公室承办后报批。")
    target = MeetingStatus.PENDING_DIRECTOR if rows[0].requires_director else MeetingStatus.PENDING_LEADER
    now = timezone.now()
    for m in rows:
        m.status, m.submitted_at, m.return_reason = target, now, ""
        m.save(update_fields=["status", "submitted_at", "return_reason"])
        record("meetings.meeting.submit", actor=actor, kind=AuditKind.TRANSITION, obj=m,
               changes={"status": [MeetingStatus.DRAFT, target]})
    first = rows[0]
    if target == MeetingStatus.PENDING_DIRECTOR:
        recipients = _people_with(first.unit, Role.OFFICE_DIRECTOR)
        title = f"会议方案待把关：{first.title}"
    else:
        recipients = _approvers(first)
        title = f"会议方案待审批：{first.title}"
    notify(recipients, title, url=meeting_url(first), body=f"{_local(first.start_at)} · {first.room.name}")
    return rows


@transaction.atomic(durable=True)
def do_director_check_meeting(meeting: Meeting, *, actor) -> list[Meeting]:
    """统一扎口把关 by the office director; the plan then goes to the principal leader."""
    person = _person(actor)
    rows = _series_rows(meeting, MeetingStatus.PENDING_DIRECTOR)
    if person is None or not can_director_check(person, rows[0]):
        raise ValidationError("只有办公室主任可以统一扎口把关。")
    now = timezone.now()
    for m in rows:
        m.status, m.director_checked_by, m.director_checked_at = MeetingStatus.PENDING_LEADER, person, now
        m.save(update_fields=["status", "director_checked_by", "director_checked_at"])
        record("meetings.meeting.director_check", actor=actor, kind=AuditKind.TRANSITION, obj=m,
               changes={"status": [MeetingStatus.PENDING_DIRECTOR, MeetingStatus.PENDING_LEADER]})
    notify(_approvers(rows[0]), f"会议方案待审批：{rows[0].title}", url=meeting_url(rows[0]),
           body=f"已经办公室主任{person.name}把关，请主要领导审定。")
    return rows


@transaction.atomic(durable=True)
def do_approve_meeting(meeting: Meeting, *, actor) -> list[Meeting]:
    person = _person(actor)
    rows = _series_rows(meeting, MeetingStatus.PENDING_LEADER)
    first = rows[0]
    if person is None or not may_approve(person, first):
        if first.requires_director:
            raise ValidationError("要求主要负责人参加且超过10人的会议，须报经本单位主要领导同意。")
        raise ValidationError("会议须经本单位领导（主要领导或分管领导）批准。")
    if first.requires_director and first.director_checked_at is None:
        raise ValidationError("该会议须先经办公室主任统一扎口把关。")
    now = timezone.now()
    for m in rows:
        m.status, m.approved_by, m.approved_at = MeetingStatus.APPROVED, person, now
        m.save(update_fields=["status", "approved_by", "approved_at"])
        record("meetings.meeting.approve", actor=actor, kind=AuditKind.TRANSITION, obj=m,
               changes={"status": [MeetingStatus.PENDING_LEADER, MeetingStatus.APPROVED]})
    notify([first.organiser], f"会议方案已批准：{first.title}", url=meeting_url(first), body=f"批准人：{person.name}")
    return rows


@transaction.atomic(durable=True)
def do_return_meeting(meeting: Meeting, reason: str, *, actor) -> list[Meeting]:
    """退回修改, by the director at the check or the approving leader."""
    person = _person(actor)
    if not reason.strip():
        raise ValidationError("请填写退回意见。")
    status = meeting.status
    if status not in (MeetingStatus.PENDING_DIRECTOR, MeetingStatus.PENDING_LEADER):
        raise ValidationError("只有待把关、待审批的会议可以退回。")
    rows = _series_rows(meeting, status)
    allowed = can_director_check(person, rows[0]) if status == MeetingStatus.PENDING_DIRECTOR else (
        person is not None and may_approve(person, rows[0]))
    if not allowed:
        raise ValidationError("您不能退回此会议方案。")
    for m in rows:
        m.status, m.return_reason = MeetingStatus.DRAFT, reason.strip()
        m.director_checked_by, m.director_checked_at = None, None
        m.save(update_fields=["status", "return_reason", "director_checked_by", "director_checked_at"])
        record("meetings.meeting.return", actor=actor, kind=AuditKind.TRANSITION, obj=m,
               changes={"status": [status, MeetingStatus.DRAFT], "reason": reason.strip()})
    notify([rows[0].organiser], f"会议方案被退回：{rows[0].title}", url=meeting_url(rows[0]), body=reason.strip())
    return rows


@transaction.atomic(durable=True)
def do_cancel_meeting(meeting: Meeting, reason: str, *, actor) -> Meeting:
    """Cancel one occurrence: the room is freed and those already notified are told."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not reason.strip():
        raise ValidationError("请填写取消原因。")
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("会议已取消。")
    if meeting.start_at <= timezone.now():
        raise ValidationError("会议已开始，不能取消。")
    before = meeting.status
    meeting.status, meeting.cancel_reason = MeetingStatus.CANCELLED, reason.strip()
    meeting.save(update_fields=["status", "cancel_reason"])
    record("meetings.meeting.cancel", actor=actor, kind=AuditKind.TRANSITION, obj=meeting,
           changes={"status": [before, MeetingStatus.CANCELLED], "reason": reason.strip()})
    notified = [inv.person for inv in meeting.invitations.filter(notified_at__isnull=False).select_related("person")]
    notify(notified, f"会议取消：{meeting.title}", url=meeting_url(meeting),
           body=f"原定 {_local(meeting.start_at)} 在{meeting.room.name}召开的会议取消。原因：{reason.strip()}")
    return meeting


# Notices and replies (clause 一(二)3) -------------------------------------------------------------------------------

def notice_deadline(meeting: Meeting) -> datetime:
    """The latest moment a notice is on time: NOTICE_LEAD_WORKDAYS working days before the start."""
    return work_calendar().subtract_workdays(timezone.localtime(meeting.start_at), NOTICE_LEAD_WORKDAYS)


def notice_text(meeting: Meeting) -> str:
    """The notice, generated from the plan: time, place, agenda, dress, materials, rules, how to reply."""
    lines = [
        f"会议名称：{meeting.title}",
        f"会议时间：{timezone.localtime(meeting.start_at):%Y年%m月%d日 %H:%M}至{timezone.localtime(meeting.end_at):%H:%M}",
        f"会议地点：{meeting.room.name}{'（' + meeting.room.location + '）' if meeting.room.location else ''}",
        f"会议议程：\n{meeting.agenda.strip()}",
        f"着装要求：{meeting.dress_code or '无特殊要求'}",
        f"需携带材料：{meeting.materials_note or '无'}",
    ]
    if meeting.rules.strip():
        lines.append(f"会议纪律：{meeting.rules.strip()}")
    if meeting.important:
        names = "、".join(p.name for p in meeting.supervisors.all())
        if names:
            lines.append(f"会风监督员：{names}")
    lines.append(f"承办：{meeting.department.name} {meeting.organiser.name}{' ' + meeting.organiser.phone if meeting.organiser.phone else ''}")
    lines.append("请在系统中回执：本人参加、委派他人参加（注明姓名）或请假（注明事由）。")
    return "\n".join(lines)


def _send_notices(meeting: Meeting, *, actor) -> int:
    pending = list(meeting.invitations.filter(notified_at__isnull=True).select_related("person"))
    if not pending:
        return 0
    now = timezone.now()
    first = meeting.notice_sent_at is None
    if first:
        meeting.notice_sent_at = now
        meeting.notice_late = now > notice_deadline(meeting)
        meeting.save(update_fields=["notice_sent_at", "notice_late"])
    Invitation.objects.filter(pk__in=[inv.pk for inv in pending]).update(notified_at=now)
    notify([inv.person for inv in pending], f"会议通知：{meeting.title}", url=meeting_url(meeting),
           body=notice_text(meeting))
    record("meetings.meeting.notice", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes={"recipients": [inv.person_id for inv in pending], "late": meeting.notice_late,
                    "first": first})
    return len(pending)


@transaction.atomic(durable=True)
def do_send_notices(meeting: Meeting, *, actor) -> int:
    """Send the notice (in-app and e-mail) to every invitee not yet notified. Refused before approval."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("room", "organiser", "department").get(pk=meeting.pk)
    if meeting.status != MeetingStatus.APPROVED:
        raise ValidationError("会议方案未经领导批准，不能发出会议通知。")
    if meeting.end_at <= timezone.now():
        raise ValidationError("会议已结束，不能再发通知。")
    if meeting.important and not meeting.supervisors.exists():
        raise ValidationError("重要会议须先指定会风监督员（一(二)10），再发出会议通知。")
    count = _send_notices(meeting, actor=actor)
    if not count:
        raise ValidationError("所有参会人员都已通知。")
    return count


@transaction.atomic(durable=True)
def do_record_reply(invitation: Invitation, reply: str, *, deputy_name: str = "", reason: str = "", actor) -> Invitation:
    """回执 by the invitee (or recorded by the office on the invitee's phone call)."""
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("meeting").filter(
        pk=invitation.pk).first()
    if invitation is None:
        raise ValidationError("您已不在本次会议的参会人员名单中，会议通知已撤回。")
    meeting = invitation.meeting
    if meeting.status != MeetingStatus.APPROVED or invitation.notified_at is None:
        raise ValidationError("尚未收到会议通知，不能回执。")
    if meeting.end_at <= timezone.now():
        raise ValidationError("会议已结束，不能再回执。")
    if reply not in (Reply.ATTEND, Reply.DEPUTY, Reply.ABSENT):
        raise ValidationError("请选择回执：本人参加、委派他人参加或请假。")
    deputy_name, reason = deputy_name.strip(), reason.strip()
    if reply == Reply.DEPUTY and not deputy_name:
        raise ValidationError("委派他人参加的，请填写代参会人员姓名。")
    if reply == Reply.ABSENT and not reason:
        raise ValidationError("请假的，请填写请假事由。")
    before = [invitation.reply, invitation.attending_name]
    invitation.reply = reply
    invitation.deputy_name = deputy_name if reply == Reply.DEPUTY else ""
    invitation.absence_reason = reason if reply == Reply.ABSENT else ""
    invitation.replied_at = timezone.now()
    invitation.save(update_fields=["reply", "deputy_name", "absence_reason", "replied_at"])
    record("meetings.invitation.reply", actor=actor, kind=AuditKind.CHANGE, obj=invitation,
           changes={"meeting": meeting.pk, "reply": [before[0], reply], "deputy_name": invitation.deputy_name,
                    "reason": invitation.absence_reason})
    if before != [invitation.reply, invitation.attending_name]:
        _refresh_seating(meeting, actor=actor, reason="回执变动")
    return invitation


# Sign-in (clause 一(二)7) --------------------------------------------------------------------------------------------

def signin_open(meeting: Meeting, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return meeting.status == MeetingStatus.APPROVED and meeting.start_at - SIGNIN_OPENS_BEFORE <= now < meeting.end_at


def _sign(invitation: Invitation, method: str, by: Person | None, *, actor) -> bool:
    if invitation.signed_in_at is not None:
        return False  # signing twice is harmless
    invitation.signed_in_at = timezone.now()
    invitation.signin_method = method
    invitation.signed_in_by = by if method == SigninMethod.STAFF else None
    invitation.save(update_fields=["signed_in_at", "signin_method", "signed_in_by"])
    record("meetings.invitation.signin", actor=actor, kind=AuditKind.CHANGE, obj=invitation,
           changes={"meeting": invitation.meeting_id, "method": method})
    return True


@transaction.atomic(durable=True)
def do_record_signin(meeting: Meeting, person: Person, *, actor) -> tuple[Invitation, bool]:
    """On-site sign-in by the meeting's code. Returns (invitation, newly signed)."""
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("meeting").filter(
        meeting=meeting, person=person).first()
    if invitation is None:
        raise ValidationError("您不在本次会议的参会人员名单中，不能签到。")
    if not signin_open(invitation.meeting):
        raise ValidationError("不在签到时间内（会前2小时至会议结束）。")
    return invitation, _sign(invitation, SigninMethod.SELF, None, actor=actor)


@transaction.atomic(durable=True)
def do_tick_signin(invitation: Invitation, *, actor) -> bool:
    """A member of the 会务 staff ticks a name at the desk."""
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("meeting").filter(
        pk=invitation.pk).first()
    if invitation is None:
        raise ValidationError("该人员已不在本次会议的参会人员名单中，不能签到。")
    if not signin_open(invitation.meeting):
        raise ValidationError("不在签到时间内（会前2小时至会议结束）。")
    return _sign(invitation, SigninMethod.STAFF, _person(actor), actor=actor)


@transaction.atomic(durable=True)
def do_report_attendance(meeting: Meeting, *, actor) -> list[str]:
    """报主持会议领导: before the start, tell the chair (the host, else the approving leader) who is still missing."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("approved_by").get(pk=meeting.pk)
    if not signin_open(meeting):
        raise ValidationError("不在签到时间内（会前2小时至会议结束）。")
    invitations = list(meeting.invitations.with_people())
    host = next((i.person for i in invitations if i.is_host), None) or meeting.approved_by
    if host is None:
        raise ValidationError("未设定主持人。")
    missing = [i.attending_name for i in invitations if i.reply != Reply.ABSENT and i.signed_in_at is None]
    absent = [f"{i.person.name}（{i.absence_reason}）" for i in invitations if i.reply == Reply.ABSENT]
    expected = sum(1 for i in invitations if i.reply != Reply.ABSENT)
    body = (f"应到 {expected} 人，已签到 {expected - len(missing)} 人。"
            f"{'尚未签到：' + '、'.join(missing) + '。' if missing else '应到人员已全部签到。'}"
            f"{'请假：' + '、'.join(absent) + '。' if absent else ''}")
    notify([host], f"到会情况：{meeting.title}", url=meeting_url(meeting), body=body)
    record("meetings.meeting.attendance_report", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes={"to": host.pk, "missing": missing})
    return missing


# Seating (clauses 一(二)7, 9) ------------------------------------------------------------------------------------------

def _hall_for(room: Room, people: int) -> seating.Hall:
    if room.hall_rows and room.hall_cols:
        return seating.Hall(rows=room.hall_rows, cols=room.hall_cols)
    cols = max(1, min(room.capacity, 10))
    return seating.Hall(rows=max(1, math.ceil(max(room.capacity, people) / cols)), cols=cols)


def seating_input(meeting: Meeting) -> list[seating.Attendee]:
    """Everyone expected (absentees excluded, deputies under their own name); the podium by protocol rank."""
    invitations = list(meeting.invitations.expected().with_people().order_by(
        "person__department__order", "person__rank", "person_id"))
    podium = sorted((i for i in invitations if i.on_podium or i.is_host), key=lambda i: (i.person.rank, i.person_id))
    order = {inv.pk: n for n, inv in enumerate(podium, 1)}
    return [
        seating.Attendee(key=f"p{inv.person_id}", name=inv.attending_name, unit=inv.person.department.name,
                         rank=order.get(inv.pk), host=inv.is_host)
        for inv in invitations
    ]


def _placement_json(p: seating.Placement) -> dict:
    return {"key": p.key, "name": p.name, "unit": p.unit, "order": p.order, "host": p.host,
            "row": p.seat.row, "col": p.seat.col}


def plan_from(arrangement: SeatingArrangement) -> seating.SeatingPlan:
    """Rebuild the pure plan from what is stored (for the PDFs and the comparison on regeneration)."""
    def placement(d: dict, area: str) -> seating.Placement:
        return seating.Placement(seating.SeatRef(area, d["row"], d["col"]), d["key"], d["name"], d["unit"],
                                 d.get("order"), host=d.get("host", False))
    hall = arrangement.hall or {}
    return seating.SeatingPlan(
        podium_rows=[[placement(d, seating.PODIUM) for d in row] for row in arrangement.podium],
        hall=seating.Hall(rows=hall["rows"], cols=hall["cols"]) if hall.get("rows") else None,
        hall_placements=[placement(d, seating.HALL) for d in hall.get("placements", [])],
        unit_sequence=list(arrangement.unit_sequence), warnings=list(arrangement.warnings),
    )


def _seating_options(options: dict) -> tuple[seating.PodiumSettings, seating.AudienceSettings]:
    try:
        podium = seating.PodiumSettings(two_seat=seating.TwoSeat(options["two_seat"]),
                                        even_rule=seating.EvenRule(options["even_rule"]),
                                        host_position=seating.HostPosition(options["host_position"]))
        audience = seating.AudienceSettings(unit_order=seating.UnitOrder(options["unit_order"]),
                                            fill=seating.Fill(options["fill"]),
                                            unit_starts_new_line=bool(options["unit_starts_new_line"]))
    except (KeyError, ValueError):
        raise ValidationError("座位表选项无效，请重新选择。")
    return podium, audience


def _generate_seating(meeting: Meeting, options: dict, *, actor, reason: str) -> SeatingArrangement:
    room = meeting.room
    people = seating_input(meeting)
    if not people:
        raise ValidationError("没有需要安排座位的参会人员。")
    hall = _hall_for(room, len(people))
    units = list(Department.objects.filter(unit=meeting.unit).order_by("order", "id").values_list("name", flat=True))
    podium, audience = _seating_options(options)
    podium = replace(podium, row_sizes=(room.podium_row_size,) if room.podium_row_size else ())
    audience = replace(audience, unit_list=tuple(units))
    try:
        plan = seating.arrange(people, hall, podium=podium, audience=audience)
    except seating.SeatingError as exc:
        raise ValidationError(str(exc))
    problems = seating.check_placements(plan.placements, people, hall)
    if problems:
        raise ValidationError("；".join(p.message for p in problems))
    roster = Person.objects.active().filter(unit=meeting.unit).values_list("name", flat=True)
    flags = seating.proofread_plan(plan, roster)
    arrangement = SeatingArrangement.objects.select_for_update().filter(meeting=meeting).first()
    changed = seating.changed_seats(plan_from(arrangement), plan) if arrangement else []
    if arrangement is None:
        arrangement = SeatingArrangement(meeting=meeting, version=0)
    for name in SEATING_OPTIONS:
        setattr(arrangement, name, options[name])
    arrangement.podium = [[_placement_json(p) for p in row] for row in plan.podium_rows]
    arrangement.hall = {"rows": hall.rows, "cols": hall.cols,
                        "placements": [_placement_json(p) for p in plan.hall_placements]}
    arrangement.unit_sequence, arrangement.warnings = plan.unit_sequence, plan.warnings
    arrangement.name_flags = [f.message for f in flags]
    arrangement.generated_at, arrangement.generated_by = timezone.now(), _person(actor)
    arrangement.version += 1
    arrangement.save()
    record("meetings.seating.generate", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes={"version": arrangement.version, "reason": reason, "changed": changed,
                    "name_flags": arrangement.name_flags, "options": options})
    return arrangement


def _store_placements(arrangement: SeatingArrangement, placements: Sequence[seating.Placement]) -> None:
    rows: dict[int, list[seating.Placement]] = {}
    for p in placements:
        if p.seat.area == seating.PODIUM:
            rows.setdefault(p.seat.row, []).append(p)
    arrangement.podium = [[_placement_json(p) for p in sorted(rows[r], key=lambda p: p.seat.col)] for r in sorted(rows)]
    hall = [p for p in placements if p.seat.area == seating.HALL]
    hall.sort(key=lambda p: (p.seat.row, p.seat.col))
    arrangement.hall = {**arrangement.hall, "placements": [_placement_json(p) for p in hall]}


def _adjust(meeting: Meeting, change, what: dict, *, actor) -> SeatingArrangement:
    arrangement = SeatingArrangement.objects.select_for_update().filter(meeting=meeting).first()
    if arrangement is None:
        raise ValidationError("尚未生成座位表。")
    before = plan_from(arrangement)
    try:
        placements = change(before.placements)
    except seating.SeatingError as exc:
        raise ValidationError(str(exc))
    problems = seating.check_placements(placements, seating_input(meeting), before.hall)
    if problems:
        raise ValidationError("；".join(p.message for p in problems))
    _store_placements(arrangement, placements)
    arrangement.version += 1
    arrangement.generated_at, arrangement.generated_by = timezone.now(), _person(actor)
    arrangement.save()
    changed = seating.changed_seats(before, plan_from(arrangement))
    record("meetings.seating.adjust", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes={"version": arrangement.version, **what, "changed": changed})
    return arrangement


@transaction.atomic(durable=True)
def do_move_seat(meeting: Meeting, key: str, *, row: int, col: int, actor) -> SeatingArrangement:
    """Manual adjustment: one person to a free seat in the hall (podium changes are swaps), checked like a swap."""
    seat = seating.SeatRef(seating.HALL, row, col)
    return _adjust(meeting, lambda placements: seating.move(placements, key, seat), {"move": [key, row, col]},
                   actor=actor)


@transaction.atomic(durable=True)
def do_swap_seats(meeting: Meeting, key_a: str, key_b: str, *, actor) -> SeatingArrangement:
    """Manual adjustment: two people exchange seats; the result is checked (nobody missing, nobody seated twice,
    no seat used twice) before it is stored. A later regeneration starts again from the rules."""
    if key_a == key_b:
        raise ValidationError("请选择两位不同的人员交换座位。")
    return _adjust(meeting, lambda placements: seating.swap(placements, key_a, key_b), {"swap": [key_a, key_b]},
                   actor=actor)


@transaction.atomic(durable=True)
def do_generate_seating(meeting: Meeting, *, unit_order: str = "list", fill: str = "rows",
                        unit_starts_new_line: bool = False, even_rule: str = "second_on_left",
                        two_seat: str = "second_on_firsts_left", host_position: str = "by_rank",
                        actor) -> SeatingArrangement:
    """Podium by protocol rank (centre first, alternating, No.2 on No.1's left), the hall by unit in the chosen
    order and direction; checked for nobody missing or seated twice; names proofread against the roster."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("room").get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("会议已取消。")
    if not meeting.room.is_large:
        raise ValidationError("座位表用于在大会议室召开的会议；小型会议实行现场签到。")
    options = {"unit_order": unit_order, "fill": fill, "unit_starts_new_line": unit_starts_new_line,
               "even_rule": even_rule, "two_seat": two_seat, "host_position": host_position}
    return _generate_seating(meeting, options, actor=actor, reason="生成座位表")


@transaction.atomic(durable=True)
def do_record_export(meeting: Meeting, what: str, *, actor, version: int | None = None) -> None:
    record("meetings.meeting.export", actor=actor, kind=AuditKind.EXPORT, obj=meeting,
           changes={"file": what, "version": version})


# Minutes and decisions (clauses 一(二)11, 12) -------------------------------------------------------------------------

@transaction.atomic(durable=True)
def do_record_minutes(meeting: Meeting, text: str, *, actor) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.APPROVED:
        raise ValidationError("只有已批准召开的会议才有会议记录。")
    if meeting.start_at > timezone.now():
        raise ValidationError("会议尚未开始，不能记录。")
    if not text.strip():
        raise ValidationError("会议记录不能为空。")
    before = meeting.minutes
    meeting.minutes, meeting.minutes_by, meeting.minutes_at = text.strip(), _person(actor), timezone.now()
    meeting.save(update_fields=["minutes", "minutes_by", "minutes_at"])
    record("meetings.meeting.minutes", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes={"minutes": [before, meeting.minutes]})
    return meeting


@transaction.atomic(durable=True)
def do_add_decision(meeting: Meeting, *, text: str, owner: Person, due_at: datetime, actor) -> Decision:
    """议定事项: recorded with an owner and a deadline and handed to 督办 as a tracked item (clause 一(二)12)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.APPROVED or meeting.start_at > timezone.now():
        raise ValidationError("会议召开后才能记录议定事项。")
    if not text.strip():
        raise ValidationError("请填写议定事项。")
    if owner.unit_id != meeting.unit_id or not owner.active:
        raise ValidationError("责任人须为本单位在职人员。")
    if timezone.is_naive(due_at):
        raise ValueError("due_at must be aware")
    if due_at <= timezone.now():
        raise ValidationError("完成时限须晚于当前时间。")
    decision = Decision.objects.create(meeting=meeting, text=text.strip(), owner=owner, due_at=due_at,
                                       created_by=_person(actor))
    short = text.strip().splitlines()[0][:80]
    decision.tracked_item = create_tracked_item(
        title=f"会议议定事项：{short}", owner=owner, due_at=due_at, area="meetings", clause_id="一(二)12",
        detail=f"{meeting.title}（{_local(meeting.start_at)}）议定：\n{text.strip()}",
        source=decision, source_label=meeting.title, source_url=meeting_url(meeting), actor=actor,
    )
    decision.save(update_fields=["tracked_item"])
    record("meetings.decision.create", actor=actor, kind=AuditKind.CREATE, obj=decision,
           changes={"meeting": meeting.pk, "owner": owner.pk, "due_at": due_at,
                    "tracked_item": decision.tracked_item.pk})
    return decision


@transaction.atomic(durable=True)
def do_attach_meeting_file(meeting: Meeting, upload, *, purpose: str, actor) -> Attachment:
    """Materials, recordings, photos, leaders' instructions: filed with the meeting (one dossier, 一(二)13)."""
    if purpose not in FILE_PURPOSES:
        raise ValidationError("请选择文件类别。")
    return attach(meeting, upload.name, read_upload(upload), purpose=purpose, actor=actor)


# Pre-meeting checks (clauses 一(二)4, 5) -------------------------------------------------------------------------------

@transaction.atomic(durable=True)
def do_sign_checklist(meeting: Meeting, kind: str, results: Sequence[tuple[str, bool, str]], *, actor) -> Checklist:
    """Sign off the equipment (or venue) checklist before the meeting. Every item is answered; a failure needs a
    note and is proposed as a 差错 lead against the organiser (a person confirms it in 差错考核)."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("room", "organiser").get(pk=meeting.pk)
    if kind not in ChecklistKind.values:
        raise ValidationError("检查类别无效。")
    if meeting.status != MeetingStatus.APPROVED:
        raise ValidationError("会议方案批准后才进行会前检查。")
    if meeting.end_at <= timezone.now():
        raise ValidationError("会议已结束。")
    expected = checklist_items(meeting, kind)
    answered = [item for item, _ok, _note in results]
    if sorted(answered) != sorted(expected):
        missing = [i for i in expected if i not in answered]
        raise ValidationError(f"请逐项检查：{'、'.join(missing) or '检查项目与会议室不符'}。")
    rows = [{"item": item, "ok": bool(ok), "note": note.strip()} for item, ok, note in results]
    unexplained = [r["item"] for r in rows if not r["ok"] and not r["note"]]
    if unexplained:
        raise ValidationError(f"请说明故障情况：{'、'.join(unexplained)}。")
    checklist = Checklist.objects.create(meeting=meeting, kind=kind, results=rows, signed_by=_person(actor))
    label = ChecklistKind(kind).label
    record("meetings.checklist.sign", actor=actor, kind=AuditKind.CREATE, obj=checklist,
           changes={"meeting": meeting.pk, "kind": kind, "results": rows})
    failures = checklist.failures
    if failures:
        text = "；".join(f"{r['item']}：{r['note']}" for r in failures)
        propose_lead(CHECKLIST_CLAUSES[kind], meeting.organiser, timezone.localdate(),
                     f"{meeting.title}（{_local(meeting.start_at)}，{meeting.room.name}）{label}发现问题：{text}。",
                     checklist, actor=actor, source_label=f"{meeting.title}·{label}", source_url=meeting_url(meeting))
        notify([meeting.organiser], f"{label}发现问题：{meeting.title}", url=meeting_url(meeting), body=text)
    return checklist


# Discipline (clause 一(二)10) ------------------------------------------------------------------------------------------

@transaction.atomic(durable=True)
def do_set_supervisors(meeting: Meeting, people: Iterable[Person], *, actor) -> Meeting:
    """会风监督员: named from the office and the departments concerned (required for important meetings)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED or meeting.end_at <= timezone.now():
        raise ValidationError("会议已取消或已结束。")
    people = _clean_supervisors(people, meeting.unit)
    if meeting.important and not people:
        raise ValidationError("重要会议须指定会风监督员。")
    before = sorted(meeting.supervisors.values_list("pk", flat=True))
    meeting.supervisors.set(people)
    record("meetings.meeting.supervisors", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes={"supervisors": [before, sorted(p.pk for p in people)]})
    notify(people, f"会风监督：{meeting.title}", url=meeting_url(meeting),
           body=f"您被指定为本次会议的会风监督员。{_local(meeting.start_at)} · {meeting.room.name}")
    return meeting


@transaction.atomic(durable=True)
def do_report_breach(meeting: Meeting, *, kind: str, person: Person | None, description: str, actor) -> BreachReport:
    """A supervisor reports a breach; one against a named attendee is proposed as a 差错 lead (clause 一(二)10)."""
    reporter = _person(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if reporter is None or not meeting.supervisors.filter(pk=reporter.pk).exists():
        raise ValidationError("只有本次会议的会风监督员可以报告。")
    if kind not in BreachKind.values:
        raise ValidationError("请选择违纪情形。")
    if not description.strip():
        raise ValidationError("请填写情况说明。")
    if meeting.status != MeetingStatus.APPROVED or meeting.start_at - SIGNIN_OPENS_BEFORE > timezone.now():
        raise ValidationError("会议开始后才能报告会风情况。")
    if person is not None and not meeting.invitations.filter(person=person).exists():
        raise ValidationError("当事人须为本次会议的参会人员；其他人员请在情况说明中写明。")
    report = BreachReport.objects.create(meeting=meeting, kind=kind, person=person,
                                         description=description.strip(), reported_by=reporter)
    record("meetings.breach.report", actor=actor, kind=AuditKind.CREATE, obj=report,
           changes={"meeting": meeting.pk, "kind": kind, "person": person.pk if person else None})
    if person is not None:
        propose_lead("一(二)10", person, timezone.localdate(),
                     f"{meeting.title}（{_local(meeting.start_at)}）会风监督员{reporter.name}报告："
                     f"{BreachKind(kind).label}。{description.strip()}",
                     report, actor=actor, source_label=f"{meeting.title}·会风监督", source_url=meeting_url(meeting))
    return report


# News and banners (clauses 一(二)6, 9) ---------------------------------------------------------------------------------

def proofread_findings(text: str) -> list[dict]:
    from zeroerror.proofread.engine import PUBLICATION, proofread_text

    return [{"text": f.text, "suggestion": f.suggestion, "message": f.message, "severity": f.severity}
            for f in proofread_text(text, PUBLICATION)]


def _has_errors(findings: list[dict]) -> bool:
    return any(f.get("severity") == "error" for f in findings)


def _reviewer(actor) -> Person:
    person = _person(actor)
    if person is None or not can_review(person):
        raise ValidationError("须由办公室分管主任或综合科（办公室主任、副主任）把关。")
    return person


@transaction.atomic(durable=True)
def do_draft_news(meeting: Meeting, *, title: str, text: str, actor) -> NewsItem:
    if meeting.status != MeetingStatus.APPROVED:
        raise ValidationError("会议方案批准后才能撰写新闻稿。")
    if not title.strip() or not text.strip():
        raise ValidationError("请填写新闻稿标题和正文。")
    news = NewsItem.objects.create(meeting=meeting, title=title.strip(), text=text.strip(), written_by=_person(actor),
                                   findings=proofread_findings(f"{title.strip()}\n{text.strip()}"))
    record("meetings.news.draft", actor=actor, kind=AuditKind.CREATE, obj=news,
           changes={"meeting": meeting.pk, "findings": len(news.findings)})
    if meeting.important:
        reviewers = [p for p in _people_with(meeting.unit, Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)]
        notify(reviewers, f"新闻稿待把关：{news.title}", url=meeting_url(meeting), body=news.text[:200])
    return news


@transaction.atomic(durable=True)
def do_approve_news(news: NewsItem, *, actor) -> NewsItem:
    reviewer = _reviewer(actor)
    news = NewsItem.objects.select_for_update().get(pk=news.pk)
    if news.status != ReviewStatus.DRAFT:
        raise ValidationError("新闻稿已审核。")
    if _has_errors(news.findings):
        raise ValidationError("新闻稿校对发现错误，须修改后重新提交。")
    news.status, news.approved_by, news.approved_at = ReviewStatus.APPROVED, reviewer, timezone.now()
    news.save(update_fields=["status", "approved_by", "approved_at"])
    record("meetings.news.approve", actor=actor, kind=AuditKind.TRANSITION, obj=news,
           changes={"status": [ReviewStatus.DRAFT, ReviewStatus.APPROVED]})
    notify([news.written_by], f"新闻稿已审核：{news.title}", url=meeting_url(news.meeting))
    return news


@transaction.atomic(durable=True)
def do_publish_news(news: NewsItem, *, actor) -> NewsItem:
    """报道: an important meeting's news goes out only once reviewed (clause 一(二)6)."""
    news = NewsItem.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=news.pk)
    if news.status == ReviewStatus.DONE:
        raise ValidationError("新闻稿已发布。")
    if news.meeting.important and news.status != ReviewStatus.APPROVED:
        raise ValidationError("重要会议新闻稿须经分管主任或综合科把关后方可报道。")
    if _has_errors(news.findings):
        raise ValidationError("新闻稿校对发现错误，须修改后重新提交。")
    before = news.status
    news.status, news.published_at = ReviewStatus.DONE, timezone.now()
    news.save(update_fields=["status", "published_at"])
    record("meetings.news.publish", actor=actor, kind=AuditKind.TRANSITION, obj=news,
           changes={"status": [before, ReviewStatus.DONE]})
    return news


@transaction.atomic(durable=True)
def do_enter_banner(meeting: Meeting, *, kind: str, text: str, actor) -> Banner:
    if kind not in BannerKind.values:
        raise ValidationError("请选择会标类别。")
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("会议已取消。")
    if not text.strip():
        raise ValidationError("请填写会标文字。")
    banner = Banner.objects.create(meeting=meeting, kind=kind, text=text.strip(), entered_by=_person(actor),
                                   findings=proofread_findings(text.strip()))
    record("meetings.banner.enter", actor=actor, kind=AuditKind.CREATE, obj=banner,
           changes={"meeting": meeting.pk, "kind": kind, "text": banner.text, "findings": len(banner.findings)})
    return banner


@transaction.atomic(durable=True)
def do_approve_banner(banner: Banner, *, actor) -> Banner:
    reviewer = _reviewer(actor)
    banner = Banner.objects.select_for_update().get(pk=banner.pk)
    if banner.status != ReviewStatus.DRAFT:
        raise ValidationError("会标已审核。")
    if _has_errors(banner.findings):
        raise ValidationError("会标校对发现错字或标点错误，须重新录入后再审核。")
    banner.status, banner.approved_by, banner.approved_at = ReviewStatus.APPROVED, reviewer, timezone.now()
    banner.save(update_fields=["status", "approved_by", "approved_at"])
    record("meetings.banner.approve", actor=actor, kind=AuditKind.TRANSITION, obj=banner,
           changes={"status": [ReviewStatus.DRAFT, ReviewStatus.APPROVED], "text": banner.text})
    return banner


@transaction.atomic(durable=True)
def do_print_banner(banner: Banner, *, actor) -> Banner:
    """印制: only an approved banner goes to print."""
    banner = Banner.objects.select_for_update().get(pk=banner.pk)
    if banner.status != ReviewStatus.APPROVED:
        raise ValidationError("会标须经审核后方可印制。")
    banner.status = ReviewStatus.DONE
    banner.save(update_fields=["status"])
    record("meetings.banner.print", actor=actor, kind=AuditKind.TRANSITION, obj=banner,
           changes={"status": [ReviewStatus.APPROVED, ReviewStatus.DONE]})
    return banner


# Materials (clause 一(二)8) --------------------------------------------------------------------------------------------

def _proofread_material(data: bytes, kind: str) -> tuple[bool, list[dict]]:
    if kind != "docx":
        return False, []
    from zeroerror.proofread.engine import PUBLICATION, DocxError, proofread_docx

    try:
        result = proofread_docx(data, PUBLICATION)
    except DocxError:
        return False, []
    return True, [{"text": f.text, "suggestion": f.suggestion, "message": f.message, "severity": f.severity}
                  for f in result.findings]


@transaction.atomic(durable=True)
def do_upload_material(meeting: Meeting, *, title: str, upload, copies_per_attendee: int = 1, spare_copies: int = 0,
                       actor) -> Material:
    """A new version of a material: stored with the meeting, proofread when it is a .docx."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("会议已取消。")
    if not title.strip():
        raise ValidationError("请填写材料名称。")
    if copies_per_attendee < 1:
        raise ValidationError("每人份数至少为 1。")
    previous = meeting.materials.filter(title=title.strip()).order_by("-version").first()
    version = previous.version + 1 if previous else 1
    data = read_upload(upload)
    attachment = attach(meeting, upload.name, data, purpose=f"会议材料·{title.strip()}·第{version}版", actor=actor)
    proofread, findings = _proofread_material(data, attachment.kind)
    material = Material.objects.create(
        meeting=meeting, title=title.strip(), version=version, attachment=attachment,
        copies_per_attendee=copies_per_attendee, spare_copies=spare_copies, proofread=proofread, findings=findings,
        uploaded_by=_person(actor),
    )
    record("meetings.material.upload", actor=actor, kind=AuditKind.CREATE, obj=material,
           changes={"meeting": meeting.pk, "title": material.title, "version": version, "findings": len(findings)})
    return material


def copies_to_print(material: Material) -> int:
    expected = material.meeting.invitations.expected().count()
    return expected * material.copies_per_attendee + material.spare_copies


@transaction.atomic(durable=True)
def do_hand_out_material(material: Material, invitations: Iterable[Invitation], *, actor) -> int:
    """发放: record who received the material. Only the latest version, and only one free of proofreading errors
    (no 错发 of an outdated or faulty version)."""
    material = Material.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=material.pk)
    latest = material.meeting.materials.filter(title=material.title).order_by("-version").first()
    if latest.pk != material.pk:
        raise ValidationError(f"“{material.title}”已有第{latest.version}版，请发放最新版本。")
    if material.has_errors:
        raise ValidationError("材料校对发现错误，须修改后重新上传再发放。")
    wanted = [i for i in invitations if i.meeting_id == material.meeting_id and i.withdrawn_at is None]
    if not wanted:
        raise ValidationError("请选择领取材料的参会人员。")
    given = set(material.handouts.values_list("invitation_id", flat=True))
    new = [Handout(material=material, invitation=i, copies=material.copies_per_attendee, given_by=_person(actor))
           for i in wanted if i.pk not in given]
    Handout.objects.bulk_create(new)
    record("meetings.material.handout", actor=actor, kind=AuditKind.CHANGE, obj=material,
           changes={"invitations": [h.invitation_id for h in new]})
    return len(new)


# Tick: 催回执 --------------------------------------------------------------------------------------------------------

REPLY_REMINDER_BEFORE = timedelta(days=1)


def remind_replies(now: datetime) -> str:
    """Tick task (idempotent, safe concurrently): one reminder to each invitee still without a reply a day before
    the meeting, with a copy of the list to the organiser."""
    due = (Invitation.objects.unreplied()
           .filter(reminded_at__isnull=True, notified_at__isnull=False, meeting__status=MeetingStatus.APPROVED,
                   meeting__start_at__gt=now, meeting__start_at__lte=now + REPLY_REMINDER_BEFORE)
           .values_list("pk", flat=True))
    reminded: dict[int, list[str]] = {}
    for pk in list(due):
        with transaction.atomic(durable=True):
            won = Invitation.objects.filter(pk=pk, reminded_at__isnull=True, reply=Reply.PENDING).update(reminded_at=now)
            if not won:
                continue  # another tick got there first, or the reply came in
            inv = Invitation.objects.select_related("person", "meeting", "meeting__room").get(pk=pk)
            m = inv.meeting
            notify([inv.person], f"请回执：{m.title}", url=meeting_url(m),
                   body=f"{_local(m.start_at)} 在{m.room.name}召开，您尚未回执（本人参加、委派他人参加或请假）。")
            record("meetings.invitation.remind", actor=None, kind=AuditKind.SYSTEM, obj=inv,
                   changes={"meeting": m.pk})
            reminded.setdefault(m.pk, []).append(inv.person.name)
    for meeting_pk, names in reminded.items():
        with transaction.atomic(durable=True):
            m = Meeting.objects.select_related("organiser").get(pk=meeting_pk)
            notify([m.organiser], f"尚未回执：{m.title}", url=meeting_url(m), body="已提醒：" + "、".join(names))
    return f"会议催回执 {sum(len(v) for v in reminded.values())} 人"
