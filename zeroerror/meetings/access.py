"""Who sees and does what in 会务工作. Every meetings view goes through these helpers; no access is a 404.

* A meeting is visible to its organiser and invitees, to the people who can see its organising department (head,
  leader in charge) and to the unit-wide roles (office director and deputies, principal leader, inspectors).
* The 会务 is run by the office (the designated section, clause 一(二)1): office staff manage rooms, send notices,
  keep the sign-in desk and the seating for every meeting; an organiser does it for their own meetings.
* Approval (clause 一(二)1): the principal leader, or a leader in charge of the organising department; a meeting of
  the principal heads with more than 10 attendees is first passed by the office director and then needs the
  principal leader.
"""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from zeroerror.attachments.models import Attachment
from zeroerror.core.access import person_of
from zeroerror.meetings import signin_code
from zeroerror.meetings.models import (
    NOTICE_LEAD_WORKDAYS,
    ChecklistKind,
    Invitation,
    Meeting,
    MeetingStatus,
    Reply,
    Room,
)
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.tracking.registry import TodoEntry
from zeroerror.workdays.service import work_calendar

APPROVER_ROLES = (Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE)
# Clause 一(二)6 / 9: news of important meetings and banners are checked by the office's 分管主任 or 综合科.
REVIEWER_ROLES = (Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)


def visible_meetings(person: Person):
    """Office staff run the 会务 and manage every room (clause 一(二)1, 2): they see every meeting of the unit."""
    qs = Meeting.objects.of_unit(person.unit)
    departments = person.visible_department_ids()
    if departments is None or is_office(person):
        return qs
    mine = (Q(organiser=person) | Q(invitations__person=person, invitations__withdrawn_at__isnull=True)
            | Q(invitations__deputy=person, invitations__reply=Reply.DEPUTY, invitations__withdrawn_at__isnull=True)
            | Q(supervisors=person) | Q(department_id__in=departments))
    return qs.filter(pk__in=Meeting.objects.filter(mine).values("pk"))


def get_meeting_or_404(request: HttpRequest, pk: int) -> Meeting:
    meeting = visible_meetings(person_of(request)).with_related().filter(pk=pk).first()
    if meeting is None:
        raise Http404("会议不存在。")
    return meeting


def _signin_secret(meeting: Meeting) -> str:
    return f"{settings.SECRET_KEY}:meetings.signin:{meeting.pk}:{meeting.signin_token}"


def get_meeting_for_signin_or_404(request: HttpRequest, pk: int, code: str) -> tuple[Meeting, str]:
    """The sign-in page: the rotating code is the key (anyone of the unit who holds a current one reaches the page;
    only the invitee or their named deputy can sign in). Returns the meeting and 'valid' or 'expired'."""
    meeting = Meeting.objects.of_unit(person_of(request).unit).with_related().filter(pk=pk).first()
    state = signin_code.check(_signin_secret(meeting), code, time.time()) if meeting else "unknown"
    if state == "unknown":
        raise Http404("签到码无效。")
    return meeting, state


def current_signin_code(meeting: Meeting, now: float | None = None) -> str:
    return signin_code.current_code(_signin_secret(meeting), time.time() if now is None else now)


def signin_url(meeting: Meeting, now: float | None = None) -> str:
    """The link in the QR code, built from the configured site address (ZEROERROR_SITE_URL), not from whatever
    host the desk PC happened to use."""
    return settings.SITE_URL + reverse("meetings:signin", args=[meeting.pk, current_signin_code(meeting, now)])


def get_invitation_or_404(request: HttpRequest, meeting: Meeting, pk: int) -> Invitation:
    invitation = meeting.invitations.with_people().filter(pk=pk).first()
    if invitation is None:
        raise Http404("参会人员不存在。")
    return invitation


def get_news_or_404(request: HttpRequest, meeting: Meeting, pk: int):
    news = meeting.news.filter(pk=pk).first()
    if news is None:
        raise Http404("新闻稿不存在。")
    return news


def get_banner_or_404(request: HttpRequest, meeting: Meeting, pk: int):
    banner = meeting.banners.filter(pk=pk).first()
    if banner is None:
        raise Http404("会标不存在。")
    return banner


def get_room_or_404(request: HttpRequest, pk: int) -> Room:
    room = Room.objects.of_unit(person_of(request).unit).filter(pk=pk).first()
    if room is None:
        raise Http404("会议室不存在。")
    return room


def is_office(person: Person) -> bool:
    return person.department.is_office or person.has_role(Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)


def can_manage_rooms(person: Person) -> bool:
    return is_office(person) or person.has_role(Role.SYSTEM_ADMIN)


def can_propose(person: Person) -> bool:
    return True  # any member of staff may draft a 会议方案; it goes nowhere without approval


def can_manage(person: Person, meeting: Meeting) -> bool:
    """Run the 会务 of this meeting: attendees, submission, notices, sign-in desk, seating, minutes."""
    return meeting.organiser_id == person.pk or is_office(person)


def can_export_dossier(person: Person, meeting: Meeting) -> bool:
    """一会一档: the 会务 staff, the unit-wide roles (office, principal leader, inspectors) and the leaders."""
    return can_manage(person, meeting) or person.is_unit_wide or person.has_role(*APPROVER_ROLES)


def can_review(person: Person) -> bool:
    return person.has_role(*REVIEWER_ROLES)


def is_supervisor(person: Person, meeting: Meeting) -> bool:
    return meeting.supervisors.filter(pk=person.pk).exists()


def can_director_check(person: Person, meeting: Meeting) -> bool:
    return meeting.status == MeetingStatus.PENDING_DIRECTOR and person.has_role(Role.OFFICE_DIRECTOR)


def may_approve(person: Person, meeting: Meeting) -> bool:
    """The approval rule of clause 一(二)1, independent of the meeting's state."""
    if meeting.requires_director:
        return person.has_role(Role.PRINCIPAL_LEADER)
    if person.has_role(Role.PRINCIPAL_LEADER):
        return True
    return person.has_role(Role.LEADER_IN_CHARGE) and meeting.department_id in person.charged_department_ids


def can_approve(person: Person, meeting: Meeting) -> bool:
    return meeting.status == MeetingStatus.PENDING_LEADER and may_approve(person, meeting)


def can_reply(person: Person, invitation: Invitation | None) -> bool:
    return invitation is not None and invitation.person_id == person.pk


def own_invitation(person: Person, meeting: Meeting) -> Invitation | None:
    return meeting.invitations.filter(person=person).first()


def can_read_attachments(request: HttpRequest, meeting: Meeting) -> bool:
    return visible_meetings(person_of(request)).filter(pk=meeting.pk).exists()


def meeting_url(meeting: Meeting) -> str:
    return reverse("meetings:detail", args=[meeting.pk])


# 我的待办 ---------------------------------------------------------------------------------------------------------

INBOX_HORIZON = timedelta(days=14)
CHECK_HORIZON = timedelta(days=1)  # the venue and equipment are checked the day before
RECORD_HORIZON = timedelta(days=30)


def meetings_inbox(person: Person) -> list[TodoEntry]:
    """A person's upcoming meetings (a reply awaited from them first), approvals waiting for them, and the
    replies still missing on meetings they organise."""
    now = timezone.now()
    soon = now + timedelta(days=1)
    entries: list[TodoEntry] = []
    # a reply is asked for as soon as the notice arrives, however far ahead the meeting is (due at the reply
    # deadline); a meeting one attends shows in the fortnight before it; a deputy sees the meeting they attend
    invitations = (
        Invitation.objects.filter(meeting__status=MeetingStatus.APPROVED, notified_at__isnull=False,
                                  meeting__end_at__gte=now)
        .filter(Q(person=person, reply=Reply.PENDING)
                | Q(person=person, reply__in=(Reply.ATTEND, Reply.DEPUTY), meeting__start_at__lte=now + INBOX_HORIZON)
                | Q(deputy=person, reply=Reply.DEPUTY, meeting__start_at__lte=now + INBOX_HORIZON))
        .select_related("meeting", "meeting__room", "meeting__organiser", "person")
        .order_by("meeting__start_at")[:50]
    )
    for inv in invitations:
        m = inv.meeting
        pending = inv.reply == Reply.PENDING
        due = (m.reply_deadline or m.start_at) if pending else m.start_at
        kind = "会议回执" if pending else ("代为参会" if inv.person_id != person.pk else "参加会议")
        entries.append(TodoEntry(
            kind=kind, title=f"{m.title}（{m.room.name}）" + (f"，代{inv.person.name}" if kind == "代为参会" else ""),
            url=meeting_url(m), action_label="回执" if pending else "查看",
            due_at=due, sender=m.organiser.name, overdue=pending and due < now, due_soon=now <= due < soon,
        ))
    waiting = Meeting.objects.none()
    if person.has_role(Role.OFFICE_DIRECTOR):
        waiting = Meeting.objects.of_unit(person.unit).awaiting_director()
    if person.has_role(*APPROVER_ROLES):
        waiting = waiting | Meeting.objects.of_unit(person.unit).awaiting_leader()
    for m in waiting.upcoming(now).select_related("organiser").order_by("start_at")[:50]:
        if can_director_check(person, m) or can_approve(person, m):
            entries.append(TodoEntry(kind="会议审批", title=m.title, url=meeting_url(m), action_label="审批",
                                     due_at=m.start_at, sender=m.organiser.name, due_soon=m.start_at < soon))
    unsent = (
        Meeting.objects.filter(organiser=person, status=MeetingStatus.APPROVED, notice_sent_at__isnull=True,
                               start_at__gte=now, start_at__lte=now + INBOX_HORIZON)
        .order_by("start_at")[:50]
    )
    if unsent:
        calendar = work_calendar()
        for m in unsent:
            deadline = calendar.subtract_workdays(timezone.localtime(m.start_at), NOTICE_LEAD_WORKDAYS)
            entries.append(TodoEntry(kind="发会议通知", title=f"{m.title}：已批准，通知未发", url=meeting_url(m),
                                     action_label="发通知", due_at=deadline, sender="系统", overdue=deadline < now,
                                     due_soon=now <= deadline < soon))
    unchecked = (
        Meeting.objects.filter(organiser=person, status=MeetingStatus.APPROVED, start_at__gte=now,
                               start_at__lte=now + CHECK_HORIZON)
        .annotate(checks=Count("checklists__kind", distinct=True)).filter(checks__lt=len(ChecklistKind.values))
        .order_by("start_at")[:50]
    )
    for m in unchecked:
        entries.append(TodoEntry(kind="会前检查", title=f"{m.title}：会场布置与设施检查未签字", url=meeting_url(m),
                                 action_label="检查", due_at=m.start_at, sender="系统", due_soon=True))
    no_record = (
        Meeting.objects.filter(organiser=person, status=MeetingStatus.APPROVED, important=True, minutes="",
                               end_at__lt=now, end_at__gte=now - RECORD_HORIZON)
        .exclude(pk__in=Attachment.objects.filter(owner_type=ContentType.objects.get_for_model(Meeting),
                                                  purpose__in=("录音", "会议纪要"), withdrawn_at__isnull=True)
                 .values("owner_id"))
        .order_by("end_at")[:50]
    )
    for m in no_record:
        entries.append(TodoEntry(kind="会议记录", title=f"{m.title}：重要会议须有全程录音或会议纪要", url=meeting_url(m),
                                 action_label="补录", due_at=m.end_at, sender="系统", overdue=True))
    missing = (
        Meeting.objects.filter(organiser=person, status=MeetingStatus.APPROVED, notice_sent_at__isnull=False,
                               start_at__gte=now)
        .with_counts().filter(unreplied_count__gt=0).order_by("start_at")[:50]
    )
    for m in missing:
        entries.append(TodoEntry(kind="催回执", title=f"{m.title}：{m.unreplied_count} 人未回执", url=meeting_url(m),
                                 action_label="查看", due_at=m.start_at, sender="系统", due_soon=m.start_at < soon))
    return entries
