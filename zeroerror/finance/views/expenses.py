"""Expenses: the register, recording one, its special approval (特批) and withdrawal; the refused attempts
(clauses 一(五)1–3)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.finance import access, actions
from zeroerror.finance.forms import ExpenseForm, NoteForm
from zeroerror.finance.models import ApprovalStatus, BudgetLine, ExpenseStatus, SpendingStandard
from zeroerror.finance.views.common import form_errors, show_errors, year_param

FILTERS = [("all", "全部"), ("pending", "待特批"), ("special", "特批支出"), ("withdrawn", "已撤销")]


def expense_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    year = year_param(request)
    show = request.GET.get("show", "all")
    qs = access.visible_expenses(person).of_year(year).with_related()
    if show == "pending":
        qs = qs.pending()
    elif show == "special":
        qs = qs.special().filter(status=ExpenseStatus.RECORDED)
    elif show == "withdrawn":
        qs = qs.filter(status=ExpenseStatus.WITHDRAWN)
    else:
        show = "all"
    page = Paginator(qs.order_by("-spent_on", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "finance/expenses.html", {
        "title": f"{year}年支出登记", "year": year, "page": page, "filters": FILTERS, "show": show,
        "can_manage": access.can_manage(person),
    })


def expense_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.can_manage(person):
        raise PermissionDenied("只有办公室工作人员可以登记支出。")
    lines = BudgetLine.objects.of_unit(person.unit).approved().order_by("-year", "category", "name")
    standards = SpendingStandard.objects.of_unit(person.unit).filter(status=ApprovalStatus.APPROVED)
    shops = access.visible_shops(person).filter(active=True)
    form = ExpenseForm(request.POST or None, lines=lines, standards=standards, shops=shops)
    if request.method == "POST" and form.is_valid():
        try:
            expense = actions.do_record_expense(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if expense.status == ExpenseStatus.PENDING:
                messages.success(request, "支出超预算或超标准，已报领导特批；批准后列支。")
            else:
                messages.success(request, "支出已登记列支。")
            return redirect("finance:expense", expense.pk)
    return render(request, "finance/expense_form.html", {"title": "登记支出", "form": form})


def expense_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    expense = access.get_expense_or_404(request, pk)
    can_decide = expense.status == ExpenseStatus.PENDING and access.may_approve_expense(
        person, expense, over_budget=expense.over_budget)
    can_withdraw = expense.status in (ExpenseStatus.RECORDED, ExpenseStatus.PENDING) and access.can_manage(person)
    return render(request, "finance/expense.html", {
        "title": f"支出：{expense.description}", "expense": expense, "can_decide": can_decide,
        "can_withdraw": can_withdraw,
    })


def _act(request: HttpRequest, pk: int, fn, success: str, allowed) -> HttpResponse:
    person = person_of(request)
    expense = access.get_expense_or_404(request, pk)
    if not allowed(person):
        raise PermissionDenied("您不能执行此操作。")
    form = NoteForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("finance:expense", expense.pk)
    try:
        fn(expense, form.cleaned_data["note"], actor=request.user)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, success)
    return redirect("finance:expense", expense.pk)


def _leader(person) -> bool:
    return person.has_role(*access.LEADER_ROLES)


@require_POST
def expense_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, actions.do_approve_expense, "已特批，支出列支。", _leader)


@require_POST
def expense_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, actions.do_reject_expense, "支出不予特批。", _leader)


@require_POST
def expense_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, actions.do_withdraw_expense, "支出已撤销。", access.can_manage)


def refusal_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    qs = access.visible_refusals(person).select_related("line", "standard", "person").order_by("-at", "-id")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "finance/refusals.html", {"title": "被拒绝的支出", "page": page})
