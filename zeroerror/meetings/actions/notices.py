"""Notices, replies and the reply reminder (clause 一(二)3): 迟发 flagged, 漏发 visible, 催回执 by the tick."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.meetings.access import meeting_url
from zeroerror.meetings.actions.common import _local
from zeroerror.meetings.actions.seats import _refresh_seating
from zeroerror.meetings.clashes import leader_clashes
from zeroerror.meetings.models import NOTICE_LEAD_WORKDAYS, Invitation, Meeting, MeetingStatus, Reply
from zeroerror.org.models import Person
from zeroerror.tracking.notify import notify
from zeroerror.workdays.service import work_calendar


def notice_deadline(meeting: Meeting) -> datetime:
    """The latest moment a notice is on time: NOTICE_LEAD_WORKDAYS working days before the start."""
    return work_calendar().subtract_workdays(timezone.localtime(meeting.start_at), NOTICE_LEAD_WORKDAYS)


REPLY_DEADLINE_WORKDAYS = 1  # by default replies are due one working day before the start
REPLY_DEADLINE_MIN_LEAD = timedelta(hours=1)


def default_reply_deadline(meeting: Meeting, now: datetime | None = None) -> datetime:
    """One working day before the start, but never earlier than an hour from now (a short-notice meeting) and never
    after the start."""
    now = now or timezone.now()
    due = work_calendar().subtract_workdays(timezone.localtime(meeting.start_at), REPLY_DEADLINE_WORKDAYS)
    return min(max(due, now + REPLY_DEADLINE_MIN_LEAD), meeting.start_at)


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
    deadline = meeting.reply_deadline or default_reply_deadline(meeting)
    lines.append(f"请在系统中回执（截止时间：{timezone.localtime(deadline):%Y年%m月%d日 %H:%M}）：本人参加、"
                 "委派他人参加（注明姓名）或请假（注明事由）。")
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
    notified = {inv.person_id for inv in pending}
    clashes = [c for c in leader_clashes(meeting) if c.person.pk in notified]
    for clash in clashes:  # the leader is told (the other meeting's title only if it is theirs to see: they're invited)
        notify([clash.person], f"会议时间冲突：{meeting.title}", url=meeting_url(meeting),
               body=f"{_local(meeting.start_at)} 在{meeting.room.name}召开；" + clash.message(show_title=True))
    record("meetings.meeting.notice", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes={"recipients": [inv.person_id for inv in pending], "late": meeting.notice_late,
                    "first": first, "reply_deadline": meeting.reply_deadline,
                    "leader_clashes": [[c.person.pk, c.other.pk] for c in clashes]})
    return len(pending)


@transaction.atomic(durable=True)
def do_send_notices(meeting: Meeting, *, reply_deadline: datetime | None = None, actor) -> int:
    """Send the notice (in-app and e-mail) to every invitee not yet notified, with the reply deadline (the first
    notice sets it; by default one working day before the start). Refused before approval."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("room", "organiser", "department").get(pk=meeting.pk)
    if meeting.status != MeetingStatus.APPROVED:
        raise ValidationError("会议方案未经领导批准，不能发出会议通知。")
    now = timezone.now()
    if meeting.end_at <= now:
        raise ValidationError("会议已结束，不能再发通知。")
    if meeting.important and not meeting.supervisors.exists():
        raise ValidationError("重要会议须先指定会风监督员（一(二)10），再发出会议通知。")
    if reply_deadline is not None:
        if timezone.is_naive(reply_deadline):
            raise ValueError("reply_deadline must be aware")
        if not now < reply_deadline <= meeting.start_at:
            raise ValidationError("回执截止时间须晚于当前时间，且不晚于会议开始时间。")
    if meeting.reply_deadline is None or reply_deadline is not None:
        meeting.reply_deadline = reply_deadline or default_reply_deadline(meeting, now)
        meeting.save(update_fields=["reply_deadline"])
    count = _send_notices(meeting, actor=actor)
    if not count:
        raise ValidationError("所有参会人员都已通知。")
    return count


@transaction.atomic(durable=True)
def do_record_reply(invitation: Invitation, reply: str, *, deputy: Person | None = None, deputy_name: str = "",
                    reason: str = "", actor) -> Invitation:
    """回执 by the invitee (or recorded by the office on the invitee's phone call). A deputy (代会人) from the unit is
    named as a person: they sign in themselves, and the invitee no longer can (clause 一(二)10). A reply after the
    deadline is kept and marked 逾期回执."""
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
    if invitation.signed_in_at is not None:
        raise ValidationError(f"{invitation.attending_name}已签到，不能再修改回执。")
    deputy_name, reason = deputy_name.strip(), reason.strip()
    if reply == Reply.DEPUTY:
        if deputy is not None:
            if deputy.unit_id != meeting.unit_id or not deputy.active:
                raise ValidationError("代参会人员须为本单位在职人员。")
            if deputy.pk == invitation.person_id:
                raise ValidationError("代参会人员不能是被邀请人本人；本人参加请选择“本人参加”。")
            if meeting.invitations.filter(person=deputy).exists():
                raise ValidationError(f"{deputy.name}本人已在参会人员名单中，不能再代他人参会。")
            deputy_name = deputy.name
        elif not deputy_name:
            raise ValidationError("委派他人参加的，请填写代参会人员姓名。")
    if reply == Reply.ABSENT and not reason:
        raise ValidationError("请假的，请填写请假事由。")
    before = [invitation.reply, invitation.attending_name]
    now = timezone.now()
    invitation.reply = reply
    invitation.deputy = deputy if reply == Reply.DEPUTY else None
    invitation.deputy_name = deputy_name if reply == Reply.DEPUTY else ""
    invitation.absence_reason = reason if reply == Reply.ABSENT else ""
    invitation.replied_at = now
    invitation.reply_late = meeting.reply_deadline is not None and now > meeting.reply_deadline
    invitation.save(update_fields=["reply", "deputy", "deputy_name", "absence_reason", "replied_at", "reply_late"])
    record("meetings.invitation.reply", actor=actor, kind=AuditKind.CHANGE, obj=invitation,
           changes={"meeting": meeting.pk, "reply": [before[0], reply], "deputy_name": invitation.deputy_name,
                    "deputy": invitation.deputy_id, "reason": invitation.absence_reason,
                    "late": invitation.reply_late})
    if before != [invitation.reply, invitation.attending_name]:
        _refresh_seating(meeting, actor=actor, reason="回执变动")
    return invitation


REPLY_REMINDER_BEFORE = timedelta(days=1)


def remind_replies(now: datetime) -> str:
    """Tick task (idempotent, safe concurrently): one reminder to each invitee still without a reply a day before
    the reply deadline (or, at the latest, a day before the start), with a copy of the list to the organiser."""
    soon = now + REPLY_REMINDER_BEFORE
    due = (Invitation.objects.unreplied()
           .filter(reminded_at__isnull=True, notified_at__isnull=False, meeting__status=MeetingStatus.APPROVED,
                   meeting__start_at__gt=now)
           .filter(Q(meeting__reply_deadline__gt=now, meeting__reply_deadline__lte=soon) | Q(meeting__start_at__lte=soon))
           .values_list("pk", flat=True))
    reminded: dict[int, list[str]] = {}
    for pk in list(due):
        with transaction.atomic(durable=True):
            won = Invitation.objects.filter(pk=pk, reminded_at__isnull=True, reply=Reply.PENDING).update(reminded_at=now)
            if not won:
                continue  # another tick got there first, or the reply came in
            inv = Invitation.objects.select_related("person", "meeting", "meeting__room").get(pk=pk)
            m = inv.meeting
            by = f"，请于 {_local(m.reply_deadline)} 前回执" if m.reply_deadline else ""
            notify([inv.person], f"请回执：{m.title}", url=meeting_url(m),
                   body=f"{_local(m.start_at)} 在{m.room.name}召开，您尚未回执（本人参加、委派他人参加或请假）{by}。")
            record("meetings.invitation.remind", actor=None, kind=AuditKind.SYSTEM, obj=inv,
                   changes={"meeting": m.pk})
            reminded.setdefault(m.pk, []).append(inv.person.name)
    for meeting_pk, names in reminded.items():
        with transaction.atomic(durable=True):
            m = Meeting.objects.select_related("organiser").get(pk=meeting_pk)
            notify([m.organiser], f"尚未回执：{m.title}", url=meeting_url(m), body="已提醒：" + "、".join(names))
    return f"会议催回执 {sum(len(v) for v in reminded.values())} 人"
