"""Pure rules of 环境 (no Django): which cleaning rounds a place owes on a day (clauses 一(八)1, 2).

* 会议室、接待室: 一日一清 — one round a day, and one right after every meeting (一(八)1);
* 领导办公室: at least twice a day, and right after a visitor or a meeting (一(八)2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

DEFAULT_SLOTS = {
    "meeting_room": ("08:00",),
    "reception_room": ("08:00",),
    "leader_office": ("07:50", "14:10"),
}
MIN_DAILY_ROUNDS = {"meeting_room": 1, "reception_room": 1, "leader_office": 2}
CLAUSE = {"meeting_room": "一(八)1", "reception_room": "一(八)1", "leader_office": "一(八)2"}
# how long a round may take before it counts as missed
DAILY_WINDOW = timedelta(minutes=90)
AFTER_WINDOW = timedelta(minutes=30)


def parse_slot(text: str) -> time:
    """'08:00' → time(8, 0); anything else raises ValueError with a Chinese message."""
    try:
        hour, minute = (int(part) for part in text.strip().split(":"))
        return time(hour, minute)
    except (ValueError, TypeError):
        raise ValueError(f"时间“{text}”格式应为 时:分，如 08:00。") from None


def slots_problem(kind: str, slots: list[str]) -> str | None:
    """Why a place of ``kind`` cannot be cleaned on these daily slots, or None."""
    try:
        times = sorted({parse_slot(s) for s in slots})
    except ValueError as exc:
        return str(exc)
    need = MIN_DAILY_ROUNDS.get(kind, 1)
    if len(times) < need:
        label = "领导办公室每日至少打扫两次（一(八)2）。" if need == 2 else "会议室和接待室每日至少清扫一次（一(八)1）。"
        return label
    return None


@dataclass(frozen=True)
class Slot:
    starts: datetime
    due: datetime


def daily_slots(day: date, slots: list[str], tz) -> list[Slot]:
    result = []
    for text in sorted(set(slots)):
        start = datetime.combine(day, parse_slot(text), tzinfo=tz)
        result.append(Slot(start, start + DAILY_WINDOW))
    return result


def after_slot(ended_at: datetime) -> Slot:
    """Right after a meeting or visit: from its end, within half an hour."""
    return Slot(ended_at, ended_at + AFTER_WINDOW)
