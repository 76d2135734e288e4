"""The weekly sheet of rounds (pure: no Django) — one row per place, one column per day, each cell the rounds of
that day as "time ✓ who" or "✗". Used by the weekly sheets of 环境 (cleaning) and 安全保密 (fire and theft checks)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Mark:
    """One round as the sheet shows it."""

    day: date
    time: str  # HH:MM the round began
    label: str  # e.g. 日常保洁, 会后清理
    state: str  # done / late / missed / pending / cancelled
    who: str = ""
    done_time: str = ""

    @property
    def text(self) -> str:
        if self.state in ("done", "late"):
            late = "（补）" if self.state == "late" else ""
            return f"{self.time} {self.label} ✓{self.done_time} {self.who}{late}".strip()
        if self.state == "missed":
            return f"{self.time} {self.label} ✗未做"
        if self.state == "cancelled":
            return f"{self.time} {self.label} 取消"
        return f"{self.time} {self.label} ○"


@dataclass
class Row:
    name: str
    cells: list[list[Mark]] = field(default_factory=list)

    def texts(self) -> list[str]:
        return ["\n".join(m.text for m in cell) for cell in self.cells]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def monday_from(raw: str, today: date) -> date:
    """The Monday of the week a ``?week=YYYY-MM-DD`` parameter names; this week for anything unreadable."""
    try:
        day = date.fromisoformat(raw) if raw else today
    except ValueError:
        day = today
    if not 2000 <= day.year <= 2100:
        day = today
    return monday_of(day)


def state_of(status: str, late: bool) -> str:
    """A round's state on the sheet: its status ("done" split into on time and late)."""
    if status == "done":
        return "late" if late else "done"
    return status


def week_days(monday: date) -> list[date]:
    return [monday + timedelta(days=i) for i in range(7)]


def day_headers(monday: date) -> list[str]:
    return [f"{d:%m-%d} 周{WEEKDAYS[d.weekday()]}" for d in week_days(monday)]


def build(names: Iterable[str], marks: Iterable[tuple[str, Mark]], monday: date) -> list[Row]:
    """Rows for ``names`` (in order) from ``(name, mark)`` pairs; marks outside the week are ignored."""
    days = week_days(monday)
    index = {d: i for i, d in enumerate(days)}
    rows = {name: Row(name, [[] for _ in days]) for name in names}
    for name, mark in marks:
        if name in rows and mark.day in index:
            rows[name].cells[index[mark.day]].append(mark)
    for row in rows.values():
        for cell in row.cells:
            cell.sort(key=lambda m: m.time)
    return list(rows.values())


def totals(rows: Iterable[Row]) -> dict[str, int]:
    counts = {"done": 0, "late": 0, "missed": 0, "pending": 0, "cancelled": 0}
    for row in rows:
        for cell in row.cells:
            for mark in cell:
                counts[mark.state] = counts.get(mark.state, 0) + 1
    return counts
