"""The penalty engine's inputs: people, errors and monthly pay, and their validation.

Pure Python, no Django import. ``zeroerror.penalties.engine`` re-exports :class:`Person`, :class:`ErrorRecord` and
:class:`EngineInputError`, so callers import everything from there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from zeroerror.penalties.policy import ROLES, SEVERITIES, TIERS, quantize

Id = str | int

STATUSES = ("confirmed", "overturned", "rejected")
ERROR_SEVERITIES = (*SEVERITIES, "undetermined")
PENDING_REASONS = ("monthly_pay_missing", "severity_undetermined")
KINDS = ("responsible", "leader", "department_head")  # whose liability an entry/measure is, in cap order

_MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class EngineInputError(ValueError):
    """The engine's input is inconsistent; the message names the offending item."""


@dataclass(frozen=True)
class Person:
    id: Id
    role: str  # staff | director | deputy_director | leader
    leader: Id | None = None  # 分管领导
    department_head: Id | None = None  # 科室负责人


@dataclass(frozen=True)
class ErrorRecord:
    id: Id
    person: Id
    severity: str  # general | serious | undetermined
    confirmed_on: dt.date
    status: str = "confirmed"  # confirmed | overturned | rejected
    especially_serious: bool = False  # 情节特别严重、影响特别重大
    tier: str | None = None  # staff | director, resolved by the caller for the confirmation date
    leader: Id | None = None  # the 分管领导 in charge on the confirmation date (default: the person's)
    department_head: Id | None = None  # the 科室负责人 on the confirmation date (default: the person's)


def id_key(value: Id) -> tuple:
    """Sort key for ids: ints numerically, strings lexicographically."""
    return (0, value, "") if isinstance(value, int) else (1, 0, value)


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


# --- validation ------------------------------------------------------------------------------------------------


def _fail(message: str):
    raise EngineInputError(message)


def _check_id(value, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        _fail(f"{what}: id must be a non-empty string or an int, not {value!r}")


def index_people(people: Iterable[Person]) -> dict[Id, Person]:
    index: dict[Id, Person] = {}
    for person in people:
        _check_id(person.id, "person")
        if person.id in index:
            _fail(f"person {person.id!r}: listed twice")
        if person.role not in ROLES:
            _fail(f"person {person.id!r}: unknown role {person.role!r} (one of {', '.join(ROLES)})")
        index[person.id] = person
    for person in index.values():
        for attr, label in (("leader", "leader"), ("department_head", "department head")):
            ref = getattr(person, attr)
            if ref is None:
                continue
            if ref not in index:
                _fail(f"person {person.id!r}: {label} {ref!r} is not a known person")
            if ref == person.id:
                _fail(f"person {person.id!r}: cannot be their own {label}")
            if attr == "leader" and index[ref].role != "leader":
                _fail(f"person {person.id!r}: leader {ref!r} has role {index[ref].role!r}, not 'leader'")
    return index


def check_error(error: ErrorRecord, people: Mapping[Id, Person]) -> None:
    _check_id(error.id, "error")
    where = f"error {error.id!r}"
    if error.person not in people:
        _fail(f"{where}: person {error.person!r} is not a known person")
    if error.severity not in ERROR_SEVERITIES:
        _fail(f"{where}: unknown severity {error.severity!r} (one of {', '.join(ERROR_SEVERITIES)})")
    if error.status not in STATUSES:
        _fail(f"{where}: unknown status {error.status!r} (one of {', '.join(STATUSES)})")
    if not isinstance(error.confirmed_on, dt.date) or isinstance(error.confirmed_on, dt.datetime):
        _fail(f"{where}: confirmed_on must be a date, not {error.confirmed_on!r}")
    if not isinstance(error.especially_serious, bool):
        _fail(f"{where}: especially_serious must be true or false")
    if error.tier is not None and error.tier not in TIERS:
        _fail(f"{where}: unknown tier {error.tier!r} (one of {', '.join(TIERS)})")
    if error.leader is not None:
        if error.leader not in people:
            _fail(f"{where}: leader {error.leader!r} is not a known person")
        if people[error.leader].role != "leader":
            _fail(f"{where}: leader {error.leader!r} has role {people[error.leader].role!r}, not 'leader'")
        if error.leader == error.person:
            _fail(f"{where}: the person cannot be their own leader")
    if error.department_head is not None and error.department_head not in people:
        _fail(f"{where}: department head {error.department_head!r} is not a known person")


def index_pay(monthly_pay: Mapping[Id, Mapping[str, Decimal]], people: Mapping[Id, Person]) -> dict:
    index: dict[tuple[Id, str], Decimal] = {}
    for person, months in monthly_pay.items():
        if person not in people:
            _fail(f"monthly pay: person {person!r} is not a known person")
        for month, amount in months.items():
            if not isinstance(month, str) or not _MONTH_RE.match(month):
                _fail(f"monthly pay of {person!r}: month {month!r} is not YYYY-MM")
            if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
                _fail(f"monthly pay of {person!r} for {month}: must be a Decimal, not {amount!r}")
            amount = Decimal(amount)
            if not amount.is_finite() or amount < 0:
                _fail(f"monthly pay of {person!r} for {month}: must be a non-negative amount, not {amount}")
            if amount != quantize(amount):
                _fail(f"monthly pay of {person!r} for {month}: {amount} has more than two decimal places")
            index[(person, month)] = quantize(amount)
    return index
