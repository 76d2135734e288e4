"""Who sees and does what in 财务管理. Every finance view goes through these helpers; what one may not see is 404.

* The office runs the office's running costs (办公室经费): office staff record expenses, propose budget lines and
  standards, register the designated print shops, and see every finance record of their unit.
* The unit-wide roles (office director, principal leader, 绩效办, 督查考核小组, 纪检) and the auditors see them all
  too; a leader in charge or a department head sees the lines of the departments they lead, and their expenses.
* Anyone else sees the expenses (and the refused attempts) they handled themselves, and the unit's standards and
  print shops — the rules everyone spends by.
* Approval: a budget line, a decrease of its amount (调整预算), a standard, and the special approval (特批) of an
  expense over the standard go to the principal leader or the leader in charge of the line's department; an expense
  over the remaining budget, and an increase of a line's amount, only to the principal leader. No one approves what
  they proposed or handled themselves.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse

from zeroerror.core.access import person_of
from zeroerror.finance.models import (
    ApprovalStatus,
    BudgetAdjustment,
    BudgetLine,
    Expense,
    ExpenseRefusal,
    ExpenseStatus,
    PrintShop,
    SpendingStandard,
)
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.tracking.registry import TodoEntry

LEADER_ROLES = (Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE)


def is_office(person: Person) -> bool:
    return person.department.is_office or person.has_role(Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)


def can_manage(person: Person) -> bool:
    """Record expenses, propose lines and standards, register print shops."""
    return is_office(person)


def sees_all(person: Person) -> bool:
    return is_office(person) or person.is_unit_wide or person.is_auditor


def led_department_ids(person: Person) -> frozenset[int]:
    return person.charged_department_ids | person.headed_department_ids


def can_see_registers(person: Person) -> bool:
    """The budget registers and the budget-vs-actual report."""
    return sees_all(person) or bool(led_department_ids(person))


def visible_lines(person: Person):
    qs = BudgetLine.objects.of_unit(person.unit)
    if sees_all(person):
        return qs
    return qs.filter(department_id__in=led_department_ids(person))


def visible_expenses(person: Person):
    qs = Expense.objects.of_unit(person.unit)
    if sees_all(person):
        return qs
    return qs.filter(Q(line__department_id__in=led_department_ids(person)) | Q(requested_by=person))


def visible_refusals(person: Person):
    qs = ExpenseRefusal.objects.filter(unit=person.unit)
    if sees_all(person):
        return qs
    return qs.filter(Q(line__department_id__in=led_department_ids(person)) | Q(person=person))


def visible_standards(person: Person):
    return SpendingStandard.objects.of_unit(person.unit)


def visible_shops(person: Person):
    return PrintShop.objects.of_unit(person.unit)


def _get(qs, pk, message):
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise Http404(message)
    return obj


def get_line_or_404(request: HttpRequest, pk: int) -> BudgetLine:
    return _get(visible_lines(person_of(request)).with_related().with_actuals(), pk, "预算项目不存在。")


def get_adjustment_or_404(request: HttpRequest, pk: int) -> BudgetAdjustment:
    lines = visible_lines(person_of(request))
    return _get(BudgetAdjustment.objects.filter(line__in=lines).with_related(), pk, "预算调整不存在。")


def get_expense_or_404(request: HttpRequest, pk: int) -> Expense:
    return _get(visible_expenses(person_of(request)).with_related(), pk, "支出不存在。")


def get_standard_or_404(request: HttpRequest, pk: int) -> SpendingStandard:
    return _get(visible_standards(person_of(request)).select_related("proposed_by", "decided_by"), pk,
                "开支标准不存在。")


def get_shop_or_404(request: HttpRequest, pk: int) -> PrintShop:
    return _get(visible_shops(person_of(request)), pk, "打印店不存在。")


# Approval ---------------------------------------------------------------------------------------------------------

def leads_department(person: Person, department_id: int) -> bool:
    return person.has_role(Role.PRINCIPAL_LEADER) or (
        person.has_role(Role.LEADER_IN_CHARGE) and department_id in person.charged_department_ids)


def may_approve_line(person: Person, line: BudgetLine) -> bool:
    return line.proposed_by_id != person.pk and leads_department(person, line.department_id)


def may_approve_adjustment(person: Person, adjustment: BudgetAdjustment) -> bool:
    """调整预算: a decrease like the line itself; an increase only by the principal leader (as spending over the
    remaining budget is). Never the one who proposed it."""
    if adjustment.proposed_by_id == person.pk:
        return False
    if adjustment.is_increase:
        return person.has_role(Role.PRINCIPAL_LEADER)
    return leads_department(person, adjustment.line.department_id)


def leads_office(person: Person) -> bool:
    """The principal leader, or a leader in charge of the unit's office (whose running costs the standards govern)."""
    if person.has_role(Role.PRINCIPAL_LEADER):
        return True
    return person.has_role(Role.LEADER_IN_CHARGE) and person.unit.departments.filter(
        is_office=True, pk__in=person.charged_department_ids).exists()


def may_approve_standard(person: Person, standard: SpendingStandard, *, office_leader: bool | None = None) -> bool:
    """``office_leader``: :func:`leads_office` if already known (a list page asks once, not per row)."""
    if standard.proposed_by_id == person.pk:
        return False
    return leads_office(person) if office_leader is None else office_leader


def may_approve_expense(person: Person, expense: Expense, *, over_budget: bool) -> bool:
    """特批: over the remaining budget only the principal leader; over the standard also the leader in charge of the
    line's department. Never the person who handled the expense."""
    if expense.requested_by_id == person.pk:
        return False
    if over_budget:
        return person.has_role(Role.PRINCIPAL_LEADER)
    return leads_department(person, expense.line.department_id)


def line_url(line: BudgetLine) -> str:
    return reverse("finance:line", args=[line.pk])


def expense_url(expense: Expense) -> str:
    return reverse("finance:expense", args=[expense.pk])


# 我的待办 -----------------------------------------------------------------------------------------------------------

def finance_inbox(person: Person) -> list[TodoEntry]:
    """Budget lines, standards and special approvals waiting for this leader."""
    if not person.has_role(*LEADER_ROLES):
        return []
    entries: list[TodoEntry] = []
    for line in visible_lines(person).pending().select_related("proposed_by", "department")[:50]:
        if may_approve_line(person, line):
            entries.append(TodoEntry(kind="预算审批", title=str(line), url=line_url(line), action_label="审批",
                                     due_at=line.proposed_at, sender=line.proposed_by.name))
    adjustments = (BudgetAdjustment.objects.filter(line__in=visible_lines(person)).pending()
                   .with_related()[:50])
    for adjustment in adjustments:
        if may_approve_adjustment(person, adjustment):
            entries.append(TodoEntry(kind="预算调整审批", title=f"{adjustment.line}：{adjustment.amount_before} → "
                                     f"{adjustment.new_amount} 元", url=line_url(adjustment.line),
                                     action_label="审批", due_at=adjustment.proposed_at,
                                     sender=adjustment.proposed_by.name))
    office_leader = leads_office(person)
    for standard in (SpendingStandard.objects.of_unit(person.unit).filter(status=ApprovalStatus.PENDING)
                     .select_related("proposed_by")[:50]):
        if may_approve_standard(person, standard, office_leader=office_leader):
            entries.append(TodoEntry(kind="开支标准审批", title=standard.name, url=reverse("finance:standards"),
                                     action_label="审批", due_at=standard.proposed_at,
                                     sender=standard.proposed_by.name))
    pending = (visible_expenses(person).filter(status=ExpenseStatus.PENDING)
               .select_related("line", "requested_by")[:50])
    for expense in pending:
        if may_approve_expense(person, expense, over_budget=expense.over_budget):
            entries.append(TodoEntry(kind="支出特批", title=f"{expense.description}（{expense.amount} 元）",
                                     url=expense_url(expense), action_label="审批", due_at=expense.created_at,
                                     sender=expense.requested_by.name))
    return entries


def refusals_url() -> str:
    return reverse("finance:refusals")
