"""Expenses (clauses 一(五)1–3). Every expense is recorded against an approved budget line and an approved spending
standard in that line's scope. One over the line's remaining budget or over the standard needs a special approval
(特批) by the right leader — asked for with a reason when it is recorded, decided by a leader who did not handle it.
Without one it is refused: nothing is recorded, the refused attempt is kept and proposed as a 差错 lead. Outside
printing goes only to a designated (政府采购) print shop, with a reason; anything else is refused the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.errors.actions import propose_lead
from zeroerror.finance import access, rules
from zeroerror.finance.actions.common import (
    acting_person,
    amount_of,
    date_of,
    leaders,
    quantity_of,
    require_manager,
    text_of,
)
from zeroerror.finance.models import (
    ApprovalStatus,
    BudgetLine,
    Category,
    Expense,
    ExpenseRefusal,
    ExpenseStatus,
    PrintMode,
    PrintShop,
    SpendingStandard,
)
from zeroerror.org.roles import Role
from zeroerror.tracking.notify import notify

NO_LINE = "请选择经批准的预算项目：无预算不得支出。"
NO_STANDARD = "请选择经批准的开支范围和标准。"
NO_RECEPTION_REF = "公务接待费须注明公函及公务接待清单编号，无公函、无清单的接待费用不予列支。"


class Refused(ValidationError):
    """A refusal that is also a lapse of the clause: the attempt is kept and proposed as a lead."""

    def __init__(self, messages: list[str], clause_id: str):
        super().__init__(messages)
        self.clause_id = clause_id


@dataclass
class Attempt:
    line: BudgetLine
    standard: SpendingStandard | None
    spent_on: date
    description: str
    amount: Decimal
    quantity: int


def spent(line: BudgetLine) -> Decimal:
    return rules.money(Expense.objects.filter(line=line, status=ExpenseStatus.RECORDED)
                       .aggregate(s=Sum("amount"))["s"])


def findings_for(line: BudgetLine, standard: SpendingStandard, amount: Decimal, quantity: int) -> list[rules.Finding]:
    return rules.check_expense(amount=amount, quantity=quantity, line_name=line.name,
                               remaining=line.amount - spent(line), standard=standard.as_rule())


def _checked_printing(line, spent_on, print_mode, print_shop, other_shop, outside_reason):
    """(mode, shop, reason) of a printing expense, or the refusal (a non-designated shop is a 一(五)3 lapse)."""
    if line.category != Category.PRINTING:
        return "", None, ""
    other_shop = (other_shop or "").strip()
    if print_shop is not None and print_shop.unit_id != line.unit_id:
        print_shop = None
    designated = None
    if print_shop is not None:
        designated = PrintShop.objects.designated_on(spent_on).filter(pk=print_shop.pk).exists()
    elif other_shop:
        designated = False
    problem = rules.check_printing(mode=print_mode or "", shop_designated=designated, reason=outside_reason or "")
    if problem and designated is False:
        raise Refused([problem], rules.CLAUSE_PRINTING)
    if problem:
        raise ValidationError(problem)
    if print_mode == PrintMode.IN_HOUSE:
        return PrintMode.IN_HOUSE, None, ""
    return PrintMode.OUTSIDE, print_shop, text_of(outside_reason, "外印理由", 300)


@transaction.atomic(durable=True)
def _record(attempt_box: list, *, line, standard, spent_on, description, amount, quantity, print_mode, print_shop,
            other_shop, outside_reason, reception_ref, special_reason, actor) -> Expense:
    person = require_manager(actor, "只有办公室工作人员可以登记支出。")
    if line is None or line.unit_id != person.unit_id:
        raise ValidationError(NO_LINE)
    line = BudgetLine.objects.select_for_update().get(pk=line.pk)  # one expense at a time against a line
    if line.status != ApprovalStatus.APPROVED:
        raise ValidationError(f"预算项目“{line.name}”未经批准，不得列支。")
    if standard is None or standard.unit_id != person.unit_id:
        raise ValidationError(NO_STANDARD)
    if standard.status != ApprovalStatus.APPROVED:
        raise ValidationError(f"开支标准“{standard.name}”未经批准或已停用，不得列支。")
    scope = rules.scope_error(line.category, line.name, standard.as_rule())
    if scope:
        raise ValidationError(scope)
    description = text_of(description, "事由", 300)
    amount = amount_of(amount)
    quantity = quantity_of(quantity, f"数量（{standard.per}）")
    spent_on = date_of(spent_on)
    if spent_on.year != line.year:
        raise ValidationError(f"支出日期须在预算年度（{line.year}年）内。")
    attempt_box.append(Attempt(line, standard, spent_on, description, amount, quantity))
    reception_ref = text_of(reception_ref, "公函及接待清单编号", 100, required=False)
    if line.category == Category.RECEPTION and not reception_ref:
        raise ValidationError(NO_RECEPTION_REF)
    mode, shop, reason = _checked_printing(line, spent_on, print_mode, print_shop, other_shop, outside_reason)
    findings = findings_for(line, standard, amount, quantity)
    special_reason = text_of(special_reason, "特批申请理由", 1000, required=False) if findings else ""
    if findings and not special_reason:
        raise Refused([f.message for f in findings], rules.CLAUSE_BUDGET)
    expense = Expense.objects.create(
        unit=line.unit, line=line, standard=standard, spent_on=spent_on, description=description, amount=amount,
        quantity=quantity, requested_by=person, print_mode=mode, print_shop=shop, outside_reason=reason,
        reception_ref=reception_ref,
        status=ExpenseStatus.PENDING if findings else ExpenseStatus.RECORDED,
        over_budget=any(f.kind == rules.OVER_BUDGET for f in findings),
        over_standard=any(f.kind == rules.OVER_STANDARD for f in findings),
        findings="\n".join(f.message for f in findings), special_reason=special_reason)
    record("finance.expense.record", actor=actor, kind=AuditKind.CREATE, obj=expense,
           changes={"line": line.pk, "standard": standard.pk, "amount": str(amount), "quantity": quantity,
                    "spent_on": spent_on, "status": expense.status, "findings": expense.findings,
                    "print_mode": mode, "print_shop": shop.pk if shop else None})
    if findings:
        approvers = [p for p in leaders(line.unit)
                     if access.may_approve_expense(p, expense, over_budget=expense.over_budget)]
        notify(approvers, f"支出待特批：{description}", url=access.expense_url(expense),
               body=f"{amount} 元；{expense.findings}", about=expense)
    return expense


@transaction.atomic(durable=True)
def _keep_refusal(attempt: Attempt, exc: Refused, *, actor) -> ExpenseRefusal:
    person = acting_person(actor)
    message = "；".join(exc.messages)
    refusal = ExpenseRefusal.objects.create(
        unit=attempt.line.unit, line=attempt.line, standard=attempt.standard, spent_on=attempt.spent_on,
        description=attempt.description, amount=attempt.amount, quantity=attempt.quantity, person=person,
        clause_id=exc.clause_id, message=message)
    record("finance.expense.refuse", actor=actor, kind=AuditKind.CREATE, obj=refusal,
           changes={"line": attempt.line.pk, "amount": str(attempt.amount), "clause": exc.clause_id,
                    "message": message})
    propose_lead(exc.clause_id, person, timezone.localdate(),
                 f"{person.name}登记支出“{attempt.description}”（{attempt.amount} 元，预算项目“{attempt.line.name}”）"
                 f"被系统拒绝：{message}", refusal, actor=actor, source_label=f"被拒绝的支出：{attempt.description}",
                 source_url=access.refusals_url())
    return refusal


def do_record_expense(*, line: BudgetLine | None, standard: SpendingStandard | None, spent_on, description: str,
                      amount, quantity=1, print_mode: str = "", print_shop: PrintShop | None = None,
                      other_shop: str = "", outside_reason: str = "", reception_ref: str = "",
                      special_reason: str = "", actor) -> Expense:
    """Record an expense (列支), or — over the budget or the standard, with a reason — ask for its special approval.

    Refused with a Chinese message and nothing recorded when it cannot be spent. When the refusal is itself a lapse
    (over the budget or the standard without asking for approval, outside printing at a shop that is not
    designated) the attempt is kept in the refusals register and proposed as a lead, in a transaction of its own."""
    box: list[Attempt] = []
    try:
        return _record(box, line=line, standard=standard, spent_on=spent_on, description=description, amount=amount,
                       quantity=quantity, print_mode=print_mode, print_shop=print_shop, other_shop=other_shop,
                       outside_reason=outside_reason, reception_ref=reception_ref, special_reason=special_reason,
                       actor=actor)
    except Refused as exc:
        _keep_refusal(box[0], exc, actor=actor)
        raise ValidationError(exc.messages) from None


def _decide(expense: Expense, approve: bool, note: str, actor) -> Expense:
    person = acting_person(actor)
    expense = Expense.objects.select_for_update(of=("self",)).select_related("line", "standard").get(pk=expense.pk)
    if expense.status != ExpenseStatus.PENDING:
        raise ValidationError("只有待特批的支出可以审批。")
    line = BudgetLine.objects.select_for_update().get(pk=expense.line_id)
    findings = findings_for(line, expense.standard, expense.amount, expense.quantity)
    over_budget = any(f.kind == rules.OVER_BUDGET for f in findings)
    if person is not None and person.pk == expense.requested_by_id:
        raise ValidationError("不能特批本人经办的支出。")
    if person is None or not access.may_approve_expense(person, expense, over_budget=over_budget):
        if over_budget:
            raise ValidationError("超出预算的支出须经主要领导特批。")
        raise ValidationError("超标准支出须经主要领导或分管该科室的领导特批。")
    note = text_of(note, "特批意见", 500, required=not approve)
    target = ExpenseStatus.RECORDED if approve else ExpenseStatus.REJECTED
    expense.status, expense.decided_by, expense.decided_at, expense.decision_note = (
        target, person, timezone.now(), note)
    fields = ["status", "decided_by", "decided_at", "decision_note"]
    if approve:  # what was approved is what holds now (another expense may have used the budget meanwhile)
        expense.over_budget = over_budget
        expense.over_standard = any(f.kind == rules.OVER_STANDARD for f in findings)
        expense.findings = "\n".join(f.message for f in findings) or expense.findings
        fields += ["over_budget", "over_standard", "findings"]
    expense.save(update_fields=fields)
    record("finance.expense.approve" if approve else "finance.expense.reject", actor=actor,
           kind=AuditKind.TRANSITION, obj=expense,
           changes={"status": [ExpenseStatus.PENDING, target], "note": note, "findings": expense.findings})
    notify([expense.requested_by], f"支出{expense.get_status_display()}：{expense.description}",
           url=access.expense_url(expense), body=note, about=expense)
    return expense


@transaction.atomic(durable=True)
def do_approve_expense(expense: Expense, note: str = "", *, actor) -> Expense:
    """特批: the expense is recorded (列支) against its line."""
    return _decide(expense, True, note, actor)


@transaction.atomic(durable=True)
def do_reject_expense(expense: Expense, note: str, *, actor) -> Expense:
    return _decide(expense, False, note, actor)


@transaction.atomic(durable=True)
def do_withdraw_expense(expense: Expense, reason: str, *, actor) -> Expense:
    """撤销 an expense recorded in error (or a request no longer wanted): it stays, marked, with its reason."""
    person = require_manager(actor, "只有办公室工作人员可以撤销支出。")
    reason = text_of(reason, "撤销原因", 300)
    expense = Expense.objects.select_for_update().get(pk=expense.pk)
    if expense.status not in (ExpenseStatus.RECORDED, ExpenseStatus.PENDING):
        raise ValidationError(f"该支出{expense.get_status_display()}，不能撤销。")
    if expense.requested_by_id != person.pk and not person.has_role(Role.OFFICE_DIRECTOR,
                                                                     Role.OFFICE_DEPUTY_DIRECTOR):
        raise ValidationError("只有经办人或办公室主任、副主任可以撤销支出。")
    before = expense.status
    expense.status, expense.withdrawn_by, expense.withdrawn_at, expense.withdrawn_reason = (
        ExpenseStatus.WITHDRAWN, person, timezone.now(), reason)
    expense.save(update_fields=["status", "withdrawn_by", "withdrawn_at", "withdrawn_reason"])
    record("finance.expense.withdraw", actor=actor, kind=AuditKind.TRANSITION, obj=expense,
           changes={"status": [before, ExpenseStatus.WITHDRAWN], "reason": reason})
    return expense
