from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from io import BytesIO

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zeroerror.attachments.models import Attachment
from zeroerror.core.access import person_of
from zeroerror.meetings import access, actions
from zeroerror.meetings.forms import (
    AttachForm,
    AttendeesForm,
    ChecklistForm,
    DecisionForm,
    MeetingForm,
    MinutesForm,
    PlanForm,
    ReasonForm,
    ReplyForm,
    RoomForm,
    SeatingForm,
)
from zeroerror.meetings.models import (
    SEATING_OPTIONS,
    ChecklistKind,
    Meeting,
    MeetingStatus,
    Reply,
    Room,
    checklist_items,
)
from zeroerror.meetings.pdf import CardSpec, ChartInfo, name_cards_pdf, plan_card_names, seating_chart_pdf
from zeroerror.org.models import Person

FILTERS = [("upcoming", "即将召开"), ("approval", "待我审批"), ("mine", "我承办的"), ("invited", "我参加的"),
           ("past", "已召开"), ("all", "全部")]


def _errors(request, exc: ValidationError) -> None:
    messages.error(request, "；".join(exc.messages))


def _form_errors(request, form) -> None:
    messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))


def _unit_people(person: Person):
    return Person.objects.active().filter(unit=person.unit)


# Meetings -----------------------------------------------------------------------------------------------------------

def meeting_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    show = request.GET.get("show", "upcoming")
    now = timezone.now()
    qs = access.visible_meetings(person).with_related().with_counts()
    if show == "upcoming":
        qs = qs.booked().upcoming(now)
    elif show == "approval":
        ids = [m.pk for m in qs.awaiting_approval()
               if access.can_director_check(person, m) or access.can_approve(person, m)]
        qs = qs.filter(pk__in=ids)
    elif show == "mine":
        qs = qs.organised_by(person)
    elif show == "invited":
        qs = qs.inviting(person)
    elif show == "past":
        qs = qs.past(now).booked()
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
                important=data["important"], involves_principal_heads=data["involves_principal_heads"],
                weeks=data["weeks"], actor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"会议方案已拟定，会议室已预订（{len(meetings)} 次）。请报批。")
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
        "reply_form": ReplyForm(auto_id="reply_%s", initial={"reply": mine.reply if mine and mine.reply != Reply.PENDING else None}),
        "reason_form": ReasonForm(), "minutes_form": MinutesForm(initial={"text": meeting.minutes}),
        "decision_form": DecisionForm(people=_unit_people(person)), "attach_form": AttachForm(),
        "decisions": meeting.decisions.with_item(), "attachments": Attachment.objects.for_owner(meeting),
        "signin_open": actions.signin_open(meeting), "now": timezone.now(),
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
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/attendees.html", {"title": "参会人员", "meeting": meeting, "form": form})


def _transition(request, pk: int, allowed, fn, success: str, *, with_reason: bool = False):
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not allowed(person, meeting):
        raise PermissionDenied("您不能执行此操作。")
    try:
        if with_reason:
            form = ReasonForm(request.POST)
            if not form.is_valid():
                _form_errors(request, form)
                return redirect("meetings:detail", meeting.pk)
            fn(meeting, form.cleaned_data["reason"], actor=request.user)
        else:
            fn(meeting, actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, success)
    return redirect("meetings:detail", meeting.pk)


@require_POST
def meeting_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, access.can_manage, actions.do_submit_meeting, "会议方案已报批。")


@require_POST
def meeting_director_check(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, access.can_director_check, actions.do_director_check_meeting,
                       "已统一扎口把关，报主要领导审定。")


@require_POST
def meeting_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, lambda p, m: m.status == MeetingStatus.PENDING_LEADER,
                       actions.do_approve_meeting, "会议方案已批准。")


@require_POST
def meeting_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, lambda p, m: access.can_director_check(p, m) or access.can_approve(p, m),
                       actions.do_return_meeting, "会议方案已退回。", with_reason=True)


@require_POST
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, access.can_manage, actions.do_cancel_meeting, "会议已取消，会议室已释放。",
                       with_reason=True)


@require_POST
def meeting_notify(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能发送本会议的通知。")
    try:
        count = actions.do_send_notices(meeting, actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        meeting.refresh_from_db(fields=["notice_late"])
        messages.success(request, f"会议通知已发给 {count} 人。")
        if meeting.notice_late:
            messages.warning(request, f"通知迟发：晚于会前 {actions.NOTICE_LEAD_WORKDAYS} 个工作日。")
    return redirect("meetings:detail", meeting.pk)


@require_POST
def meeting_reply(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    invitation = access.own_invitation(person, meeting)
    if not access.can_reply(person, invitation):
        raise PermissionDenied("您不在本次会议的参会人员名单中。")
    form = ReplyForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("meetings:detail", meeting.pk)
    data = form.cleaned_data
    try:
        actions.do_record_reply(invitation, data["reply"], deputy_name=data["deputy_name"], reason=data["reason"],
                         actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, "回执已提交。")
    return redirect("meetings:detail", meeting.pk)


@require_POST
def meeting_reply_for(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    """The 会务 staff record a reply taken by phone (催回执)."""
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能代为回执。")
    invitation = access.get_invitation_or_404(request, meeting, invitation_pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("meetings:detail", meeting.pk)
    data = form.cleaned_data
    try:
        actions.do_record_reply(invitation, data["reply"], deputy_name=data["deputy_name"], reason=data["reason"],
                         actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, f"已代{invitation.person.name}登记回执。")
    return redirect("meetings:detail", meeting.pk)


# Sign-in ------------------------------------------------------------------------------------------------------------

def signin(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """The page the meeting's QR code opens on a phone. One sign-in per invitee; others are refused."""
    person = person_of(request)
    meeting = access.get_meeting_by_token_or_404(request, pk, token)
    invitation = access.own_invitation(person, meeting)
    status = 200
    signed_now = False
    if request.method == "POST":
        try:
            invitation, signed_now = actions.do_record_signin(meeting, person, actor=request.user)
        except ValidationError as exc:
            _errors(request, exc)
            status = 403 if invitation is None else 400
    elif invitation is None:
        messages.error(request, "您不在本次会议的参会人员名单中，不能签到。")
        status = 403
    return render(request, "meetings/signin.html", {
        "title": "会议签到", "meeting": meeting, "invitation": invitation, "signed_now": signed_now,
        "open": actions.signin_open(meeting),
    }, status=status)


def signin_desk(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能管理本会议的签到。")
    return render(request, "meetings/signin_desk.html", {
        "title": "签到管理", "meeting": meeting, "open": actions.signin_open(meeting),
        "signin_url": request.build_absolute_uri(access.signin_path(meeting)),
        **_signin_lists(meeting),
    })


def _signin_lists(meeting: Meeting) -> dict:
    invitations = list(meeting.invitations.with_people().select_related("signed_in_by"))
    expected = [i for i in invitations if i.reply != Reply.ABSENT]
    return {
        "missing": [i for i in expected if i.signed_in_at is None],
        "signed": sorted((i for i in invitations if i.signed_in_at), key=lambda i: i.signed_in_at),
        "absent": [i for i in invitations if i.reply == Reply.ABSENT and not i.signed_in_at],
        "expected_count": len(expected),
    }


def signin_missing(request: HttpRequest, pk: int) -> HttpResponse:
    """The live 'not yet signed in' list (polled by the desk page) to call people and report to the chair."""
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting) and not person.has_role(*access.APPROVER_ROLES):
        raise PermissionDenied("您不能查看本会议的签到情况。")
    return render(request, "meetings/_signin_missing.html", {"meeting": meeting, **_signin_lists(meeting)})


@require_POST
def signin_tick(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能代为签到。")
    invitation = access.get_invitation_or_404(request, meeting, invitation_pk)
    try:
        if actions.do_tick_signin(invitation, actor=request.user):
            messages.success(request, f"{invitation.person.name}已签到。")
        else:
            messages.info(request, f"{invitation.person.name}此前已签到。")
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("meetings:signin_desk", meeting.pk)


@require_POST
def signin_report(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能报告到会情况。")
    try:
        missing = actions.do_report_attendance(meeting, actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, f"已报告主持会议领导（尚未签到 {len(missing)} 人）。")
    return redirect("meetings:signin_desk", meeting.pk)


def signin_qr(request: HttpRequest, pk: int) -> HttpResponse:
    import qrcode
    import qrcode.image.svg

    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能查看签到码。")
    image = qrcode.make(request.build_absolute_uri(access.signin_path(meeting)),
                        image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buf = BytesIO()
    image.save(buf)
    return HttpResponse(buf.getvalue(), content_type="image/svg+xml")


def meeting_checklist(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """会前检查: equipment (一(二)5) or venue (一(二)4), signed off by the 会务 staff."""
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if kind not in ChecklistKind.values:
        raise Http404("检查类别无效。")
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能签署会前检查。")
    form = ChecklistForm(request.POST or None, items=checklist_items(meeting, kind))
    if request.method == "POST" and form.is_valid():
        try:
            checklist = actions.do_sign_checklist(meeting, kind, form.results(), actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if checklist.failures:
                messages.warning(request, f"已签字；{len(checklist.failures)} 项故障已报差错线索，请及时排除。")
            else:
                messages.success(request, "已签字，检查全部正常。")
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/checklist.html", {
        "title": ChecklistKind(kind).label, "meeting": meeting, "form": form, "kind_label": ChecklistKind(kind).label,
    })


# Seating ------------------------------------------------------------------------------------------------------------

def meeting_seating(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    manage = access.can_manage(person, meeting)
    arrangement = getattr(meeting, "seating", None)
    initial = {name: getattr(arrangement, name) for name in SEATING_OPTIONS} if arrangement else None
    form = SeatingForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not manage:
            raise PermissionDenied("您不能生成座位表。")
        if form.is_valid():
            try:
                arrangement = actions.do_generate_seating(meeting, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, f"座位表已生成（第 {arrangement.version} 版）。")
            return redirect("meetings:seating", meeting.pk)
    hall_grid = []
    if arrangement and arrangement.hall.get("rows"):
        cells = {(p["row"], p["col"]): p for p in arrangement.hall["placements"]}
        used_rows = max((p["row"] for p in arrangement.hall["placements"]), default=0)
        hall_grid = [[cells.get((r, c)) for c in range(1, arrangement.hall["cols"] + 1)]
                     for r in range(1, used_rows + 1)]
    people = []
    if arrangement:
        people = [p for row in arrangement.podium for p in row] + list(arrangement.hall.get("placements", []))
    return render(request, "meetings/seating.html", {
        "title": "座位表", "meeting": meeting, "arrangement": arrangement, "form": form, "manage": manage,
        "hall_grid": hall_grid, "people": people,
    })


@require_POST
def seating_swap(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能调整座位。")
    try:
        arrangement = actions.do_swap_seats(meeting, request.POST.get("a", ""), request.POST.get("b", ""),
                                            actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, f"座位已调整（第 {arrangement.version} 版），检查无漏排、重排。")
    return redirect("meetings:seating", meeting.pk)


@require_POST
def seating_move(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能调整座位。")
    try:
        row, col = int(request.POST.get("row", "")), int(request.POST.get("col", ""))
    except ValueError:
        messages.error(request, "请填写排号和座号。")
        return redirect("meetings:seating", meeting.pk)
    try:
        arrangement = actions.do_move_seat(meeting, request.POST.get("key", ""), row=row, col=col, actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, f"座位已调整（第 {arrangement.version} 版），检查无漏排、重排。")
    return redirect("meetings:seating", meeting.pk)


def _seating_or_404(meeting: Meeting):
    arrangement = getattr(meeting, "seating", None)
    if arrangement is None:
        raise Http404("尚未生成座位表。")
    return arrangement


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def seating_chart(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_or_404(request, pk)
    arrangement = _seating_or_404(meeting)
    paper = request.GET.get("paper", "A4")
    if paper not in ("A4", "A3"):
        paper = "A4"
    start = timezone.localtime(meeting.start_at)
    info = ChartInfo(meeting=meeting.title, time=f"{start:%Y年%m月%d日 %H:%M}", place=meeting.room.name,
                     footer=f"{meeting.department.name}制 · 第{arrangement.version}版", lectern="front")
    data = seating_chart_pdf(actions.plan_from(arrangement), info, paper=paper)
    actions.do_record_export(meeting, f"seating-chart-{paper}", version=arrangement.version, actor=request.user)
    return _pdf(data, f"seating-{meeting.pk}-v{arrangement.version}.pdf")


def seating_cards(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_or_404(request, pk)
    arrangement = _seating_or_404(meeting)
    include_hall = request.GET.get("hall") == "1"
    names = plan_card_names(actions.plan_from(arrangement), include_hall=include_hall)
    if not names:
        messages.error(request, "主席台没有人员，无需打印席卡。")
        return redirect("meetings:seating", meeting.pk)
    data = name_cards_pdf(names, CardSpec(), title=f"{meeting.title}席卡")
    actions.do_record_export(meeting, "name-cards" + ("-all" if include_hall else ""), version=arrangement.version,
                             actor=request.user)
    return _pdf(data, f"cards-{meeting.pk}-v{arrangement.version}.pdf")


# Minutes, decisions, files --------------------------------------------------------------------------------------------

@require_POST
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能记录本会议。")
    form = MinutesForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            actions.do_record_minutes(meeting, form.cleaned_data["text"], actor=request.user)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, "会议记录已保存。")
    return redirect("meetings:detail", meeting.pk)


@require_POST
def meeting_decision(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能记录议定事项。")
    form = DecisionForm(request.POST, people=_unit_people(person))
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            actions.do_add_decision(meeting, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, "议定事项已记录并转入督办。")
    return redirect("meetings:detail", meeting.pk)


@require_POST
def meeting_attach(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能上传本会议的文件。")
    form = AttachForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            actions.do_attach_meeting_file(meeting, form.cleaned_data["file"], purpose=form.cleaned_data["purpose"],
                                           actor=request.user)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, "文件已归档。")
    return redirect("meetings:detail", meeting.pk)


# Calendar and frequency -------------------------------------------------------------------------------------------------

def calendar(request: HttpRequest) -> HttpResponse:
    """会议日程: one week, rooms by day."""
    person = person_of(request)
    try:
        day = date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = timezone.localdate()
    monday = day - timedelta(days=day.weekday())
    days = [monday + timedelta(days=i) for i in range(7)]
    start = timezone.make_aware(datetime.combine(monday, time()))
    end = start + timedelta(days=7)
    rooms = list(Room.objects.of_unit(person.unit).active())
    rows = access.visible_meetings(person).booked().between(start, end).select_related("room")
    cells: dict[tuple[int, date], list[Meeting]] = defaultdict(list)
    for m in rows.order_by("start_at"):
        cells[(m.room_id, timezone.localtime(m.start_at).date())].append(m)
    grid = [(room, [cells.get((room.pk, d), []) for d in days]) for room in rooms]
    return render(request, "meetings/calendar.html", {
        "title": "会议日程", "days": days, "grid": grid,
        "prev": (monday - timedelta(days=7)).isoformat(), "next": (monday + timedelta(days=7)).isoformat(),
    })


def stats(request: HttpRequest) -> HttpResponse:
    """精简会议: meetings per month per organiser, with their size, over the last 12 months."""
    person = person_of(request)
    today = timezone.localdate()
    first = date(today.year - (1 if today.month < 12 else 0), today.month % 12 + 1, 1)
    since = timezone.make_aware(datetime.combine(first, time()))
    months = []
    d = first
    for _ in range(12):
        months.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    rows = (
        access.visible_meetings(person).booked().since(since)
        .annotate(month=TruncMonth("start_at")).values("organiser_id", "organiser__name", "department__name", "month")
        .annotate(n=Count("id", distinct=True),
                  people=Count("invitations", filter=Q(invitations__withdrawn_at__isnull=True)))
        .order_by("organiser__name")
    )
    table: dict[int, dict] = {}
    for r in rows:
        entry = table.setdefault(r["organiser_id"], {"name": r["organiser__name"], "department": r["department__name"],
                                                      "by_month": defaultdict(int), "total": 0, "people": 0})
        month = timezone.localtime(r["month"]).date().replace(day=1) if isinstance(r["month"], datetime) else r["month"]
        entry["by_month"][month] += r["n"]
        entry["total"] += r["n"]
        entry["people"] += r["people"]
    lines = [{**e, "cells": [e["by_month"].get(m, 0) for m in months],
              "average": round(e["people"] / e["total"], 1) if e["total"] else 0} for e in table.values()]
    lines.sort(key=lambda e: (-e["total"], e["name"]))
    return render(request, "meetings/stats.html", {"title": "会议频次", "months": months, "lines": lines})


# Rooms --------------------------------------------------------------------------------------------------------------

def room_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    rooms = Room.objects.of_unit(person.unit).order_by("-active", "name")
    return render(request, "meetings/rooms.html", {"title": "会议室", "rooms": rooms,
                                                   "can_manage": access.can_manage_rooms(person)})


def room_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.can_manage_rooms(person):
        raise PermissionDenied("只有办公室可以管理会议室。")
    form = RoomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            actions.do_create_room(unit=person.unit, actor=request.user, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "会议室已添加。")
            return redirect("meetings:rooms")
    return render(request, "meetings/room_form.html", {"title": "添加会议室", "form": form})


def room_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    room = access.get_room_or_404(request, pk)
    if not access.can_manage_rooms(person):
        raise PermissionDenied("只有办公室可以管理会议室。")
    form = RoomForm(request.POST or None, instance=Room.objects.get(pk=room.pk))
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_room(room, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "会议室已更新。")
            return redirect("meetings:rooms")
    return render(request, "meetings/room_form.html", {"title": f"编辑会议室：{room.name}", "form": form})
