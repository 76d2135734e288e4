"""Approval of the 会议方案 (clause 一(二)1): 报批, the office director's 统一扎口把关, the leader's approval,
退回 and 取消. A recurring meeting is approved as one plan."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.meetings.access import can_director_check, may_approve, meeting_url
from zeroerror.meetings.actions.booking import _check_slot, _lock_room, draft_hold_until
from zeroerror.meetings.actions.common import _local, _people_with, _person
from zeroerror.meetings.models import Meeting, MeetingStatus
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.tracking.notify import notify


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


def _approvers(meeting: Meeting) -> list[Person]:
    return [p for p in _people_with(meeting.unit, Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE)
            if may_approve(p, meeting)]


@transaction.atomic(durable=True)
def do_submit_meeting(meeting: Meeting, *, actor) -> list[Meeting]:
    """报批: to the office director first when clause 一(二)1 requires it, otherwise to the leaders."""
    rows = _series_rows(meeting, MeetingStatus.DRAFT)
    if rows[0].start_at <= timezone.now():
        raise ValidationError("会议开始时间已过，不能报批。")
    # the draft's hold may have lapsed and the room been booked by someone else meanwhile: check again
    room = _lock_room(rows[0].room)
    for m in rows:
        _check_slot(room, m.start_at, m.end_at, exclude=[r.pk for r in rows], viewer=_person(actor))
    if rows[0].requires_director and not rows[0].department.is_office:
        raise ValidationError("要求各科室（乡镇、部门）主要负责人参加的超过10人的会议，由办公室统一组织会务，"
                              "请交由办公室承办后报批。")
    target = MeetingStatus.PENDING_DIRECTOR if rows[0].requires_director else MeetingStatus.PENDING_LEADER
    now = timezone.now()
    for m in rows:
        m.status, m.submitted_at, m.return_reason, m.hold_until = target, now, "", None
        m.save(update_fields=["status", "submitted_at", "return_reason", "hold_until"])
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


def _pending_rows(meeting: Meeting, person: Person | None, *, not_pending: str, not_allowed: str,
                  status: str | None = None) -> tuple[str, list[Meeting]]:
    """The plan (with its series) waiting for the director's check or the leader's approval, and that ``person`` may
    decide it: the director at the check, an approving leader after it."""
    status = status or meeting.status
    if status not in (MeetingStatus.PENDING_DIRECTOR, MeetingStatus.PENDING_LEADER):
        raise ValidationError(not_pending)
    rows = _series_rows(meeting, status)
    allowed = can_director_check(person, rows[0]) if status == MeetingStatus.PENDING_DIRECTOR else (
        person is not None and may_approve(person, rows[0]))
    if not allowed:
        raise ValidationError(not_allowed)
    return status, rows


@transaction.atomic(durable=True)
def do_return_meeting(meeting: Meeting, reason: str, *, actor) -> list[Meeting]:
    """退回修改, by the director at the check or the approving leader."""
    person = _person(actor)
    if not reason.strip():
        raise ValidationError("请填写退回意见。")
    status, rows = _pending_rows(meeting, person, not_pending="只有待把关、待审批的会议可以退回。",
                                 not_allowed="您不能退回此会议方案。")
    hold = draft_hold_until()
    for m in rows:
        m.status, m.return_reason, m.hold_until = MeetingStatus.DRAFT, reason.strip(), hold
        m.director_checked_by, m.director_checked_at = None, None
        m.save(update_fields=["status", "return_reason", "hold_until", "director_checked_by", "director_checked_at"])
        record("meetings.meeting.return", actor=actor, kind=AuditKind.TRANSITION, obj=m,
               changes={"status": [status, MeetingStatus.DRAFT], "reason": reason.strip()})
    notify([rows[0].organiser], f"会议方案被退回：{rows[0].title}", url=meeting_url(rows[0]), body=reason.strip())
    return rows


@transaction.atomic(durable=True)
def do_reject_meeting(meeting: Meeting, reason: str, *, actor) -> list[Meeting]:
    """不予批准 (clause 一(二)1): the director at the check or the approving leader refuses the plan; its room is
    released at once (clause 一(二)2) and the organiser told why."""
    person = _person(actor)
    if not reason.strip():
        raise ValidationError("请填写不予批准的理由。")
    status, rows = _pending_rows(meeting, person, not_pending="只有待把关、待审批的会议方案可以不予批准。",
                                 not_allowed="您不能审批此会议方案。",
                                 status=Meeting.objects.filter(pk=meeting.pk).values_list("status", flat=True).first())
    for m in rows:
        m.status, m.return_reason = MeetingStatus.REJECTED, reason.strip()
        m.save(update_fields=["status", "return_reason"])
        record("meetings.meeting.reject", actor=actor, kind=AuditKind.TRANSITION, obj=m,
               changes={"status": [status, MeetingStatus.REJECTED], "reason": reason.strip()})
    notify([rows[0].organiser], f"会议方案不予批准：{rows[0].title}", url=meeting_url(rows[0]),
           body=f"{reason.strip()}（会议室已释放）")
    return rows


@transaction.atomic(durable=True)
def do_cancel_meeting(meeting: Meeting, reason: str, *, actor) -> Meeting:
    """Cancel one occurrence: the room is freed and those already notified are told."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not reason.strip():
        raise ValidationError("请填写取消原因。")
    if not meeting.is_open:
        raise ValidationError(f"会议{meeting.get_status_display()}。")
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
