"""The penalty policy: amounts and interpretations of part 二 of the 零差错 regulation, as versioned data.

A :class:`Policy` is a frozen value. :data:`DEFAULT_POLICY` (id ``2026-default-v1``) is the regulation's text with the
readings settled in issue 3 item 5; a unit changes amounts or interpretations in configuration with a plain dict
(JSON) read by :func:`policy_from_dict` and written by :func:`policy_to_dict`. Validation errors are
:class:`PolicyError` with the path of the offending item, e.g. ``schedules.general[2].rate: ...``.

Pure Python: no Django import here (the engine runs outside the database, see ``zeroerror.penalties.engine``).

Schedules
    ``schedules[severity]`` lists the steps for the responsible person's 第1次, 第2次, ... error of that severity in a
    calendar year; the last step also applies to every later ordinal ("3次及以上"). A step carries either fixed
    ``amounts`` per tier (``staff`` = 一般工作人员, ``director`` = 办公室主任), or a ``rate`` of that month's
    performance pay, or no money at all, plus the measures it orders. ``leader_schedules[severity]`` is the
    分管领导's joint responsibility (二.2(3), default: 严重差错 only), counted per leader; its fixed amounts are keyed
    by the tier of the person whose error it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

CENT = Decimal("0.01")

TIERS = ("staff", "director")
SEVERITIES = ("general", "serious")
ROLES = ("staff", "director", "deputy_director", "leader")

TIER_LABELS = {"staff": "一般工作人员", "director": "办公室主任"}
SEVERITY_LABELS = {"general": "一般差错", "serious": "严重差错", "undetermined": "待院长办公会议研究界定的差错"}

#: The measures the regulation orders, with the wording used in explanations and tracked items.
MEASURE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "reminder_talk": "由办公室主任或分管领导进行提醒谈话，谈话记录送绩效办和纪检监察室存档",
        "written_self_examination": "向办公室/院办公会作出书面检查",
        "meeting_self_criticism": "在办公室全体人员会议上作出检查（检讨）",
        "award_disqualified": "不得参与当年先进评比",
        "suspension": "停职整改",
        "discipline_referral": "建议院纪委介入调查，出具惩处措施提交单位会议研究决定",
        "leader_verbal_reminder": "由院长对分管领导进行口头提醒",
        "leader_reminder_talk": "由院长对分管领导进行提醒约谈，谈话记录送绩效办和纪检监察室存档",
        "leader_discipline_talk": "由院纪委对分管领导约谈，相关结果提交单位会议研究决定",
        "department_head_accountable": "对科室负责人进行追究",
    }
)

#: The clause of part 二 each schedule implements (used in rule ids such as ``二.2(1)-3+``).
SCHEDULE_CLAUSES = {"general": "二.2(1)", "serious": "二.2(2)"}
LEADER_CLAUSE = "二.2(3)"
DEPARTMENT_HEAD_CLAUSE = "二.1"

_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class PolicyError(ValueError):
    """A policy dict is malformed; the message starts with the path of the offending item."""


def quantize(amount: Decimal) -> Decimal:
    """Money to 0.01 yuan, ROUND_HALF_UP."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Step:
    """What the ``ordinal``-th error of a schedule costs (the last step of a schedule covers later ordinals too)."""

    ordinal: int
    amounts: Mapping[str, Decimal] | None = None  # tier -> yuan
    rate: Decimal | None = None  # share of that month's performance pay
    measures: tuple[str, ...] = ()
    measures_if_especially_serious: tuple[str, ...] = ()  # added when the error is 情节特别严重、影响特别重大

    def amount_for(self, tier: str) -> Decimal | None:
        return None if self.amounts is None else self.amounts[tier]


@dataclass(frozen=True)
class Policy:
    id: str
    description: str
    schedules: Mapping[str, tuple[Step, ...]]
    leader_schedules: Mapping[str, tuple[Step, ...]]
    deputy_director_tier: str = "staff"  # whether 副主任 count as 办公室主任: "director", or not: "staff"
    cap_at_monthly_pay: bool = True  # a person's month total never exceeds that month's known pay
    department_head_measures: tuple[str, ...] = ("department_head_accountable",)
    department_head_amounts: Mapping[str, Decimal] = field(default_factory=lambda: MappingProxyType({}))  # severity -> yuan
    extra_measures: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # unit codes -> label

    def tier_for_role(self, role: str) -> str | None:
        """The tier of a role, or None for a role the regulation gives no tier (分管领导)."""
        if role == "deputy_director":
            return self.deputy_director_tier
        return role if role in TIERS else None

    def measure_label(self, code: str) -> str:
        return self.extra_measures.get(code) or MEASURE_LABELS[code]

    @staticmethod
    def step_for(schedule: tuple[Step, ...], ordinal: int) -> tuple[Step, bool]:
        """The step applying to ``ordinal`` and whether it is the open-ended last step."""
        index = min(ordinal, len(schedule)) - 1
        return schedule[index], index == len(schedule) - 1


def _step(ordinal, amounts=None, rate=None, measures=(), especially=()) -> Step:
    return Step(
        ordinal=ordinal,
        amounts=MappingProxyType({k: Decimal(v) for k, v in amounts.items()}) if amounts else None,
        rate=Decimal(rate) if rate is not None else None,
        measures=tuple(measures),
        measures_if_especially_serious=tuple(especially),
    )


#: The regulation's text, with the readings of issue 3 item 5.
DEFAULT_POLICY = Policy(
    id="2026-default-v1",
    description="零差错办公工作规定 二、保障和惩处措施 原文（默认解释）",
    schedules=MappingProxyType(
        {
            "general": (
                _step(1, {"staff": "50.00", "director": "100.00"}, measures=["reminder_talk"]),
                _step(2, {"staff": "100.00", "director": "200.00"},
                      measures=["written_self_examination", "meeting_self_criticism"]),
                _step(3, rate="0.20", measures=["award_disqualified"]),
            ),
            "serious": (
                _step(1, {"staff": "100.00", "director": "300.00"},
                      measures=["written_self_examination", "meeting_self_criticism"]),
                _step(2, {"staff": "300.00", "director": "500.00"},
                      measures=["suspension"], especially=["discipline_referral"]),
                _step(3, {"staff": "300.00", "director": "500.00"}, measures=["suspension", "discipline_referral"]),
            ),
        }
    ),
    leader_schedules=MappingProxyType(
        {
            "serious": (
                _step(1, measures=["leader_verbal_reminder"]),
                _step(2, {"staff": "300.00", "director": "500.00"}, measures=["leader_reminder_talk"]),
                _step(3, measures=["leader_discipline_talk"]),
            ),
        }
    ),
)


# --- dict / JSON form -------------------------------------------------------------------------------------------


def _fail(path: str, message: str):
    raise PolicyError(f"{path}: {message}")


def _decimal(value: Any, path: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal, float)):
        _fail(path, f"must be a decimal number (a string such as \"50.00\"), not {value!r}")
    try:
        result = Decimal(str(value))
    except InvalidOperation:
        _fail(path, f"{value!r} is not a decimal number")
    if not result.is_finite():
        _fail(path, f"{value!r} is not a finite number")
    return result


def _money(value: Any, path: str) -> Decimal:
    amount = _decimal(value, path)
    if amount <= 0:
        _fail(path, f"must be a positive amount in yuan, not {value!r} (leave the amount out for no deduction)")
    if amount != quantize(amount):
        _fail(path, f"{value!r} has more than two decimal places")
    return quantize(amount)


def _keys(data: Any, path: str, required: set[str], optional: set[str]) -> dict:
    if not isinstance(data, Mapping):
        _fail(path, f"must be an object, not {type(data).__name__}")
    missing = sorted(required - set(data))
    if missing:
        _fail(path, f"missing key {missing[0]!r}")
    unknown = sorted(set(data) - required - optional)
    if unknown:
        _fail(path, f"unknown key {unknown[0]!r}")
    return dict(data)


def _codes(value: Any, path: str, known: set[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        _fail(path, "must be a list of measure codes")
    for i, code in enumerate(value):
        if code not in known:
            _fail(f"{path}[{i}]", f"unknown measure code {code!r} (declare unit-specific codes in extra_measures)")
    if len(set(value)) != len(value):
        _fail(path, "lists a measure twice")
    return tuple(value)


def _schedule(data: Any, path: str, known: set[str]) -> tuple[Step, ...]:
    if not isinstance(data, list) or not data:
        _fail(path, "must be a non-empty list of steps (1st, 2nd, ...; the last also covers later ordinals)")
    steps = []
    for i, raw in enumerate(data):
        p = f"{path}[{i}]"
        item = _keys(raw, p, {"ordinal"}, {"amounts", "rate", "measures", "measures_if_especially_serious"})
        if item["ordinal"] != i + 1 or isinstance(item["ordinal"], bool):
            _fail(f"{p}.ordinal", f"must be {i + 1} (steps are listed in order from the 1st)")
        if "amounts" in item and "rate" in item:
            _fail(p, "has both amounts and rate; a step deducts either fixed amounts or a share of the month's pay")
        amounts = None
        if "amounts" in item:
            raw_amounts = _keys(item["amounts"], f"{p}.amounts", set(TIERS), set())
            amounts = MappingProxyType({t: _money(raw_amounts[t], f"{p}.amounts.{t}") for t in TIERS})
        rate = None
        if "rate" in item:
            rate = _decimal(item["rate"], f"{p}.rate")
            if not 0 < rate <= 1:
                _fail(f"{p}.rate", f"must be a share of the month's pay between 0 (exclusive) and 1, not {item['rate']!r}")
        steps.append(
            Step(
                ordinal=i + 1,
                amounts=amounts,
                rate=rate,
                measures=_codes(item.get("measures", []), f"{p}.measures", known),
                measures_if_especially_serious=_codes(
                    item.get("measures_if_especially_serious", []), f"{p}.measures_if_especially_serious", known
                ),
            )
        )
    return tuple(steps)


def policy_from_dict(data: Any) -> Policy:
    """Read and validate a policy from its dict (JSON) form; raises PolicyError naming the offending item."""
    d = _keys(
        data,
        "policy",
        {"id", "schedules"},
        {"description", "leader_schedules", "deputy_director_tier", "cap_at_monthly_pay", "department_head",
         "extra_measures"},
    )
    if not isinstance(d["id"], str) or not d["id"].strip():
        _fail("policy.id", "must be a non-empty string naming the policy version")
    description = d.get("description", "")
    if not isinstance(description, str):
        _fail("policy.description", "must be a string")
    extra = d.get("extra_measures", {})
    if not isinstance(extra, Mapping):
        _fail("policy.extra_measures", f"must be an object mapping measure codes to labels, not {type(extra).__name__}")
    for code, label in extra.items():
        if not isinstance(code, str) or not _CODE_RE.match(code):
            _fail("policy.extra_measures", f"{code!r} is not a measure code (lowercase letters, digits, _)")
        if code in MEASURE_LABELS:
            _fail(f"policy.extra_measures.{code}", "is a built-in measure code")
        if not isinstance(label, str) or not label.strip():
            _fail(f"policy.extra_measures.{code}", "must be a non-empty label")
    known = set(MEASURE_LABELS) | set(extra)

    raw_schedules = _keys(d["schedules"], "policy.schedules", set(SEVERITIES), set())
    schedules = {s: _schedule(raw_schedules[s], f"policy.schedules.{s}", known) for s in SEVERITIES}
    raw_leader = _keys(d.get("leader_schedules", {}), "policy.leader_schedules", set(), set(SEVERITIES))
    leader_schedules = {s: _schedule(raw_leader[s], f"policy.leader_schedules.{s}", known) for s in sorted(raw_leader)}

    tier = d.get("deputy_director_tier", "staff")
    if tier not in TIERS:
        _fail("policy.deputy_director_tier", f"must be one of {', '.join(TIERS)}, not {tier!r}")
    cap = d.get("cap_at_monthly_pay", True)
    if not isinstance(cap, bool):
        _fail("policy.cap_at_monthly_pay", f"must be true or false, not {cap!r}")
    head = _keys(d.get("department_head", {}), "policy.department_head", set(), {"measures", "amounts"})
    head_measures = _codes(
        head.get("measures", ["department_head_accountable"]), "policy.department_head.measures", known
    )
    raw_head_amounts = _keys(head.get("amounts", {}), "policy.department_head.amounts", set(), set(SEVERITIES))
    head_amounts = {s: _money(v, f"policy.department_head.amounts.{s}") for s, v in sorted(raw_head_amounts.items())}

    return Policy(
        id=d["id"].strip(),
        description=description,
        schedules=MappingProxyType(schedules),
        leader_schedules=MappingProxyType(leader_schedules),
        deputy_director_tier=tier,
        cap_at_monthly_pay=cap,
        department_head_measures=head_measures,
        department_head_amounts=MappingProxyType(head_amounts),
        extra_measures=MappingProxyType(dict(sorted(extra.items()))),
    )


def _step_to_dict(step: Step) -> dict:
    out: dict[str, Any] = {"ordinal": step.ordinal}
    if step.amounts is not None:
        out["amounts"] = {t: str(step.amounts[t]) for t in TIERS}
    if step.rate is not None:
        out["rate"] = str(step.rate)
    out["measures"] = list(step.measures)
    if step.measures_if_especially_serious:
        out["measures_if_especially_serious"] = list(step.measures_if_especially_serious)
    return out


def policy_to_dict(policy: Policy) -> dict:
    """The JSON-ready dict form of a policy; ``policy_from_dict(policy_to_dict(p)) == p``."""
    return {
        "id": policy.id,
        "description": policy.description,
        "schedules": {s: [_step_to_dict(step) for step in policy.schedules[s]] for s in SEVERITIES},
        "leader_schedules": {
            s: [_step_to_dict(step) for step in steps] for s, steps in sorted(policy.leader_schedules.items())
        },
        "deputy_director_tier": policy.deputy_director_tier,
        "cap_at_monthly_pay": policy.cap_at_monthly_pay,
        "department_head": {
            "measures": list(policy.department_head_measures),
            "amounts": {s: str(a) for s, a in sorted(policy.department_head_amounts.items())},
        },
        "extra_measures": dict(sorted(policy.extra_measures.items())),
    }
