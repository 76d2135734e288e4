"""Spending standards (开支范围和标准) and designated print shops (定点打印店) — the unit's configuration
(clauses 一(五)1, 3)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.finance import access, actions
from zeroerror.finance.forms import NoteForm, PrintShopForm, StandardForm
from zeroerror.finance.models import ApprovalStatus
from zeroerror.finance.views.common import form_errors, show_errors


def standard_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    standards = list(access.visible_standards(person).select_related("proposed_by", "decided_by")
                     .order_by("category", "name", "id"))
    office_leader = access.leads_office(person)
    for s in standards:
        s.can_decide = s.status == ApprovalStatus.PENDING and access.may_approve_standard(
            person, s, office_leader=office_leader)
    return render(request, "finance/standards.html", {
        "title": "开支范围和标准", "standards": standards, "can_manage": access.can_manage(person),
        "shops": access.visible_shops(person).select_related("created_by"), "today": timezone.localdate(),
    })


def standard_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.can_manage(person):
        raise PermissionDenied("只有办公室工作人员可以制定开支标准。")
    form = StandardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_propose_standard(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "开支标准已提交，待领导审批。")
            return redirect("finance:standards")
    return render(request, "finance/form.html", {"title": "制定开支标准", "form": form,
                                                 "back": ("finance:standards", "开支标准")})


def _act(request: HttpRequest, pk: int, fn, success: str, allowed) -> HttpResponse:
    person = person_of(request)
    standard = access.get_standard_or_404(request, pk)
    if not allowed(person):
        raise PermissionDenied("您不能执行此操作。")
    form = NoteForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("finance:standards")
    try:
        fn(standard, form.cleaned_data["note"], actor=request.user)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, success)
    return redirect("finance:standards")


def _leader(person) -> bool:
    return person.has_role(*access.LEADER_ROLES)


@require_POST
def standard_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, actions.do_approve_standard, "开支标准已批准。", _leader)


@require_POST
def standard_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, actions.do_reject_standard, "开支标准不予批准。", _leader)


@require_POST
def standard_retire(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, actions.do_retire_standard, "开支标准已停用。", access.can_manage)


def shop_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.can_manage(person):
        raise PermissionDenied("只有办公室工作人员可以登记定点打印店。")
    form = PrintShopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_register_print_shop(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "定点打印店已登记。")
            return redirect("finance:standards")
    return render(request, "finance/form.html", {"title": "登记定点打印店", "form": form,
                                                 "back": ("finance:standards", "开支标准")})


@require_POST
def shop_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    shop = access.get_shop_or_404(request, pk)
    if not access.can_manage(person):
        raise PermissionDenied("只有办公室工作人员可以取消定点打印店。")
    form = NoteForm(request.POST)
    try:
        actions.do_deactivate_print_shop(shop, form.data.get("note", ""), actor=request.user)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, "已取消定点。")
    return redirect("finance:standards")
