"""The penalty engine of part 二 of the 零差错 regulation: confirmed errors in, deductions and measures out.

Pure Python — no database, no Django import — so that the same rules run in the ledger, in ``zeroerror
simulate_penalties`` and in tests. The single entry point is::

    from zeroerror.penalties.engine import Person, ErrorRecord, compute
    result = compute(people, errors, monthly_pay, policy=DEFAULT_POLICY)

* ``people``: iterable of :class:`Person` (``id``, ``role`` on the relevant date — one of ``staff``, ``director``,
  ``deputy_director``, ``leader`` — the optional ``leader`` = 分管领导 and ``department_head`` = 科室负责人 ids);
* ``errors``: iterable of :class:`ErrorRecord` (``id``, ``person``, ``severity`` general|serious|undetermined,
  ``confirmed_on``, ``status`` confirmed|overturned|rejected, ``especially_serious``, and optional ``tier``,
  ``leader`` and ``department_head`` overrides that the caller resolved for the confirmation date — without them
  the tier comes from the person's role and the leader/department head from the person);
* ``monthly_pay``: ``{person id: {"YYYY-MM": Decimal}}`` — the performance pay, where known;
* ``policy``: a :class:`~zeroerror.penalties.policy.Policy` (default: the regulation's text).

The :class:`Result` holds ``entries`` (deductions, :class:`Entry`), ``measures`` (:class:`Measure`), ``totals``
(person → month → Decimal) and ``pending`` (:class:`Pending`: the 20% needs a month's pay that is missing, or the
severity awaits the 院长办公会议). Every entry and measure carries a :class:`Basis` — rule id, ordinal, tier, severity,
policy version and a Chinese explanation — for the ledger. Bad input raises :class:`EngineInputError` naming the
item. The result is deterministic and does not depend on the order of the inputs.

Readings implemented (see docs/penalties.md):

* the ordinal (第N次) is counted per person and per severity within the calendar year of the confirmation date, in
  (confirmed_on, id) order; overturned, rejected and undetermined errors do not count;
* the tier is the role on the confirmation date (副主任 → ``policy.deputy_director_tier``, default staff);
* a deduction falls in the month of the confirmation date; a rate (20%) applies to that month's pay, and is pending
  when that pay is missing — never guessed;
* the 分管领导's joint responsibility counts per leader, per severity and per calendar year, over everyone in the
  leader's charge on the confirmation date; the leader's entries and measures carry the leader's id as ``person``;
* when a month's pay is known, a person's total for that month never exceeds it: the last entries in
  (confirmed_on, id) order are reduced and their basis records that the cap applied;
* the 科室负责人 named for an error is recorded as held accountable (measure ``department_head_accountable``).

Ids are strings or ints (ints sort numerically, strings lexicographically; do not mix them in one run).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from types import MappingProxyType

from zeroerror.penalties.inputs import (  # noqa: F401 - re-exported: the engine's public API
    ERROR_SEVERITIES,
    KINDS,
    PENDING_REASONS,
    STATUSES,
    EngineInputError,
    ErrorRecord,
    Id,
    Person,
    check_error,
    id_key,
    index_pay,
    index_people,
    month_of,
)
from zeroerror.penalties.policy import (
    DEFAULT_POLICY,
    DEPARTMENT_HEAD_CLAUSE,
    LEADER_CLAUSE,
    SCHEDULE_CLAUSES,
    SEVERITY_LABELS,
    TIER_LABELS,
    Policy,
    Step,
    quantize,
)


@dataclass(frozen=True)
class Basis:
    """Why an entry or measure exists: enough for the ledger to show and for an auditor to recompute it."""

    rule: str  # e.g. "二.2(1)-3+": clause of part 二, then the ordinal step ("+" = this and later ordinals)
    clause: str  # "二.2(1)", "二.2(2)", "二.2(3)" or "二.1"
    kind: str  # responsible | leader | department_head
    severity: str
    ordinal: int  # 第N次 within the year: of the person's errors of this severity, or of the leader's charge
    year: int
    tier: str  # the tier of the person whose error it is
    confirmed_on: dt.date
    policy_version: str
    explanation: str
    rate: Decimal | None = None  # for a share of the month's pay
    pay: Decimal | None = None  # the month's pay it applied to
    uncapped_amount: Decimal | None = None  # the amount before the monthly cap, when the cap reduced it
    capped: bool = False


@dataclass(frozen=True)
class Entry:
    error: Id
    person: Id  # who is deducted (the leader, for joint responsibility)
    month: str  # YYYY-MM
    amount: Decimal  # yuan, 2 places
    basis: Basis


@dataclass(frozen=True)
class Measure:
    error: Id
    person: Id
    code: str
    basis: Basis


@dataclass(frozen=True)
class Pending:
    error: Id
    person: Id
    reason: str  # monthly_pay_missing | severity_undetermined
    month: str
    explanation: str


@dataclass(frozen=True)
class Result:
    policy_version: str
    entries: tuple[Entry, ...]
    measures: tuple[Measure, ...]
    totals: Mapping[Id, Mapping[str, Decimal]]
    pending: tuple[Pending, ...]

    def total(self, person: Id, month: str) -> Decimal:
        return self.totals.get(person, {}).get(month, Decimal("0.00"))

    def entries_for(self, error: Id) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.error == error)

    def measures_for(self, error: Id) -> tuple[Measure, ...]:
        return tuple(m for m in self.measures if m.error == error)


# --- computation -----------------------------------------------------------------------------------------------


@dataclass
class _Raw:
    """An entry before the monthly cap."""

    error: ErrorRecord
    kind_rank: int
    person: Id
    month: str
    amount: Decimal
    basis: Basis


def _rule(clause: str, step_ordinal: int, open_ended: bool) -> str:
    return f"{clause}-{step_ordinal}{'+' if open_ended else ''}"


def compute(
    people: Iterable[Person],
    errors: Iterable[ErrorRecord],
    monthly_pay: Mapping[Id, Mapping[str, Decimal]] | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> Result:
    """Apply part 二 of the regulation (as ``policy`` reads it) to the errors; see the module docstring."""
    people_index = index_people(people)
    errors = list(errors)
    seen: set[Id] = set()
    for error in errors:
        check_error(error, people_index)
        if error.id in seen:
            raise EngineInputError(f"error {error.id!r}: listed twice")
        seen.add(error.id)
    pay = index_pay(monthly_pay or {}, people_index)
    errors.sort(key=lambda e: (e.confirmed_on, id_key(e.id)))

    raws: list[_Raw] = []
    measures: list[tuple[tuple, Measure]] = []
    pending: list[tuple[tuple, Pending]] = []
    counts: dict[tuple, int] = defaultdict(int)

    for error in errors:
        if error.status != "confirmed":
            continue
        order = (error.confirmed_on, id_key(error.id))
        person = people_index[error.person]
        month = month_of(error.confirmed_on)
        year = error.confirmed_on.year
        if error.severity == "undetermined":
            pending.append(((*order, 0), Pending(
                error.id, person.id, "severity_undetermined", month,
                f"差错{error.id}的性质待院长办公会议研究界定，界定后再计算扣罚",
            )))
            continue
        tier = error.tier or policy.tier_for_role(person.role)
        if tier is None:
            raise EngineInputError(f"error {error.id!r}: person {person.id!r} has role {person.role!r}, which has no tier in the "
                  "regulation; give the error an explicit tier")
        common = {"error": error, "month": month, "year": year, "tier": tier, "order": order, "pay": pay}

        counts[("responsible", person.id, error.severity, year)] += 1
        _apply_step(
            raws, measures, pending, policy, who=person.id, kind="responsible",
            clause=SCHEDULE_CLAUSES[error.severity], schedule=policy.schedules[error.severity],
            ordinal=counts[("responsible", person.id, error.severity, year)], **common,
        )

        leader = error.leader if error.leader is not None else person.leader
        if leader is not None and error.severity in policy.leader_schedules:
            counts[("leader", leader, error.severity, year)] += 1
            _apply_step(
                raws, measures, pending, policy, who=leader, kind="leader", clause=LEADER_CLAUSE,
                schedule=policy.leader_schedules[error.severity],
                ordinal=counts[("leader", leader, error.severity, year)], **common,
            )

        head = error.department_head if error.department_head is not None else person.department_head
        if head is not None and head != person.id:
            _apply_department_head(raws, measures, policy, head=head, **common)

    entries = _apply_cap(raws, pay, policy)
    totals: dict[Id, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: Decimal("0.00")))
    for entry in entries:
        totals[entry.person][entry.month] += entry.amount
    frozen_totals = MappingProxyType({
        p: MappingProxyType(dict(sorted(months.items()))) for p, months in sorted(totals.items(), key=lambda i: id_key(i[0]))
    })
    return Result(
        policy_version=policy.id,
        entries=tuple(entries),
        measures=tuple(m for _, m in sorted(measures, key=lambda i: i[0])),
        totals=frozen_totals,
        pending=tuple(p for _, p in sorted(pending, key=lambda i: i[0])),
    )


def _ordinal_text(kind: str, year: int, ordinal: int, severity: str, tier: str, error: ErrorRecord) -> str:
    if kind == "leader":
        return (f"分管领导连带责任：{year}年分管范围内第{ordinal}次{SEVERITY_LABELS[severity]}"
                f"（差错{error.id}为{TIER_LABELS[tier]}过错）")
    return f"{year}年第{ordinal}次{SEVERITY_LABELS[severity]}（{TIER_LABELS[tier]}）"


def _apply_step(raws, measures, pending, policy: Policy, *, error: ErrorRecord, who: Id, kind: str, clause: str,
                schedule: tuple[Step, ...], ordinal: int, month: str, year: int, tier: str, order: tuple,
                pay: Mapping) -> None:
    step, open_ended = policy.step_for(schedule, ordinal)
    rank = KINDS.index(kind)
    head = _ordinal_text(kind, year, ordinal, error.severity, tier, error)
    basis = Basis(
        rule=_rule(clause, step.ordinal, open_ended), clause=clause, kind=kind, severity=error.severity,
        ordinal=ordinal, year=year, tier=tier, confirmed_on=error.confirmed_on, policy_version=policy.id,
        explanation=head,
    )
    codes = list(step.measures)
    if error.especially_serious:
        codes += [c for c in step.measures_if_especially_serious if c not in codes]
    for position, code in enumerate(codes):
        extra = "（情节特别严重、影响特别重大）" if code in step.measures_if_especially_serious and code not in step.measures else ""
        measures.append(((*order, rank, position), Measure(
            error.id, who, code, replace(basis, explanation=f"{head}{extra}：{policy.measure_label(code)}"),
        )))
    amount = step.amount_for(tier)
    if amount is not None:
        raws.append(_Raw(error, rank, who, month, amount, replace(
            basis, explanation=f"{head}：扣罚{month}绩效{amount}元"
        )))
    elif step.rate is not None:
        base = pay.get((who, month))
        percent = f"{(step.rate * 100).normalize():f}%"
        if base is None:
            pending.append(((*order, rank), Pending(
                error.id, who, "monthly_pay_missing", month,
                f"{head}：应扣发{month}绩效的{percent}，该月绩效未知，待录入后计算",
            )))
        else:
            amount = quantize(base * step.rate)
            raws.append(_Raw(error, rank, who, month, amount, replace(
                basis, rate=step.rate, pay=base, explanation=f"{head}：扣发{month}绩效{base}元的{percent}，计{amount}元",
            )))


def _apply_department_head(raws, measures, policy: Policy, *, error: ErrorRecord, head: Id, month: str, year: int,
                           tier: str, order: tuple, pay: Mapping) -> None:
    rank = KINDS.index("department_head")
    text = f"差错{error.id}（{SEVERITY_LABELS[error.severity]}）对责任人和科室负责人进行追究"
    basis = Basis(
        rule=f"{DEPARTMENT_HEAD_CLAUSE}-{error.severity}", clause=DEPARTMENT_HEAD_CLAUSE, kind="department_head",
        severity=error.severity, ordinal=1, year=year, tier=tier, confirmed_on=error.confirmed_on,
        policy_version=policy.id, explanation=text,
    )
    for position, code in enumerate(policy.department_head_measures):
        measures.append(((*order, rank, position), Measure(
            error.id, head, code, replace(basis, explanation=f"{text}：{policy.measure_label(code)}"),
        )))
    amount = policy.department_head_amounts.get(error.severity)
    if amount is not None:
        raws.append(_Raw(error, rank, head, month, amount, replace(basis, explanation=f"{text}：扣罚{month}绩效{amount}元")))


def _apply_cap(raws: list[_Raw], pay: Mapping, policy: Policy) -> list[Entry]:
    """Post the entries; where a month's pay is known, reduce the last ones so the month total stays within it."""

    def order(raw: _Raw) -> tuple:
        return (raw.error.confirmed_on, id_key(raw.error.id), raw.kind_rank, id_key(raw.person))

    groups: dict[tuple[Id, str], list[_Raw]] = defaultdict(list)
    for raw in raws:
        groups[(raw.person, raw.month)].append(raw)
    posted: list[Entry] = []
    for (person, month), group in groups.items():
        group.sort(key=order)
        limit = pay.get((person, month)) if policy.cap_at_monthly_pay else None
        excess = sum((r.amount for r in group), Decimal("0.00")) - limit if limit is not None else Decimal(0)
        amounts = [r.amount for r in group]
        for i in range(len(group) - 1, -1, -1):
            if excess <= 0:
                break
            cut = min(excess, amounts[i])
            amounts[i] -= cut
            excess -= cut
        for raw, amount in zip(group, amounts, strict=True):
            basis = raw.basis
            if amount != raw.amount:
                basis = replace(
                    basis, capped=True, uncapped_amount=raw.amount,
                    explanation=f"{basis.explanation}；当月扣罚合计不超过当月绩效{limit}元，本项由{raw.amount}元核减为{amount}元",
                )
            posted.append(Entry(raw.error.id, person, month, quantize(amount), basis))
    posted.sort(key=lambda e: (e.basis.confirmed_on, id_key(e.error), KINDS.index(e.basis.kind), id_key(e.person)))
    return posted
