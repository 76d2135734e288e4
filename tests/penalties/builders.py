"""Small builders for the penalty engine tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from zeroerror.penalties.engine import ErrorRecord, Person, Result


def person(pid: str, role: str = "staff", leader: str | None = None, head: str | None = None) -> Person:
    return Person(id=pid, role=role, leader=leader, department_head=head)


def error(eid, who: str, severity: str, day: str, status: str = "confirmed", especially: bool = False,
          **overrides) -> ErrorRecord:
    return ErrorRecord(
        id=eid, person=who, severity=severity, confirmed_on=dt.date.fromisoformat(day), status=status,
        especially_serious=especially, **overrides,
    )


def pay(**by_person: dict[str, str | int]) -> dict[str, dict[str, Decimal]]:
    return {p: {m: Decimal(str(v)) for m, v in months.items()} for p, months in by_person.items()}


def series(who: str, severity: str, n: int, month: str = "2026-07", prefix: str = "e") -> list[ErrorRecord]:
    """n errors of one person and severity on consecutive days of a month: ids e01, e02, ..."""
    return [error(f"{prefix}{i:02d}", who, severity, f"{month}-{i:02d}") for i in range(1, n + 1)]


def amounts(result: Result, who: str) -> dict:
    """error id -> amount of the person's entries."""
    return {e.error: e.amount for e in result.entries if e.person == who}


def codes(result: Result, error_id, who: str | None = None) -> list[str]:
    return [m.code for m in result.measures if m.error == error_id and (who is None or m.person == who)]
