"""The 接待方案 on a 客情's page: drafting from a template, the plan's figures, schedule slots, 报批, approval with a
special approval above the standard, 退回 (clauses 一(三)2, 7)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_form_errors, run_action, run_form_action
from zeroerror.reception import access, actions
from zeroerror.reception.forms import ReasonForm
from zeroerror.reception.forms_plans import ApproveForm, DraftForm, PlanForm, SlotForm
from zeroerror.reception.models import PlanStatus


def managed(request, pk):
    person = person_of(request)
    report = access.get_report_or_404(request, pk)
    if not access.can_manage(person, report):
        raise PermissionDenied("只有承办人和办公室人员可以办理此客情。")
    return person, report


def plan_of(report):
    plan = getattr(report, "plan", None) if hasattr(report, "plan") else None
    if plan is None:
        raise PermissionDenied("该客情尚无接待方案。")
    return plan


@require_POST
def plan_draft(request: HttpRequest, pk: int) -> HttpResponse:
    _person, report = managed(request, pk)
    form = DraftForm(request.POST)
    run_form_action(request, form, lambda template: actions.do_draft_plan(report, template, actor=request.user),
                    "已按模板拟订接待方案：请填写每项日程的地点和人员。")
    return redirect("reception:detail", report.pk)


def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person, report = managed(request, pk)
    plan = plan_of(report)
    if request.method == "GET":
        initial = {f: getattr(plan, f) for f in actions.PLAN_FIELDS}
        form = PlanForm(initial=initial, leaders=access.leaders(person.unit))
    else:
        form = PlanForm(request.POST, leaders=access.leaders(person.unit))
        if run_form_action(request, form, lambda **d: actions.do_update_plan(plan, actor=request.user, **d),
                           "接待方案已保存。"):
            return redirect("reception:detail", report.pk)
    return render(request, "reception/simple_form.html", {"title": "编辑接待方案", "form": form, "report": report})


def slot_new(request: HttpRequest, pk: int) -> HttpResponse:
    person, report = managed(request, pk)
    plan = plan_of(report)
    if plan.status == PlanStatus.APPROVED:
        return redirect("reception:change_new", report.pk)
    form = SlotForm(request.POST or None, unit=person.unit)
    if request.method == "POST" and run_form_action(
            request, form, lambda **d: actions.do_add_slot(plan, actor=request.user, **d), "日程已添加。"):
        return redirect("reception:detail", report.pk)
    return render(request, "reception/simple_form.html", {"title": "添加日程", "form": form, "report": report})


def slot_edit(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    person, report = managed(request, pk)
    slot = access.get_slot_or_404(report, sid)
    if slot.plan.status == PlanStatus.APPROVED:
        return redirect("reception:change_slot", report.pk, slot.pk)
    if request.method == "GET":
        initial = {f: getattr(slot, f) for f in ("start_at", "end_at", "activity", "place", "vehicle", "is_stop")}
        form = SlotForm(initial={**initial, "people": list(slot.people.all())}, unit=person.unit)
    else:
        form = SlotForm(request.POST, unit=person.unit)
        if run_form_action(request, form, lambda **d: actions.do_update_slot(slot, actor=request.user, **d),
                           "日程已保存。"):
            return redirect("reception:detail", report.pk)
    return render(request, "reception/simple_form.html", {"title": "编辑日程", "form": form, "report": report,
                                                        "slot": slot})


@require_POST
def slot_remove(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    _person, report = managed(request, pk)
    slot = access.get_slot_or_404(report, sid)
    run_action(request, lambda: actions.do_remove_slot(slot, actor=request.user), "日程已取消。")
    return redirect("reception:detail", report.pk)


@require_POST
def plan_submit(request: HttpRequest, pk: int) -> HttpResponse:
    _person, report = managed(request, pk)
    plan = plan_of(report)
    run_action(request, lambda: actions.do_submit_plan(plan, actor=request.user), "接待方案已报领导审批。")
    return redirect("reception:detail", report.pk)


def _approver(request, pk):
    person = person_of(request)
    report = access.get_report_or_404(request, pk)
    if not access.may_approve(person):
        raise PermissionDenied("接待方案须经主要领导或分管办公室的领导批准。")
    return person, report, plan_of(report)


@require_POST
def plan_approve(request: HttpRequest, pk: int) -> HttpResponse:
    _person, report, plan = _approver(request, pk)
    form = ApproveForm(request.POST)
    run_form_action(request, form, lambda special_reason: actions.do_approve_plan(
        plan, special_reason=special_reason, actor=request.user), "接待方案已批准，已通知相关人员。")
    return redirect("reception:detail", report.pk)


@require_POST
def plan_return(request: HttpRequest, pk: int) -> HttpResponse:
    _person, report, plan = _approver(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
    else:
        run_action(request, lambda: actions.do_return_plan(plan, form.cleaned_data["reason"], actor=request.user),
                   "接待方案已退回。")
    return redirect("reception:detail", report.pk)
