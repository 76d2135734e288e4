"""On-site sign-in (clause 一(二)7): by the meeting's rotating code near the start, or ticked at the desk; the
missing reported to the chair. Whoever signs in is the person the reply says will come (clause 一(二)10 身份不符):
a named deputy signs in, the invitee who sent them cannot; an invitee who replied 请假 cannot."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.meetings.access import meeting_url
from zeroerror.meetings.actions.common import SIGNIN_OPENS_BEFORE, _person
from zeroerror.meetings.models import Invitation, Meeting, MeetingStatus, Reply, SigninMethod
from zeroerror.org.models import Person
from zeroerror.tracking.notify import notify

# Self sign-in by the QR code only near the start; before and after, the desk staff record arrivals.
QR_OPENS_BEFORE = timedelta(minutes=30)
QR_CLOSES_AFTER = timedelta(minutes=30)
QR_CLOSED = "不在签到时间内：扫码签到为会前30分钟至开会后30分钟，其他时间请到签到台由会务人员登记。"


def signin_open(meeting: Meeting, now: datetime | None = None) -> bool:
    """The desk may record arrivals (two hours before the start until the end)."""
    now = now or timezone.now()
    return meeting.status == MeetingStatus.APPROVED and meeting.start_at - SIGNIN_OPENS_BEFORE <= now < meeting.end_at


def qr_open(meeting: Meeting, now: datetime | None = None) -> bool:
    """Invitees may sign in with the code on their phones (thirty minutes either side of the start)."""
    now = now or timezone.now()
    closes = min(meeting.end_at, meeting.start_at + QR_CLOSES_AFTER)
    return meeting.status == MeetingStatus.APPROVED and meeting.start_at - QR_OPENS_BEFORE <= now < closes


def signin_target(meeting: Meeting, person: Person, *, lock: bool = False) -> tuple[Invitation | None, str | None]:
    """The invitation ``person`` signs in for (their own, or one whose reply names them as the deputy) and the
    refusal, if any."""
    qs = Invitation.objects.select_related("meeting", "person", "deputy")
    if lock:
        qs = qs.select_for_update(of=("self",))
    own = qs.filter(meeting=meeting, person=person).first()
    if own is not None:
        if own.reply == Reply.DEPUTY:
            return own, f"您已委派{own.deputy_name}代为参会，不能本人签到（到会人员须与回执一致）。"
        if own.reply == Reply.ABSENT:
            return own, "您已请假，不能签到；如能到会，请先将回执改为“本人参加”。"
        return own, None
    deputised = qs.filter(meeting=meeting, deputy=person, reply=Reply.DEPUTY).first()
    if deputised is not None:
        return deputised, None
    return None, "您不在本次会议的参会人员名单中，不能签到。"


def _sign(invitation: Invitation, method: str, by: Person | None, *, actor) -> bool:
    if invitation.signed_in_at is not None:
        return False  # signing twice is harmless
    invitation.signed_in_at = timezone.now()
    invitation.signin_method = method
    invitation.signed_in_by = by if method == SigninMethod.STAFF else None
    invitation.save(update_fields=["signed_in_at", "signin_method", "signed_in_by"])
    record("meetings.invitation.signin", actor=actor, kind=AuditKind.CHANGE, obj=invitation,
           changes={"meeting": invitation.meeting_id, "method": method, "name": invitation.attending_name,
                    "deputy": invitation.deputy_id if invitation.reply == Reply.DEPUTY else None})
    return True


@transaction.atomic(durable=True)
def do_record_signin(meeting: Meeting, person: Person, *, actor) -> tuple[Invitation, bool]:
    """On-site sign-in by the meeting's code (the invitee, or the deputy their reply names). Returns (invitation,
    newly signed)."""
    invitation, refusal = signin_target(meeting, person, lock=True)
    if refusal:
        raise ValidationError(refusal)
    if not qr_open(invitation.meeting):
        raise ValidationError(QR_CLOSED)
    return invitation, _sign(invitation, SigninMethod.SELF, None, actor=actor)


@transaction.atomic(durable=True)
def do_tick_signin(invitation: Invitation, *, actor) -> bool:
    """A member of the 会务 staff ticks a name at the desk."""
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("meeting", "person").filter(
        pk=invitation.pk).first()
    if invitation is None:
        raise ValidationError("该人员已不在本次会议的参会人员名单中，不能签到。")
    if invitation.reply == Reply.ABSENT:
        raise ValidationError(f"{invitation.person.name}已请假，不能签到；如本人到会，请先代为修改回执。")
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
