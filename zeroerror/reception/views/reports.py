"""The 政务接待 home, the 客情登记簿, registering a 客情 and its page (clause 一(三)1)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zeroerror.attachments.models import Attachment
from zeroerror.core import areas
from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_form_errors, run_action, run_form_action
from zeroerror.reception import access, actions
from zeroerror.reception.forms import ArrangeForm, ReasonForm, ReassignForm, ReportForm, parse_year
from zeroerror.reception.forms_plans import ApproveForm, DecideForm, DraftForm, FileForm
from zeroerror.reception.models import ReceptionPlan, ReportStatus
from zeroerror.reception.panels import panels_for

UPCOMING_DAYS = 14


def home(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    now = timezone.now()
    reports = access.visible_reports(person).with_related()
    upcoming = list(reports.exclude(status=ReportStatus.WITHDRAWN).arriving_between(now, now + timedelta(days=UPCOMING_DAYS))
                    .order_by("arrive_at")[:50])
    today = timezone.localdate()
    context = {
        "title": "政务接待", "upcoming": upcoming, "today": today,
        "open_count": reports.open().count(),
        "can_register": access.can_register(person),
        "reception_home_panels": panels_for(person),
        **areas.area_block(person, "reception"),
    }
    return render(request, "reception/home.html", context)


def report_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    year = parse_year(request.GET.get("year"), timezone.localdate().year)
    status = request.GET.get("status", "")
    qs = access.visible_reports(person).with_related().in_year(year)
    if status in ReportStatus.values:
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("-arrive_at", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "reception/list.html", {
        "title": "客情登记簿", "page": page, "year": year, "status": status, "statuses": ReportStatus.choices,
    })


def report_new(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.can_register(person):
        raise PermissionDenied("您不能登记客情。")
    form = ReportForm(request.POST or None, unit=person.unit)
    if request.method == "POST":
        created = []
        if run_form_action(request, form, lambda **d: created.append(actions.do_register_report(actor=request.user, **d)),
                           "客情已登记并交办。"):
            return redirect("reception:detail", created[0].pk)
    return render(request, "reception/report_form.html", {"title": "登记客情", "form": form})


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    report = access.get_report_or_404(request, pk)
    manage = access.can_manage(person, report)
    plan = ReceptionPlan.objects.filter(report=report).select_related(
        "presiding_leader", "approved_by", "drafted_by", "special_approval__approved_by",
        "etiquette_reported_to").first()
    context = {
        "title": str(report), "report": report, "plan": plan, "can_manage": manage,
        "can_approve": access.may_approve(person), "can_export": access.can_export(person, report),
        "arrange_form": ArrangeForm(), "reason_form": ReasonForm(), "draft_form": DraftForm(),
        "reassign_form": ReassignForm(unit=person.unit) if manage else None,
        "approve_form": ApproveForm(), "file_form": FileForm(), "decide_form": DecideForm(),
        "bills": list(report.bills.select_related("recorded_by", "special_approval__approved_by")),
        "specials": list(report.special_approvals.select_related("approved_by")),
        "attempts": list(report.over_attempts.select_related("person")),
        "files": list(Attachment.objects.for_owner(report).order_by("uploaded_at", "id")),
    }
    if plan is not None:
        context.update({
            "slots": list(plan.slots.current().prefetch_related("people", "site_checks__checked_by")),
            "cancelled_slots": list(plan.slots.filter(cancelled_at__isnull=False)),
            "changes": list(plan.route_changes.select_related("requested_by", "decided_by", "slot")),
            "etiquette": list(plan.etiquette.all()),
            "gaps": actions.plan_gaps(plan), "excesses": actions.plan_excesses(plan),
            "is_presiding": plan.presiding_leader_id == person.pk,
        })
    return render(request, "reception/detail.html", context)


def _managed(request, pk):
    person = person_of(request)
    report = access.get_report_or_404(request, pk)
    if not access.can_manage(person, report):
        raise PermissionDenied("只有承办人和办公室人员可以办理此客情。")
    return person, report


@require_POST
def report_arrange(request: HttpRequest, pk: int) -> HttpResponse:
    _person, report = _managed(request, pk)
    form = ArrangeForm(request.POST)
    run_form_action(request, form, lambda arrangement: actions.do_arrange_report(report, arrangement,
                                                                               actor=request.user),
                    "接待安排已落实。")
    return redirect("reception:detail", report.pk)


@require_POST
def report_reassign(request: HttpRequest, pk: int) -> HttpResponse:
    person, report = _managed(request, pk)
    form = ReassignForm(request.POST, unit=person.unit)
    run_form_action(request, form, lambda handler: actions.do_reassign_report(report, handler, actor=request.user),
                    "客情已改派。")
    return redirect("reception:detail", report.pk)


@require_POST
def report_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    _person, report = _managed(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
    else:
        run_action(request, lambda: actions.do_withdraw_report(report, form.cleaned_data["reason"], actor=request.user),
                   "客情已取消。")
    return redirect("reception:detail", report.pk)


@require_POST
def report_complete(request: HttpRequest, pk: int) -> HttpResponse:
    _person, report = _managed(request, pk)
    if run_action(request, lambda: actions.do_complete_report(report, actor=request.user), "已登记接待完毕。"):
        messages.info(request, "请及时将活动方案、材料、录音、录像、照片归档（一(三)8）。")
    return redirect("reception:detail", report.pk)
