"""Budget lines (预算项目), spending standards (开支范围和标准) and designated print shops (clauses 一(五)1, 3).

A line or a standard is proposed by the office and approved by the right leader — never by the one who proposed
it; only approved ones can be spent against."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.finance import access
from zeroerror.finance.actions.common import (
    acting_person,
    amount_of,
    leaders,
    require_manager,
    text_of,
    year_of,
)
from zeroerror.finance.models import ApprovalStatus, BudgetLine, Category, PrintShop, SpendingStandard
from zeroerror.org.models import Department
from zeroerror.tracking.notify import notify


@transaction.atomic(durable=True)
def do_propose_budget_line(*, year, department: Department | None, category: str, name: str, amount, note: str = "",
                           actor) -> BudgetLine:
    person = require_manager(actor, "只有办公室工作人员可以编制预算项目。")
    year = year_of(year)
    if department is None or department.unit_id != person.unit_id:
        raise ValidationError("请选择本单位的归口科室。")
    if category not in Category.values:
        raise ValidationError("请选择支出类别。")
    name = text_of(name, "预算项目名称", 100)
    amount = amount_of(amount, "预算金额")
    note = text_of(note, "说明", 500, required=False)
    if BudgetLine.objects.of_unit(person.unit).filter(year=year, name=name).exists():
        raise ValidationError(f"{year}年已有预算项目“{name}”。")
    line = BudgetLine.objects.create(unit=person.unit, year=year, department=department, category=category,
                                     name=name, amount=amount, note=note, proposed_by=person)
    record("finance.line.propose", actor=actor, kind=AuditKind.CREATE, obj=line,
           changes={"year": year, "department": department.pk, "category": category, "name": name,
                    "amount": str(amount)})
    notify([p for p in leaders(person.unit) if access.may_approve_line(p, line)], f"预算项目待审批：{line}",
           url=access.line_url(line), body=f"预算金额 {amount} 元，提出人：{person.name}", about=line)
    return line


def _decide_line(line: BudgetLine, approve: bool, note: str, actor) -> BudgetLine:
    person = acting_person(actor)
    line = BudgetLine.objects.select_for_update().get(pk=line.pk)
    if line.status != ApprovalStatus.PENDING:
        raise ValidationError("只有待审批的预算项目可以审批。")
    if person is not None and person.pk == line.proposed_by_id:
        raise ValidationError("不能审批本人提出的预算项目。")
    if person is None or not access.may_approve_line(person, line):
        raise ValidationError("预算项目须经主要领导或分管该科室的领导审批。")
    note = text_of(note, "审批意见", 500, required=not approve)
    target = ApprovalStatus.APPROVED if approve else ApprovalStatus.REJECTED
    line.status, line.decided_by, line.decided_at, line.decision_note = target, person, timezone.now(), note
    line.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record("finance.line.approve" if approve else "finance.line.reject", actor=actor, kind=AuditKind.TRANSITION,
           obj=line, changes={"status": [ApprovalStatus.PENDING, target], "note": note})
    notify([line.proposed_by], f"预算项目{line.get_status_display()}：{line}", url=access.line_url(line), body=note,
           about=line)
    return line


@transaction.atomic(durable=True)
def do_approve_budget_line(line: BudgetLine, note: str = "", *, actor) -> BudgetLine:
    return _decide_line(line, True, note, actor)


@transaction.atomic(durable=True)
def do_reject_budget_line(line: BudgetLine, note: str, *, actor) -> BudgetLine:
    return _decide_line(line, False, note, actor)


# Spending standards -----------------------------------------------------------------------------------------------

@transaction.atomic(durable=True)
def do_propose_standard(*, category: str, name: str, cap, per: str, actor) -> SpendingStandard:
    """``cap`` is an amount per ``per``, or empty for a scope without a unit cap."""
    person = require_manager(actor, "只有办公室工作人员可以制定开支标准。")
    if category not in Category.values:
        raise ValidationError("请选择支出类别。")
    name = text_of(name, "开支标准名称", 100)
    per = text_of(per, "计量单位", 20)
    cap = None if cap in (None, "") else amount_of(cap, "限额")
    if SpendingStandard.objects.of_unit(person.unit).filter(
            name=name, status__in=(ApprovalStatus.PENDING, ApprovalStatus.APPROVED)).exists():
        raise ValidationError(f"已有开支标准“{name}”；修改标准请先停用原标准。")
    standard = SpendingStandard.objects.create(unit=person.unit, category=category, name=name, cap=cap, per=per,
                                               proposed_by=person)
    record("finance.standard.propose", actor=actor, kind=AuditKind.CREATE, obj=standard,
           changes={"category": category, "name": name, "cap": str(cap) if cap is not None else None, "per": per})
    notify([p for p in leaders(person.unit) if access.may_approve_standard(p, standard)],
           f"开支标准待审批：{standard.name}", url=reverse("finance:standards"), body=standard.cap_text)
    return standard


def _decide_standard(standard: SpendingStandard, approve: bool, note: str, actor) -> SpendingStandard:
    person = acting_person(actor)
    standard = SpendingStandard.objects.select_for_update().get(pk=standard.pk)
    if standard.status != ApprovalStatus.PENDING:
        raise ValidationError("只有待审批的开支标准可以审批。")
    if person is not None and person.pk == standard.proposed_by_id:
        raise ValidationError("不能审批本人提出的开支标准。")
    if person is None or not access.may_approve_standard(person, standard):
        raise ValidationError("开支标准须经主要领导或分管办公室的领导审批。")
    note = text_of(note, "审批意见", 500, required=not approve)
    target = ApprovalStatus.APPROVED if approve else ApprovalStatus.REJECTED
    standard.status, standard.decided_by, standard.decided_at = target, person, timezone.now()
    standard.decision_note = note
    standard.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record("finance.standard.approve" if approve else "finance.standard.reject", actor=actor,
           kind=AuditKind.TRANSITION, obj=standard, changes={"status": [ApprovalStatus.PENDING, target], "note": note})
    return standard


@transaction.atomic(durable=True)
def do_approve_standard(standard: SpendingStandard, note: str = "", *, actor) -> SpendingStandard:
    return _decide_standard(standard, True, note, actor)


@transaction.atomic(durable=True)
def do_reject_standard(standard: SpendingStandard, note: str, *, actor) -> SpendingStandard:
    return _decide_standard(standard, False, note, actor)


@transaction.atomic(durable=True)
def do_retire_standard(standard: SpendingStandard, reason: str, *, actor) -> SpendingStandard:
    """停用: the standard no longer admits new expenses; those recorded under it keep it."""
    require_manager(actor, "只有办公室工作人员可以停用开支标准。")
    reason = text_of(reason, "停用原因", 500)
    standard = SpendingStandard.objects.select_for_update().get(pk=standard.pk)
    if standard.status == ApprovalStatus.RETIRED:
        raise ValidationError("该开支标准已停用。")
    before = standard.status
    standard.status, standard.decision_note = ApprovalStatus.RETIRED, reason
    standard.save(update_fields=["status", "decision_note"])
    record("finance.standard.retire", actor=actor, kind=AuditKind.TRANSITION, obj=standard,
           changes={"status": [before, ApprovalStatus.RETIRED], "reason": reason})
    return standard


# Designated print shops (clause 一(五)3) ----------------------------------------------------------------------------

@transaction.atomic(durable=True)
def do_register_print_shop(*, name: str, procurement_ref: str, address: str = "", valid_from, valid_until,
                           actor) -> PrintShop:
    person = require_manager(actor, "只有办公室工作人员可以登记定点打印店。")
    name = text_of(name, "打印店名称", 100)
    procurement_ref = text_of(procurement_ref, "政府采购定点编号", 100)
    address = text_of(address, "地址", 200, required=False)
    if valid_from is None or valid_until is None:
        raise ValidationError("请填写定点起止日期。")
    if valid_until < valid_from:
        raise ValidationError("定点截止日期不能早于起始日期。")
    if PrintShop.objects.of_unit(person.unit).filter(name=name).exists():
        raise ValidationError(f"已登记打印店“{name}”。")
    shop = PrintShop.objects.create(unit=person.unit, name=name, procurement_ref=procurement_ref, address=address,
                                    valid_from=valid_from, valid_until=valid_until, created_by=person)
    record("finance.printshop.register", actor=actor, kind=AuditKind.CREATE, obj=shop,
           changes={"name": name, "procurement_ref": procurement_ref, "valid_from": valid_from,
                    "valid_until": valid_until})
    return shop


@transaction.atomic(durable=True)
def do_deactivate_print_shop(shop: PrintShop, reason: str, *, actor) -> PrintShop:
    require_manager(actor, "只有办公室工作人员可以取消定点打印店。")
    reason = text_of(reason, "取消原因", 300)
    shop = PrintShop.objects.select_for_update().get(pk=shop.pk)
    if not shop.active:
        raise ValidationError("该打印店已取消定点。")
    shop.active = False
    shop.save(update_fields=["active"])
    record("finance.printshop.deactivate", actor=actor, kind=AuditKind.TRANSITION, obj=shop,
           changes={"active": [True, False], "reason": reason})
    return shop


@transaction.atomic(durable=True)
def do_record_report_export(year: int, *, actor) -> None:
    """The budget-vs-actual .xlsx left the system: who, which year."""
    person = acting_person(actor)
    record("finance.report.export", actor=actor, kind=AuditKind.EXPORT, object_type="finance.report",
           object_id=f"{person.unit_id if person else ''}:{year}", object_repr=f"{year}年预算执行情况",
           changes={"year": year})
