"""Budget lines (预算项目), their approval and their adjustments (调整预算) (clause 一(五)1)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.core.forms import keep_input, kept_input, run_form_action
from zeroerror.finance import access, actions, chart
from zeroerror.finance.forms import AdjustmentForm, BudgetLineForm, NoteForm
from zeroerror.finance.models import ApprovalStatus
from zeroerror.finance.reports import line_figures
from zeroerror.finance.views.common import form_errors, show_errors, year_param


def line_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.can_see_registers(person):
        raise PermissionDenied("预算台账只向办公室、单位领导、科室负责人和监督人员开放。")
    year = year_param(request)
    lines = access.visible_lines(person).of_year(year).with_related().with_actuals().order_by("category", "name")
    return render(request, "finance/lines.html", {
        "title": f"{year}年预算项目", "year": year, "lines": lines, "can_manage": access.can_manage(person),
    })


def line_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.can_manage(person):
        raise PermissionDenied("只有办公室工作人员可以编制预算项目。")
    office = person.unit.departments.filter(is_office=True).first()
    form = BudgetLineForm(request.POST or None, unit=person.unit,
                          initial={"year": year_param(request), "department": office})
    if request.method == "POST" and form.is_valid():
        try:
            line = actions.do_propose_budget_line(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "预算项目已提交，待领导审批。")
            return redirect("finance:line", line.pk)
    return render(request, "finance/form.html", {"title": "编制预算项目", "form": form,
                                                 "back": ("finance:lines", "预算项目")})


def line_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    line = access.get_line_or_404(request, pk)
    expenses = line.expenses.with_related().order_by("-spent_on", "-id")[:200]
    approved = line.status == ApprovalStatus.APPROVED
    figures = line_figures(line) if approved else None
    adjustments = list(line.adjustments.with_related())
    pending = next((a for a in adjustments if a.status == ApprovalStatus.PENDING), None)
    return render(request, "finance/line.html", {
        "title": str(line), "line": line, "expenses": expenses,
        "chart": chart.line_chart(figures) if figures else "", "figures": figures, "months": chart.MONTHS,
        "can_decide": line.status == ApprovalStatus.PENDING and access.may_approve_line(person, line),
        "adjustments": adjustments, "pending_adjustment": pending,
        "can_decide_adjustment": pending is not None and access.may_approve_adjustment(person, pending),
        "adjust_form": (AdjustmentForm(kept_input(request, f"finance.adjust.{line.pk}"))
                        if approved and pending is None and access.can_manage(person) else None),
    })


def _decide(request: HttpRequest, pk: int, approve: bool) -> HttpResponse:
    person = person_of(request)
    line = access.get_line_or_404(request, pk)
    if not person.has_role(*access.LEADER_ROLES):
        raise PermissionDenied("预算项目须经主要领导或分管该科室的领导审批。")
    form = NoteForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("finance:line", line.pk)
    fn = actions.do_approve_budget_line if approve else actions.do_reject_budget_line
    try:
        fn(line, form.cleaned_data["note"], actor=request.user)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, "预算项目已批准。" if approve else "预算项目不予批准。")
    return redirect("finance:line", line.pk)


@require_POST
def line_adjust(request: HttpRequest, pk: int) -> HttpResponse:
    """调整预算: propose a new amount with its reason."""
    person = person_of(request)
    line = access.get_line_or_404(request, pk)
    if not access.can_manage(person):
        raise PermissionDenied("只有办公室工作人员可以提出预算调整。")
    form = AdjustmentForm(request.POST)
    if not run_form_action(request, form,
                           lambda **data: actions.do_propose_adjustment(line, actor=request.user, **data),
                           "预算调整已提交，待领导审批。"):
        keep_input(request, f"finance.adjust.{line.pk}")  # the form shows what was typed again
    return redirect("finance:line", line.pk)


def _decide_adjustment(request: HttpRequest, pk: int, approve: bool) -> HttpResponse:
    person = person_of(request)
    adjustment = access.get_adjustment_or_404(request, pk)
    if not person.has_role(*access.LEADER_ROLES):
        raise PermissionDenied("预算调整须经主要领导或分管该科室的领导审批。")
    fn = actions.do_approve_adjustment if approve else actions.do_reject_adjustment
    run_form_action(request, NoteForm(request.POST), lambda note: fn(adjustment, note, actor=request.user),
                    "预算调整已批准，预算金额已变更。" if approve else "预算调整不予批准。")
    return redirect("finance:line", adjustment.line_id)


@require_POST
def adjustment_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide_adjustment(request, pk, True)


@require_POST
def adjustment_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide_adjustment(request, pk, False)


@require_POST
def line_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, True)


@require_POST
def line_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, False)
