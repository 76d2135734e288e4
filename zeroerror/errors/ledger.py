"""Posting the penalty engine's result to the 绩效扣罚台账, closing months, and the measures' tracked items.

``recompute_ledger(year, unit)`` runs :func:`zeroerror.penalties.engine.compute` over every error of ``unit``
confirmed in ``year`` and posts the difference between what the engine says and what is posted (each unit of an
installation has its own ledger, closed months and pending deductions; nothing here reads another unit's rows):

* an entry whose month is open replaces the open month's previous entries (they are superseded, never deleted);
* a closed month is never touched: the difference for an entry of a closed month (or for an entry that no
  longer exists, e.g. after an upheld appeal) is posted as an adjustment in the first open month after it, with
  a Chinese explanation.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.errors.common import basis_json, notify_decision
from zeroerror.errors.measures import sync_measures
from zeroerror.errors.models import (
    Appeal,
    AppealDecision,
    DecisionNotice,
    EntryKind,
    Lead,
    LeadStatus,
    LedgerEntry,
    LedgerMonth,
    Liability,
    PendingDeduction,
    PerformancePay,
)
from zeroerror.org.models import LeaderCharge, Person, Unit
from zeroerror.org.roles import Role
from zeroerror.penalties import engine, tiers
from zeroerror.penalties.policy import DEFAULT_POLICY, MEASURE_LABELS

LEADER_ROLES = {Role.LEADER_IN_CHARGE, Role.PRINCIPAL_LEADER}
ZERO = Decimal("0.00")


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def next_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:])
    return f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"


def first_open_month_after(month: str, closed: set[str]) -> str:
    candidate = next_month(month)
    while candidate in closed:
        candidate = next_month(candidate)
    return candidate


def tier_of(roles: frozenset[str], policy=DEFAULT_POLICY) -> str:
    return tiers.tier_of(roles, policy.deputy_director_tier)


def unit_of(actor) -> Unit:
    person = getattr(actor, "person", None) if actor is not None else None
    if person is None:
        raise ValidationError("该账号未关联在职人员。")
    return person.unit


def engine_input(year: int, unit: Unit, policy=DEFAULT_POLICY):
    """(people, errors, monthly_pay, tier reasons) for the engine: roles, tiers and leaders resolved on each
    confirmation date; the reasons say why each error is priced at its tier (the ledger's 档次 column)."""
    leads = list(Lead.objects.of_unit(unit).errors().in_year(year).select_related("person", "person__department")
                 .order_by("confirmed_on", "id"))
    roles: dict[tuple[int, date], frozenset[str]] = {}
    people: dict[int, str] = {}
    records = []
    reasons: dict[int, str] = {}  # error -> why its tier (shown in the ledger's 档次 column)
    leaders: set[int] = set()
    # a joint liability lifted on appeal: that leader or head is not liable for that error (nor is it counted)
    lifted = set(Appeal.objects.filter(lead__in=leads, decision=AppealDecision.UPHELD)
                 .exclude(liability=Liability.RESPONSIBLE).values_list("lead_id", "liability"))
    for lead in leads:
        on = lead.confirmed_on
        person_roles = lead.person.roles_on(on)
        charge = (LeaderCharge.objects.current(on).filter(department_id=lead.department_id)
                  .exclude(leader_id=lead.person_id).order_by("started_on", "id").first())
        leader = charge.leader_id if charge and (lead.pk, Liability.LEADER) not in lifted else None
        if leader is not None:
            leaders.add(leader)
        roles[(lead.person_id, on)] = person_roles
        reasons[lead.pk] = tiers.tier_reason(person_roles, office=lead.person.department.is_office,
                                             deputy_director_tier=policy.deputy_director_tier)
        people.setdefault(lead.person_id, "leader" if person_roles & LEADER_ROLES else "staff")
        head = lead.department_head_id if lead.department_head_id != lead.person_id else None
        if (lead.pk, Liability.DEPARTMENT_HEAD) in lifted:
            head = None
        if head is not None:
            people.setdefault(head, "staff")
        records.append(engine.ErrorRecord(
            id=lead.pk, person=lead.person_id, severity=lead.severity or "undetermined", confirmed_on=on,
            status="confirmed" if lead.status == LeadStatus.CONFIRMED else "overturned",
            especially_serious=lead.especially_serious, tier=tier_of(person_roles, policy), leader=leader,
            department_head=head,
        ))
    for leader in leaders:
        people[leader] = "leader"
    pay: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for row in PerformancePay.objects.filter(person_id__in=people, month__startswith=f"{year:04d}-"):
        pay[row.person_id][row.month] = row.amount
    return [engine.Person(id=pk, role=role) for pk, role in people.items()], records, dict(pay), reasons


def recompute_ledger(year: int, unit: Unit | None = None, *, actor, policy=DEFAULT_POLICY) -> dict:
    """Inside the caller's transaction: ``unit``'s ledger for ``year`` (default: the actor's unit). Returns a
    summary {posted, adjustments, superseded, pending}."""
    unit = unit or unit_of(actor)
    people, records, pay, reasons = engine_input(year, unit, policy)
    result = engine.compute(people, records, pay, policy)
    clauses = dict(Lead.objects.filter(pk__in=[r.id for r in records]).values_list("pk", "clause__code"))
    closed = LedgerMonth.objects.of_unit(unit).closed_months()
    now = timezone.now()

    # what the engine says, per (person, error, liability): (month, amount, basis)
    target: dict[tuple, tuple[str, Decimal, dict]] = {}
    for entry in result.entries:
        key = (entry.person, entry.error, entry.basis.kind)
        month, amount, basis = target.get(key, (entry.month, ZERO, None))
        if basis is None:
            basis = basis_json(entry.basis, clauses[entry.error])
            basis["tier_reason"] = reasons.get(entry.error, "")
        target[key] = (entry.month, amount + entry.amount, basis)

    active = LedgerEntry.objects.of_unit(unit).active().for_error_year(year)
    posted_closed: dict[tuple, Decimal] = defaultdict(lambda: ZERO)
    last_closed_month: dict[tuple, str] = {}
    for row in active.filter(month__in=closed):
        key = (row.person_id, row.error_id, row.liability)
        posted_closed[key] += row.amount
        last_closed_month[key] = max(row.month, last_closed_month.get(key, row.month))

    wanted = []  # (person, error, liability, month, amount, kind, basis, explanation)
    for key in sorted(set(target) | set(posted_closed), key=lambda k: (str(k[0]), str(k[1]), k[2])):
        person, error, liability = key
        month, amount, basis = target.get(key, (None, ZERO, None))
        already = posted_closed.get(key, ZERO)
        if month is not None and month not in closed:
            diff = amount - already
            if diff or not already:
                explanation = "" if not already else (
                    f"已关账月份已记 {already} 元，按重新计算应为 {amount} 元，本月记差额。")
                wanted.append((person, error, liability, month, diff,
                               EntryKind.ADJUSTMENT if already else EntryKind.ORIGINAL, basis, explanation))
            continue
        diff = amount - already
        if not diff:
            continue
        source_month = month or last_closed_month[key]
        into = first_open_month_after(source_month, closed)
        if amount == ZERO:
            why = f"差错已撤销或不再计罚：冲回 {source_month}（已关账）已记的 {already} 元。"
        else:
            why = f"重新计算后 {source_month}（已关账）应扣 {amount} 元，已记 {already} 元，差额在本月调整。"
        wanted.append((person, error, liability, into, diff, EntryKind.ADJUSTMENT,
                       basis or {"error_clause": clauses.get(error, ""), "policy_version": result.policy_version},
                       why))

    # Only what changed is rewritten: an open-month row the engine no longer wants is superseded, a wanted row
    # that is not posted yet is created; rows that stay the same are left alone.
    unmatched = {}
    for row in active.exclude(month__in=closed):
        unmatched.setdefault((row.person_id, row.error_id, row.liability, row.month, row.amount, row.kind), []).append(row)
    to_create = []
    for w in wanted:
        same = unmatched.get(w[:6])
        if same:
            same.pop()
        else:
            to_create.append(w)
    stale = [row.pk for rows in unmatched.values() for row in rows]
    summary = {"posted": len(to_create), "superseded": len(stale),
               "adjustments": sum(1 for w in to_create if w[5] == EntryKind.ADJUSTMENT)}
    if stale:
        LedgerEntry.objects.filter(pk__in=stale).update(superseded_at=now)
    LedgerEntry.objects.bulk_create([
        LedgerEntry(person_id=p, error_id=e, liability=li, month=m, amount=a, kind=k, basis=b, explanation=x,
                    posted_at=now)
        for p, e, li, m, a, k, b, x in to_create
    ])

    PendingDeduction.objects.of_unit(unit).active().filter(error__confirmed_on__year=year).update(cleared_at=now)
    PendingDeduction.objects.bulk_create([
        PendingDeduction(person_id=p.person, error_id=p.error, month=p.month, reason=p.reason,
                         explanation=p.explanation) for p in result.pending
    ])
    summary["pending"] = len(result.pending)
    summary["measures"] = sync_measures(result, year, unit, actor=actor)
    summary["notified"] = notify_joint_liability(result)
    record("errors.ledger.recompute", actor=actor, kind=AuditKind.SYSTEM, object_type="errors.ledger",
           object_id=f"{unit.pk}:{year}", object_repr=f"{unit.name} {year} 年绩效扣罚台账",
           changes={"unit": unit.pk, "year": year, **summary, "policy": result.policy_version})
    return summary


@transaction.atomic(durable=True)
def do_recompute_ledger(year: int, unit: Unit | None = None, *, actor) -> dict:
    return recompute_ledger(year, unit, actor=actor)


def notify_joint_liability(result) -> int:
    """The 分管领导 and the 科室负责人 held liable for someone else's error are told what it means for them — their own
    amount and measures — once per error (inside the caller's transaction); the notice opens their appeal window."""
    mine: dict[tuple, dict] = {}
    for entry in result.entries:
        if entry.basis.kind != Liability.RESPONSIBLE:
            row = mine.setdefault((entry.error, entry.person, entry.basis.kind), {"amount": ZERO, "measures": []})
            row["amount"] += entry.amount
    for measure in result.measures:
        if measure.basis.kind != Liability.RESPONSIBLE:
            row = mine.setdefault((measure.error, measure.person, measure.basis.kind), {"amount": ZERO, "measures": []})
            row["measures"].append(MEASURE_LABELS.get(measure.code, measure.code))
    if not mine:
        return 0
    told = set(DecisionNotice.objects.filter(lead_id__in={k[0] for k in mine}).values_list(
        "lead_id", "person_id", "liability"))
    leads = Lead.objects.select_related("clause", "person").in_bulk({k[0] for k in mine})
    people = Person.objects.in_bulk({k[1] for k in mine})
    count = 0
    for (error, person, kind), row in sorted(mine.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]), kv[0][2])):
        if (error, person, kind) in told:
            continue
        lead = leads[error]
        what = f"扣罚绩效 {row['amount']} 元" if row["amount"] else "不扣罚绩效"
        measures = f"；{'；'.join(row['measures'])}" if row["measures"] else ""
        notify_decision(lead, people[person], kind,
                        f"差错连带责任：{lead.person.name} · {lead.clause.code}",
                        f"{lead.person.name}的{lead.get_severity_display()}（{lead.clause.code}）由您承担"
                        f"{Liability(kind).label}：{what}{measures}。")
        count += 1
    return count


# Months ---------------------------------------------------------------------------------------------------------

def pending_warning(pending) -> str:
    """What a close with pending deductions must be confirmed against: who, and why each is not priced."""
    names = "、".join(sorted({p.person.name for p in pending}))
    missing = sum(1 for p in pending if p.reason == "monthly_pay_missing")
    why = f"其中 {missing} 笔缺少当月绩效、无法计算按比例扣发的金额" if missing else "待院长办公会议界定"
    return (f"本月还有 {len(pending)} 笔待定扣罚（{names}；{why}），关账后这些扣罚将在以后月份调整。"
            "如确认仍要关账，请勾选“确认关账”。")


@transaction.atomic(durable=True)
def do_close_month(month: str, unit: Unit | None = None, *, confirm_pending: bool = False, actor) -> LedgerMonth:
    """关账 of ``unit``'s month (default: the actor's unit): its entries become immutable; later differences go to an
    open month as adjustments. Other units' months are untouched. A month with pending deductions (a 20% whose pay
    is missing, a grading awaiting the meeting) is closed only when ``confirm_pending`` (the warning is refused)."""
    if len(month) != 7 or month[4] != "-" or not (month[:4] + month[5:]).isdigit() or not 1 <= int(month[5:]) <= 12:
        raise ValidationError("月份格式应为 YYYY-MM。")
    unit = unit or unit_of(actor)
    row, _ = LedgerMonth.objects.select_for_update().get_or_create(unit=unit, month=month)
    if row.closed_at is not None:
        raise ValidationError(f"{month} 已关账。")
    if month > month_of(timezone.localdate()):
        raise ValidationError("不能关闭尚未到来的月份。")
    pending = list(PendingDeduction.objects.of_unit(unit).active().filter(month=month).select_related("person"))
    if pending and not confirm_pending:
        raise ValidationError(pending_warning(pending))
    row.closed_at = timezone.now()
    row.closed_by = getattr(actor, "person", None)
    row.save(update_fields=["closed_at", "closed_by"])
    total = LedgerEntry.objects.of_unit(unit).active().in_month(month).aggregate(s=Sum("amount"))["s"] or ZERO
    record("errors.ledger.close_month", actor=actor, kind=AuditKind.TRANSITION, obj=row,
           changes={"unit": unit.pk, "month": month, "total": total,
                    **({"closed_with_pending": [p.pk for p in pending]} if pending else {})})
    return row
