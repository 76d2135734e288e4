"""会风与宣传: 会风监督员 and their reports (一(二)10), the news report (一(二)6), 会标 (一(二)9)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_form_errors, flash_refusal, run_action
from zeroerror.meetings import access, actions
from zeroerror.meetings.forms import BannerForm, BreachForm, NewsForm, SupervisorsForm
from zeroerror.org.models import Person


def _invitees(meeting):
    return Person.objects.filter(invitations__meeting=meeting, invitations__withdrawn_at__isnull=True)


def _done(request, fn, success: str, *args, **kwargs) -> None:
    run_action(request, lambda: fn(*args, actor=request.user, **kwargs), success)


def publicity(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    return render(request, "meetings/publicity.html", {
        "title": "会风与宣传", "meeting": meeting,
        "supervisors": list(meeting.supervisors.select_related("department")),
        "breaches": meeting.breaches.select_related("person", "reported_by"),
        "news": meeting.news.select_related("written_by", "approved_by"),
        "banners": meeting.banners.select_related("entered_by", "approved_by"),
        "manage": access.can_manage(person, meeting), "review": access.can_review(person),
        "supervise": access.is_supervisor(person, meeting),
        "supervisors_form": SupervisorsForm(people=Person.objects.active().filter(unit=person.unit),
                                            initial={"supervisors": [p.pk for p in meeting.supervisors.all()]}),
        "breach_form": BreachForm(people=_invitees(meeting)), "news_form": NewsForm(), "banner_form": BannerForm(),
    })


def _managed(request, pk):
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能办理本会议的会务。")
    return meeting


@require_POST
def set_supervisors(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _managed(request, pk)
    form = SupervisorsForm(request.POST, people=Person.objects.active().filter(unit=meeting.unit))
    if form.is_valid():
        _done(request, actions.do_set_supervisors, "会风监督员已指定。", meeting, form.cleaned_data["supervisors"])
    else:
        messages.error(request, "请选择会风监督员。")
    return redirect("meetings:publicity", meeting.pk)


@require_POST
def report_breach(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.is_supervisor(person, meeting):
        raise PermissionDenied("只有本次会议的会风监督员可以报告。")
    form = BreachForm(request.POST, people=_invitees(meeting))
    if form.is_valid():
        _done(request, actions.do_report_breach, "会风情况已报告。", meeting, **form.cleaned_data)
    else:
        flash_form_errors(request, form)
    return redirect("meetings:publicity", meeting.pk)


@require_POST
def draft_news(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _managed(request, pk)
    form = NewsForm(request.POST)
    if form.is_valid():
        _done(request, actions.do_draft_news, "新闻稿已保存。", meeting, **form.cleaned_data)
    else:
        messages.error(request, "请填写新闻稿标题和正文。")
    return redirect("meetings:publicity", meeting.pk)


@require_POST
def approve_news(request: HttpRequest, pk: int, news_pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_review(person):
        raise PermissionDenied("须由办公室分管主任或综合科把关。")
    _done(request, actions.do_approve_news, "新闻稿已审核。", access.get_news_or_404(request, meeting, news_pk))
    return redirect("meetings:publicity", meeting.pk)


@require_POST
def publish_news(request: HttpRequest, pk: int, news_pk: int) -> HttpResponse:
    meeting = _managed(request, pk)
    _done(request, actions.do_publish_news, "新闻稿已发布。", access.get_news_or_404(request, meeting, news_pk))
    return redirect("meetings:publicity", meeting.pk)


@require_POST
def enter_banner(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _managed(request, pk)
    form = BannerForm(request.POST)
    if form.is_valid():
        _done(request, actions.do_enter_banner, "会标已录入并校对。", meeting, **form.cleaned_data)
    else:
        messages.error(request, "请选择类别并填写会标文字。")
    return redirect("meetings:publicity", meeting.pk)


@require_POST
def approve_banner(request: HttpRequest, pk: int, banner_pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_review(person):
        raise PermissionDenied("须由办公室主任或副主任审核。")
    _done(request, actions.do_approve_banner, "会标已审核。", access.get_banner_or_404(request, meeting, banner_pk))
    return redirect("meetings:publicity", meeting.pk)


def banner_proof(request: HttpRequest, pk: int, banner_pk: int) -> HttpResponse:
    """会标校样 (PDF) for printing: only for an approved banner; the download is recorded as an export."""
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not (access.can_manage(person, meeting) or access.can_review(person)):
        raise PermissionDenied("会标校样由会务人员下载印制。")
    banner = access.get_banner_or_404(request, meeting, banner_pk)
    try:
        data, revision = actions.banner_proof(banner)
    except ValidationError as exc:
        flash_refusal(request, exc)
        return redirect("meetings:publicity", meeting.pk)
    actions.do_record_export(meeting, f"banner-proof-{banner.pk}", version=revision, actor=request.user)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''banner-{meeting.pk}-{banner.pk}-v{revision}.pdf"
    return response


@require_POST
def print_banner(request: HttpRequest, pk: int, banner_pk: int) -> HttpResponse:
    meeting = _managed(request, pk)
    _done(request, actions.do_print_banner, "会标已交付印制。", access.get_banner_or_404(request, meeting, banner_pk))
    return redirect("meetings:publicity", meeting.pk)
