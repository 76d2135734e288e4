"""调整预算 (clause 一(五)1): an approved budget line's amount changes only through a recorded adjustment — the new
amount and the reason, proposed by the office, approved by the right leader (an increase only by the principal
leader, as spending over the remaining budget is), never by the proposer. The line never drops below what has been
recorded against it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.finance import access, rules
from zeroerror.finance.actions.common import acting_person, amount_of, leaders, require_manager, text_of
from zeroerror.finance.actions.expenses import spent
from zeroerror.finance.models import ApprovalStatus, BudgetAdjustment, BudgetLine
from zeroerror.tracking.notify import notify


def _not_below_spent(line: BudgetLine, new_amount) -> None:
    used = spent(line)
    if new_amount < used:
        raise ValidationError(f"调整后预算（{rules.yuan(new_amount)}）不能低于已列支金额（{rules.yuan(used)}）。")


@transaction.atomic(durable=True)
def do_propose_adjustment(line: BudgetLine, *, new_amount, reason: str, actor) -> BudgetAdjustment:
    person = require_manager(actor, "只有办公室工作人员可以提出预算调整。")
    line = BudgetLine.objects.select_for_update().get(pk=line.pk)
    if line.unit_id != person.unit_id:
        raise ValidationError("预算项目不存在。")
    if line.status != ApprovalStatus.APPROVED:
        raise ValidationError("只有经批准的预算项目可以调整；未批准的请重新编制。")
    if line.adjustments.pending().exists():
        raise ValidationError("该预算项目已有待审批的调整，请等审批后再提出。")
    new_amount = amount_of(new_amount, "调整后预算")
    if new_amount == line.amount:
        raise ValidationError(f"调整后预算与现预算（{rules.yuan(line.amount)}）相同。")
    _not_below_spent(line, new_amount)
    reason = text_of(reason, "调整原因", 500)
    adjustment = BudgetAdjustment.objects.create(line=line, amount_before=line.amount, new_amount=new_amount,
                                                 reason=reason, proposed_by=person)
    record("finance.line.adjust.propose", actor=actor, kind=AuditKind.CREATE, obj=adjustment,
           changes={"line": line.pk, "amount": [str(line.amount), str(new_amount)], "reason": reason})
    notify([p for p in leaders(line.unit) if access.may_approve_adjustment(p, adjustment)],
           f"预算调整待审批：{line}", url=access.line_url(line),
           body=f"{rules.yuan(line.amount)} → {rules.yuan(new_amount)}；{reason}", about=line)
    return adjustment


def _decide(adjustment: BudgetAdjustment, approve: bool, note: str, actor) -> BudgetAdjustment:
    person = acting_person(actor)
    adjustment = BudgetAdjustment.objects.select_for_update(of=("self",)).select_related("line").get(pk=adjustment.pk)
    line = BudgetLine.objects.select_for_update().get(pk=adjustment.line_id)
    if adjustment.status != ApprovalStatus.PENDING:
        raise ValidationError("只有待审批的预算调整可以审批。")
    if person is not None and person.pk == adjustment.proposed_by_id:
        raise ValidationError("不能审批本人提出的预算调整。")
    if person is None or not access.may_approve_adjustment(person, adjustment):
        raise ValidationError("调增预算须经主要领导审批。" if adjustment.is_increase
                              else "调减预算须经主要领导或分管该科室的领导审批。")
    note = text_of(note, "审批意见", 500, required=not approve)
    target = ApprovalStatus.APPROVED if approve else ApprovalStatus.REJECTED
    if approve:
        _not_below_spent(line, adjustment.new_amount)  # expenses may have been recorded since it was proposed
        before = line.amount
        adjustment.amount_before = before
        line.amount = adjustment.new_amount
        line.save(update_fields=["amount"])
        record("finance.line.adjust", actor=actor, kind=AuditKind.CHANGE, obj=line,
               changes={"amount": [str(before), str(line.amount)], "adjustment": adjustment.pk})
    adjustment.status, adjustment.decided_by, adjustment.decided_at = target, person, timezone.now()
    adjustment.decision_note = note
    adjustment.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "amount_before"])
    record("finance.line.adjust.approve" if approve else "finance.line.adjust.reject", actor=actor,
           kind=AuditKind.TRANSITION, obj=adjustment, changes={"status": [ApprovalStatus.PENDING, target],
                                                               "note": note})
    notify([adjustment.proposed_by], f"预算调整{adjustment.get_status_display()}：{line}", url=access.line_url(line),
           body=note, about=line)
    return adjustment


@transaction.atomic(durable=True)
def do_approve_adjustment(adjustment: BudgetAdjustment, note: str = "", *, actor) -> BudgetAdjustment:
    return _decide(adjustment, True, note, actor)


@transaction.atomic(durable=True)
def do_reject_adjustment(adjustment: BudgetAdjustment, note: str, *, actor) -> BudgetAdjustment:
    return _decide(adjustment, False, note, actor)
