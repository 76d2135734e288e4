"""The meeting list, the 会议方案 (create, edit, detail) and the attendee list."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from zeroerror.attachments.models import Attachment
from zeroerror.core.access import person_of
from zeroerror.meetings import access, actions
from zeroerror.meetings.forms import (
    AttachForm,
    AttendeesForm,
    DecisionForm,
    MeetingForm,
    MinutesForm,
    NoticeForm,
    PlanForm,
    ReasonForm,
    ReplyForm,
    RescheduleForm,
)
from zeroerror.meetings.models import ChecklistKind, Meeting, Reply, Room
from zeroerror.meetings.views.common import _unit_people, clash_messages

FILTERS = [("upcoming", "即将召开"), ("approval", "待我审批"), ("mine", "我承办的"), ("invited", "我参加的"),
           ("past", "已召开"), ("all", "全部")]


def meeting_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    show = request.GET.get("show", "upcoming")
    now = timezone.now()
    qs = access.visible_meetings(person).with_related().with_counts()
    if show == "upcoming":
        qs = qs.current().upcoming(now)
    elif show == "approval":
        ids = [m.pk for m in qs.awaiting_approval()
               if access.can_director_check(person, m) or access.can_approve(person, m)]
        qs = qs.filter(pk__in=ids)
    elif show == "mine":
        qs = qs.organised_by(person)
    elif show == "invited":
        qs = qs.inviting(person)
    elif show == "past":
        qs = qs.past(now).current()
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.titled(q)
    order = ("-start_at", "-id") if show in ("past", "all") else ("start_at", "id")
    page = Paginator(qs.order_by(*order), 50).get_page(request.GET.get("page"))
    return render(request, "meetings/list.html", {
        "title": "会议", "page": page, "filters": FILTERS, "show": show, "q": q,
    })


def meeting_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    form = MeetingForm(request.POST or None, people=_unit_people(person),
                       rooms=Room.objects.of_unit(person.unit).active())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meetings = actions.do_create_meeting(
                organiser=person, title=data["title"], purpose=data["purpose"], agenda=data["agenda"],
                start_at=data["start_at"], end_at=data["end_at"], room=data["room"], attendees=data["attendees"],
                podium=data["podium"], host=data["host"], materials_note=data["materials_note"],
                budget=data["budget"], dress_code=data["dress_code"], rules=data["rules"],
                important=data["important"],
                weeks=data["weeks"], actor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            hours = settings.MEETING_DRAFT_HOLD_HOURS
            messages.success(request, f"会议方案已拟定，会议室已预订（{len(meetings)} 次）。请报批："
                                      f"{hours} 小时内未报批的，会议室释放给他人预订。")
            for text in clash_messages(person, meetings[0]):
                messages.warning(request, text)
            return redirect("meetings:detail", meetings[0].pk)
    return render(request, "meetings/form.html", {"title": "拟定会议方案", "form": form})


def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能修改本会议方案。")
    initial = {f: getattr(meeting, f) for f in actions.PLAN_FIELDS}
    form = PlanForm(request.POST or None, initial=initial, rooms=Room.objects.of_unit(person.unit).active())
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_meeting(meeting, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "会议方案已修改。")
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/edit.html", {"title": "修改会议方案", "meeting": meeting, "form": form})


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    invitations = list(meeting.invitations.with_people().select_related("signed_in_by"))
    withdrawn = list(meeting.invitations(manager="all_objects").withdrawn().filter(notified_at__isnull=False)
                     .with_people().order_by("withdrawn_at", "id"))
    mine = next((i for i in invitations if i.person_id == person.pk), None)
    manage = access.can_manage(person, meeting)
    counts = {
        "invited": len(invitations),
        "unreplied": sum(1 for i in invitations if i.reply == Reply.PENDING),
        "absent": sum(1 for i in invitations if i.reply == Reply.ABSENT),
        "signed": sum(1 for i in invitations if i.signed_in_at),
        "unnotified": sum(1 for i in invitations if i.notified_at is None),
    }
    checks = {}
    for c in meeting.checklists.select_related("signed_by"):
        checks.setdefault(c.kind, c)  # newest first
    series = list(Meeting.objects.in_series(meeting.series).only("pk", "start_at", "status", "occurrence"))
    seating_arrangement = getattr(meeting, "seating", None) if meeting.room.is_large else None
    now = timezone.now()
    rooms = Room.objects.of_unit(person.unit).active()
    can_reply = bool(mine and mine.notified_at and meeting.status == "approved" and meeting.end_at > now
                     and not mine.signed_in_at)
    return render(request, "meetings/detail.html", {
        "title": meeting.title, "meeting": meeting, "invitations": invitations, "withdrawn": withdrawn, "mine": mine,
        "counts": counts,
        "series": series, "seating": seating_arrangement, "manage": manage,
        "checks": [(kind, label, checks.get(kind)) for kind, label in ChecklistKind.choices],
        "can_director_check": access.can_director_check(person, meeting),
        "can_export": access.can_export_dossier(person, meeting),
        "can_approve": access.can_approve(person, meeting),
        "can_return": access.can_director_check(person, meeting) or access.can_approve(person, meeting),
        "notice_deadline": actions.notice_deadline(meeting),
        "notice_text": actions.notice_text(meeting),
        "reply_form": ReplyForm(auto_id="reply_%s", people=_unit_people(person).exclude(pk=person.pk), initial={
            "reply": mine.reply if mine and mine.reply != Reply.PENDING else None,
            "deputy": mine.deputy_id if mine else None}),
        "can_reply": can_reply, "clashes": clash_messages(person, meeting),
        "hold_lapsed": meeting.status == "draft" and meeting.hold_until is not None and meeting.hold_until < now,
        "notice_form": NoticeForm(initial={"reply_deadline": meeting.reply_deadline
                                           or actions.default_reply_deadline(meeting)}),
        "reschedule_form": RescheduleForm(rooms=rooms, initial={"start_at": meeting.start_at,
                                                                "end_at": meeting.end_at}),
        "reason_form": ReasonForm(), "minutes_form": MinutesForm(initial={"text": meeting.minutes}),
        "decision_form": DecisionForm(people=_unit_people(person)), "attach_form": AttachForm(),
        "decisions": meeting.decisions.with_item(), "attachments": Attachment.objects.for_owner(meeting),
        "signin_open": actions.signin_open(meeting), "now": now,
    })


def meeting_attendees(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能调整本会议的参会人员。")
    invitations = list(meeting.invitations.all())
    initial = {
        "attendees": [i.person_id for i in invitations],
        "podium": [i.person_id for i in invitations if i.on_podium],
        "host": next((i.person_id for i in invitations if i.is_host), None),
    }
    form = AttendeesForm(request.POST or None, initial=initial, people=_unit_people(person))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_set_attendees(meeting, data["attendees"], podium=data["podium"], host=data["host"],
                                     actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "参会人员已更新。")
            for text in clash_messages(person, meeting):
                messages.warning(request, text)
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/attendees.html", {"title": "参会人员", "meeting": meeting, "form": form})
