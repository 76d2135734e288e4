"""Files made from a meeting (clause 一(二)3, 11; issue 11 6(k)): the notice as a 公文 .docx, the minutes as a 纪要
.docx, the meeting and a leader's schedule as .ics, the A4 poster for the door. Every download is audited."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from zeroerror.core.access import person_of
from zeroerror.documents.gbt9704 import DocumentFormatError
from zeroerror.meetings import access, actions, gongwen, ics
from zeroerror.meetings.models import Invitation, Meeting, MeetingStatus, Reply
from zeroerror.meetings.pdf.poster import Poster, poster_pdf
from zeroerror.org.models import Person

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["Cache-Control"] = "no-store"
    return response


def _managed(request: HttpRequest, pk: int) -> Meeting:
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person_of(request), meeting):
        raise PermissionDenied("只有会务人员可以生成本会议的文件。")
    return meeting


def notice_docx(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _managed(request, pk)
    if meeting.status != MeetingStatus.APPROVED:
        messages.error(request, "会议方案批准后才能生成会议通知。")
        return redirect("meetings:detail", meeting.pk)
    try:
        data = gongwen.notice_docx(meeting)
    except DocumentFormatError as exc:
        messages.error(request, f"会议通知不能生成：{exc.message}")
        return redirect("meetings:detail", meeting.pk)
    actions.do_record_export(meeting, "notice-docx", actor=request.user)
    return _download(data, DOCX, f"关于召开{meeting.title}的通知.docx")


def minutes_docx(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _managed(request, pk)
    if not meeting.minutes.strip():
        messages.error(request, "尚无会议记录，不能生成会议纪要。")
        return redirect("meetings:detail", meeting.pk)
    try:
        data = gongwen.minutes_docx(meeting)
    except DocumentFormatError as exc:
        messages.error(request, f"会议纪要不能生成：{exc.message}")
        return redirect("meetings:detail", meeting.pk)
    actions.do_record_export(meeting, "minutes-docx", actor=request.user)
    return _download(data, DOCX, f"{meeting.title}纪要.docx")


def poster(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _managed(request, pk)
    if meeting.status != MeetingStatus.APPROVED:
        messages.error(request, "会议方案批准后才能打印门口海报。")
        return redirect("meetings:detail", meeting.pk)
    start, end = timezone.localtime(meeting.start_at), timezone.localtime(meeting.end_at)
    data = poster_pdf(Poster(
        title=meeting.title, time=f"{start.year}年{start.month}月{start.day}日 {start:%H:%M}–{end:%H:%M}",
        place=meeting.room.name + (f"（{meeting.room.location}）" if meeting.room.location else ""),
        organiser=f"{meeting.department.name} {meeting.organiser.name}",
        url=settings.SITE_URL + access.meeting_url(meeting)))
    actions.do_record_export(meeting, "poster-pdf", actor=request.user)
    return _download(data, "application/pdf", f"meeting-{meeting.pk}-poster.pdf")


def _event(meeting: Meeting) -> ics.Event:
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "zeroerror"
    place = meeting.room.name + (f"（{meeting.room.location}）" if meeting.room.location else "")
    return ics.Event(
        uid=f"meeting-{meeting.pk}@{host}", start=meeting.start_at, end=meeting.end_at, summary=meeting.title,
        location=place, description=meeting.agenda, url=settings.SITE_URL + access.meeting_url(meeting),
        cancelled=not meeting.is_open, sequence=1 if meeting.rescheduled_from else 0)


def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_or_404(request, pk)
    if meeting.status not in (MeetingStatus.APPROVED, MeetingStatus.CANCELLED):
        raise Http404("会议方案尚未批准。")
    data = ics.calendar([_event(meeting)], name=meeting.title, stamp=timezone.now())
    actions.do_record_export(meeting, "ics", actor=request.user)
    return _download(data, "text/calendar; charset=utf-8", f"meeting-{meeting.pk}.ics")


SCHEDULE_PAST = timedelta(days=30)


def schedule_ics(request: HttpRequest, person_pk: int) -> HttpResponse:
    """A person's meetings (invited or deputising, not excused) from a month ago on: for the person, and for the
    office staff who keep the leaders' schedules. Anyone else: 404."""
    viewer = person_of(request)
    person = Person.objects.filter(pk=person_pk, unit=viewer.unit).first()
    if person is None or (person.pk != viewer.pk and not access.is_office(viewer)):
        raise Http404("日程不存在。")
    since = timezone.now() - SCHEDULE_PAST
    attending = (Invitation.objects.filter(person=person).exclude(reply=Reply.ABSENT).order_by().values("meeting_id")
                 .union(Invitation.objects.filter(deputy=person, reply=Reply.DEPUTY).order_by().values("meeting_id")))
    rows = list(Meeting.objects.of_unit(person.unit)
                .filter(status=MeetingStatus.APPROVED, end_at__gte=since, pk__in=[r["meeting_id"] for r in attending])
                .select_related("room").order_by("start_at"))
    data = ics.calendar([_event(m) for m in rows], name=f"{person.name}的会议日程", stamp=timezone.now())
    actions.do_record_schedule_export(person, rows, actor=request.user)
    return _download(data, "text/calendar; charset=utf-8", f"schedule-{person.pk}.ics")
