"""``zeroerror simulate_penalties PATH``: the penalty engine on a JSON file, for trying a policy or auditing a ledger.

The management command is a thin wrapper over :func:`run`. Contract (issue 3 item 6)::

    input  {"people": [{"id": "u1", "role": "staff"|"director"|"leader", "leader": "L1"}],
            "monthly_pay": {"u1": {"2026-07": 4000}},
            "errors": [{"id": "e1", "person": "u1", "severity": "general"|"serious"|"undetermined",
                        "confirmed_on": "2026-07-01", "status": "confirmed"|"overturned",
                        "especially_serious": false}]}
    output {"entries": [{"error": "e1", "person": "u1", "month": "2026-07", "amount": "800.00"}],
            "measures": [{"error": "e1", "person": "u1", "code": "award_disqualified"}],
            "totals": {"u1": {"2026-07": "800.00"}},
            "pending": [{"error": "e3", "person": "u1", "reason": "monthly_pay_missing"}]}

``leader`` and ``especially_serious`` are optional; ``monthly_pay`` may be left out. Accepted in addition (all
optional): the role ``deputy_director`` and a person's ``department_head`` (科室负责人, recorded with the measure
``department_head_accountable``); the status ``rejected``; an error's ``tier`` (staff|director), ``leader`` and
``department_head`` as on its confirmation date. Amounts are decimal strings with two places. Bad input exits 1 with
one line on stderr naming the item and nothing on stdout. Pure Python, no Django import.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from zeroerror.penalties.engine import (
    ERROR_SEVERITIES,
    STATUSES,
    EngineInputError,
    ErrorRecord,
    Person,
    Result,
    compute,
)
from zeroerror.penalties.policy import DEFAULT_POLICY, ROLES, TIERS, Policy, PolicyError, policy_from_dict, quantize

PROG = "simulate_penalties"
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


class InputError(ValueError):
    """Bad simulate_penalties input; the message names the item."""


def _q(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"duplicate key {_q(key)} in a JSON object")
        out[key] = value
    return out


def _reject_constant(name: str):
    raise InputError(f"{name} is not a number this input accepts")


def parse_json(text: str, what: str = "input") -> Any:
    """JSON with exact decimals; malformed JSON, NaN/Infinity and duplicate keys raise InputError."""
    try:
        return json.loads(text, parse_float=Decimal, object_pairs_hook=_object_pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"{what}: malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")
    except InputError as exc:
        raise InputError(f"{what}: {exc}")


def _obj(data: Any, where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict:
    if not isinstance(data, dict):
        raise InputError(f"{where}: must be a JSON object")
    for key in required:
        if key not in data:
            raise InputError(f"{where}: missing {_q(key)}")
    for key in data:
        if key not in required and key not in optional:
            raise InputError(f"{where}: unknown key {_q(key)}")
    return data


def _label(raw: Any, base: str) -> str:
    """``errors[2] (id "e3")`` when the item has a usable id, else ``errors[2]``."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return f"{base} (id {_q(raw['id'])})"
    return base


def _string(value: Any, where: str, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: {name} must be a non-empty string, not {_q(_plain(value))}")
    return value


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _choice(value: Any, where: str, name: str, choices: tuple[str, ...]) -> str:
    if value not in choices or not isinstance(value, str):
        raise InputError(f"{where}: unknown {name} {_q(_plain(value))} (expected one of {', '.join(choices)})")
    return value


def _date(value: Any, where: str) -> dt.date:
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise InputError(f"{where}: confirmed_on {_q(_plain(value))} is not a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{where}: confirmed_on {_q(value)} is not a real date")


def _pay(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise InputError(f"{where}: pay must be a number or a decimal string, not {_q(_plain(value))}")
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise InputError(f"{where}: pay {_q(value)} is not a decimal number")
    if not amount.is_finite() or amount < 0:
        raise InputError(f"{where}: pay {_q(_plain(value))} must be a non-negative amount")
    if amount != quantize(amount):
        raise InputError(f"{where}: pay {_q(_plain(value))} has more than two decimal places")
    return quantize(amount)


def parse_input(data: Any) -> tuple[list[Person], list[ErrorRecord], dict[str, dict[str, Decimal]]]:
    """Turn the input document into engine inputs, validating every item (InputError names the first bad one)."""
    doc = _obj(data, "input", ("people", "errors"), ("monthly_pay",))
    if not isinstance(doc["people"], list):
        raise InputError("people: must be a list")
    if not isinstance(doc["errors"], list):
        raise InputError("errors: must be a list")

    people: list[Person] = []
    roles: dict[str, str] = {}
    for i, raw in enumerate(doc["people"]):
        where = _label(raw, f"people[{i}]")
        item = _obj(raw, where, ("id", "role"), ("leader", "department_head"))
        pid = _string(item["id"], where, "id")
        if pid in roles:
            raise InputError(f"{where}: person listed twice")
        roles[pid] = _choice(item["role"], where, "role", ROLES)
        people.append(Person(
            id=pid,
            role=roles[pid],
            leader=_string(item["leader"], where, "leader") if item.get("leader") is not None else None,
            department_head=(_string(item["department_head"], where, "department_head")
                             if item.get("department_head") is not None else None),
        ))
    for i, person in enumerate(people):
        where = f"people[{i}] (id {_q(person.id)})"
        for name, ref in (("leader", person.leader), ("department_head", person.department_head)):
            if ref is not None and ref not in roles:
                raise InputError(f"{where}: {name} {_q(ref)} is not a person in people")
        if person.leader is not None and roles[person.leader] != "leader":
            raise InputError(f"{where}: leader {_q(person.leader)} has role {_q(roles[person.leader])}, not \"leader\"")

    errors: list[ErrorRecord] = []
    seen: set[str] = set()
    for i, raw in enumerate(doc["errors"]):
        where = _label(raw, f"errors[{i}]")
        item = _obj(
            raw, where, ("id", "person", "severity", "confirmed_on", "status"),
            ("especially_serious", "tier", "leader", "department_head"),
        )
        eid = _string(item["id"], where, "id")
        if eid in seen:
            raise InputError(f"{where}: error listed twice")
        seen.add(eid)
        person = _string(item["person"], where, "person")
        if person not in roles:
            raise InputError(f"{where}: unknown person {_q(person)} (not in people)")
        especially = item.get("especially_serious", False)
        if not isinstance(especially, bool):
            raise InputError(f"{where}: especially_serious must be true or false, not {_q(_plain(especially))}")
        refs = {}
        for name in ("leader", "department_head"):
            if item.get(name) is not None:
                ref = _string(item[name], where, name)
                if ref not in roles:
                    raise InputError(f"{where}: {name} {_q(ref)} is not a person in people")
                refs[name] = ref
        if "leader" in refs and roles[refs["leader"]] != "leader":
            raise InputError(f"{where}: leader {_q(refs['leader'])} has role {_q(roles[refs['leader']])}, not \"leader\"")
        errors.append(ErrorRecord(
            id=eid,
            person=person,
            severity=_choice(item["severity"], where, "severity", ERROR_SEVERITIES),
            confirmed_on=_date(item["confirmed_on"], where),
            status=_choice(item["status"], where, "status", STATUSES),
            especially_serious=especially,
            tier=_choice(item["tier"], where, "tier", TIERS) if item.get("tier") is not None else None,
            leader=refs.get("leader"),
            department_head=refs.get("department_head"),
        ))

    for i, err in enumerate(errors):
        counted = err.status == "confirmed" and err.severity != "undetermined"
        if counted and err.tier is None and roles[err.person] == "leader":
            raise InputError(f"errors[{i}] (id {_q(err.id)}): person {_q(err.person)} is a leader, a role the "
                             "regulation gives no tier; give the error a \"tier\" (staff or director)")

    monthly_pay: dict[str, dict[str, Decimal]] = {}
    raw_pay = doc.get("monthly_pay", {})
    if not isinstance(raw_pay, dict):
        raise InputError("monthly_pay: must be an object {person: {\"YYYY-MM\": pay}}")
    for pid, months in raw_pay.items():
        where = f"monthly_pay[{_q(pid)}]"
        if pid not in roles:
            raise InputError(f"{where}: unknown person {_q(pid)} (not in people)")
        if not isinstance(months, dict):
            raise InputError(f"{where}: must be an object {{\"YYYY-MM\": pay}}")
        monthly_pay[pid] = {}
        for month, value in months.items():
            m = _MONTH_RE.match(month)
            if not m or not 1 <= int(m.group(2)) <= 12:
                raise InputError(f"{where}: month {_q(month)} is not a month in the form YYYY-MM")
            monthly_pay[pid][month] = _pay(value, f"{where}[{_q(month)}]")
    return people, errors, monthly_pay


def result_to_json(result: Result) -> dict:
    """The output document of the contract (amounts as decimal strings, deterministic order)."""
    return {
        "entries": [
            {"error": e.error, "person": e.person, "month": e.month, "amount": f"{e.amount:.2f}"} for e in result.entries
        ],
        "measures": [{"error": m.error, "person": m.person, "code": m.code} for m in result.measures],
        "totals": {
            person: {month: f"{amount:.2f}" for month, amount in months.items()}
            for person, months in result.totals.items()
        },
        "pending": [{"error": p.error, "person": p.person, "reason": p.reason} for p in result.pending],
    }


def simulate(data: Any, policy: Policy = DEFAULT_POLICY) -> dict:
    """Input document (parsed JSON) → output document; raises InputError naming the bad item."""
    people, errors, monthly_pay = parse_input(data)
    try:
        result = compute(people, errors, monthly_pay, policy)
    except EngineInputError as exc:
        raise InputError(str(exc))
    return result_to_json(result)


def _read(path: str, stdin: IO[str]) -> str:
    if path == "-":
        return stdin.read()
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text")


def load_policy(path: str) -> Policy:
    """A policy from a JSON file (see docs/penalties.md); InputError names the bad item."""
    if path == "-":
        raise InputError("the policy must be a file, not standard input")
    data = parse_json(_read(path, stdin=None), what=f"policy {path}")  # type: ignore[arg-type]
    try:
        return policy_from_dict(data)
    except PolicyError as exc:
        raise InputError(f"policy {path}: {exc}")


def _one_line(message: str) -> str:
    return " ".join(message.split())


def run(path: str, stdin: IO[str], stdout: IO[str], stderr: IO[str], policy_path: str | None = None) -> int:
    """Read the input at ``path`` (``-``: stdin), write the output JSON to stdout; 0 on success, 1 on bad input."""
    try:
        policy = load_policy(policy_path) if policy_path else DEFAULT_POLICY
        source = "input" if path == "-" else path
        try:
            text = _read(path, stdin)
        except UnicodeDecodeError:
            raise InputError(f"{source}: not UTF-8 text")
        output = simulate(parse_json(text, what=source), policy)
    except InputError as exc:
        stderr.write(f"{PROG}: {_one_line(str(exc))}\n")
        return 1
    stdout.write(json.dumps(output, ensure_ascii=False, indent=2) + "\n")
    return 0
