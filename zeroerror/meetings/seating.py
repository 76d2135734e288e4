"""Protocol seating (座次) for meetings — pure Python, no Django (clauses 一(二)7 and 一(二)9).

Conventions used throughout:

* A seat is ``(row, col)``; ``row`` 1 is the front row (nearest the other side: the podium's
  front row faces the hall, the hall's front row faces the stage); ``col`` 1 is the leftmost
  seat **as seen from the hall** (the audience's left, facing the stage). Charts are printed
  that way, with "面向主席台" on them.
* Protocol "left" (以左为上) is the leaders' own left as they sit facing the hall, which is the
  audience's right. So "No.2 on No.1's left" puts No.2 to the right of No.1 on the chart.

Main entry points: :func:`podium_order`, :func:`arrange_podium`, :func:`unit_sequence`,
:func:`arrange_hall`, :func:`arrange`, :func:`check_placements`,
:func:`proofread_names`; regeneration that keeps manual adjustments is :func:`zeroerror.meetings.reseat.rearrange`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from .hanzi import name_distance, normalize_name, pinyin_key, stroke_key

PODIUM = "podium"
HALL = "hall"
NO_UNIT = "未注明单位"


class SeatingError(ValueError):
    """The input cannot be seated; the message is Chinese and can be shown to the user."""


class TwoSeat(StrEnum):
    """n = 2 on the podium."""

    SECOND_ON_FIRSTS_LEFT = "second_on_firsts_left"  # standard rule; seen from the hall: 1 2
    FIRST_ON_LEFT = "first_on_left"  # No.1 on the leaders' left as they face the hall; seen: 2 1


class EvenRule(StrEnum):
    """Even n (n >= 4; n = 2 follows :class:`TwoSeat`)."""

    SECOND_ON_LEFT = "second_on_left"  # No.2 on No.1's left; seen from the hall: 7 5 3 1 2 4 6 8
    YI_YOU_YI_ZUO = "yi_you_yi_zuo"  # "一右一左": No.2 on No.1's right; seen: 8 6 4 2 1 3 5 7


class HostPosition(StrEnum):
    """Where the 主持人 sits on the podium."""

    BY_RANK = "by_rank"  # like everyone else, by protocol rank
    CENTRE = "centre"  # centre of the front row (takes No.1's place, everyone else moves down one)
    END_LEFT = "end_left"  # left end of the front row as seen from the hall
    END_RIGHT = "end_right"  # right end of the front row as seen from the hall


class UnitOrder(StrEnum):
    LIST = "list"  # the published list of units
    STROKES = "strokes"  # 笔画 of the unit name
    PINYIN = "pinyin"  # 拼音 of the unit name


class Fill(StrEnum):
    ROWS = "rows"  # 横排: units fill rows from the front backwards, each row left to right
    COLUMNS = "columns"  # 竖排: units fill columns left to right (facing the stage), each front to back
    CENTRE_OUT = "centre_out"  # 左右交错: rows front to back, each from the centre outwards alternating


@dataclass(frozen=True)
class Attendee:
    """A person to be seated. ``rank`` (1 = highest) puts the person on the podium."""

    key: str
    name: str
    unit: str = ""
    rank: int | None = None
    host: bool = False


@dataclass(frozen=True)
class PodiumSettings:
    """``row_sizes``: seats per podium row, front to back; the last size repeats; empty = one row."""

    row_sizes: tuple[int, ...] = ()
    two_seat: TwoSeat = TwoSeat.SECOND_ON_FIRSTS_LEFT
    even_rule: EvenRule = EvenRule.SECOND_ON_LEFT
    host_position: HostPosition = HostPosition.BY_RANK


@dataclass(frozen=True)
class Hall:
    """The audience seat grid. ``aisles_after``: an aisle runs right of these columns (drawing only).
    ``unavailable``: seats that must stay empty (pillar, reserved, broken)."""

    rows: int
    cols: int
    aisles_after: tuple[int, ...] = ()
    unavailable: frozenset[tuple[int, int]] = frozenset()

    def __post_init__(self) -> None:
        if self.rows < 1 or self.cols < 1:
            raise SeatingError("会场座位行数、列数必须大于零")

    def is_seat(self, row: int, col: int) -> bool:
        return 1 <= row <= self.rows and 1 <= col <= self.cols and (row, col) not in self.unavailable

    @property
    def capacity(self) -> int:
        return sum(1 for r in range(1, self.rows + 1) for c in range(1, self.cols + 1) if self.is_seat(r, c))


@dataclass(frozen=True)
class AudienceSettings:
    unit_order: UnitOrder = UnitOrder.LIST
    unit_list: tuple[str, ...] = ()
    fill: Fill = Fill.ROWS
    unit_starts_new_line: bool = False  # each unit begins a fresh row (横排, 交错) or column (竖排)
    centre_out_mirror: bool = False  # 交错: False = second seat to the right as seen from the hall


@dataclass(frozen=True)
class SeatRef:
    area: str
    row: int
    col: int

    def label(self) -> str:
        where = "主席台" if self.area == PODIUM else "会场"
        return f"{where}第{self.row}排第{self.col}座"


@dataclass(frozen=True)
class Placement:
    """A person in a seat. ``order`` is the podium precedence (1 = first) or None in the hall."""

    seat: SeatRef
    key: str
    name: str
    unit: str = ""
    order: int | None = None
    host: bool = False


@dataclass
class SeatingPlan:
    podium_rows: list[list[Placement]] = field(default_factory=list)  # front first, each left to right
    hall: Hall | None = None
    hall_placements: list[Placement] = field(default_factory=list)
    unit_sequence: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def placements(self) -> list[Placement]:
        return [p for row in self.podium_rows for p in row] + list(self.hall_placements)

    def seat_of(self, key: str) -> SeatRef | None:
        for p in self.placements:
            if p.key == key:
                return p.seat
        return None


# ---------------------------------------------------------------- podium


def podium_order(n: int, *, two_seat: TwoSeat = TwoSeat.SECOND_ON_FIRSTS_LEFT,
                 even_rule: EvenRule = EvenRule.SECOND_ON_LEFT) -> list[int]:
    """Precedence numbers of one podium row of ``n`` seats, as seen from the hall, left to right.

    Centre first; then alternating, No.2 on No.1's left (the audience's right).
    """
    if n < 0:
        raise SeatingError("主席台座位数不能为负数")
    odds = list(range(1, n + 1, 2))
    evens = list(range(2, n + 1, 2))
    standard = odds[::-1] + evens
    if n == 2:
        return [1, 2] if two_seat == TwoSeat.SECOND_ON_FIRSTS_LEFT else [2, 1]
    if n % 2 == 0 and even_rule == EvenRule.YI_YOU_YI_ZUO:
        return evens[::-1] + odds
    return standard


def _row_sizes(total: int, sizes: Sequence[int]) -> list[int]:
    if any(s < 1 for s in sizes):
        raise SeatingError("主席台每排座位数必须大于零")
    if not sizes:
        return [total] if total else []
    out: list[int] = []
    left = total
    i = 0
    while left > 0:
        size = sizes[min(i, len(sizes) - 1)]
        out.append(min(size, left))
        left -= out[-1]
        i += 1
    return out


def _podium_members(attendees: Sequence[Attendee], settings: PodiumSettings) -> tuple[list[Attendee], Attendee | None]:
    hosts = [a for a in attendees if a.host]
    if len(hosts) > 1:
        raise SeatingError("主持人只能有一位：" + "、".join(a.name for a in hosts))
    host = hosts[0] if hosts else None
    if host is not None and settings.host_position == HostPosition.BY_RANK:
        if host.rank is None:
            raise SeatingError(f"主持人{host.name}按座次就座，但没有座次号")
        host = None  # seated by rank like the others
    ranked = [a for a in attendees if a.rank is not None and a is not host]
    seen: dict[int, Attendee] = {}
    for a in ranked:
        if a.rank in seen:
            raise SeatingError(f"主席台座次号重复：{a.rank} 号同时给了 {seen[a.rank].name} 和 {a.name}")
        seen[a.rank] = a
    ranked.sort(key=lambda a: a.rank)
    return ranked, host


def arrange_podium(attendees: Iterable[Attendee], settings: PodiumSettings = PodiumSettings()) -> list[list[Placement]]:
    """Podium rows (front first), each as seen from the hall, left to right.

    Everyone with a ``rank`` (and the host, unless seated by rank) sits on the podium. Ranks must be
    distinct; gaps are allowed (they are only an order). Row 1 takes the first k in order, row 2 the
    next, each row by :func:`podium_order`.
    """
    attendees = list(attendees)
    ranked, host = _podium_members(attendees, settings)
    pos = settings.host_position
    sequence: list[Attendee] = [host, *ranked] if host is not None and pos == HostPosition.CENTRE else ranked
    total = len(sequence) + (1 if host is not None and pos in (HostPosition.END_LEFT, HostPosition.END_RIGHT) else 0)
    sizes = _row_sizes(total, settings.row_sizes)
    rows: list[list[Placement]] = []
    order = 0
    for r, size in enumerate(sizes, 1):
        at_end = r == 1 and host is not None and pos in (HostPosition.END_LEFT, HostPosition.END_RIGHT)
        k = size - 1 if at_end else size
        chunk, sequence = sequence[:k], sequence[k:]
        pattern = podium_order(k, two_seat=settings.two_seat, even_rule=settings.even_rule)
        seated: list[tuple[Attendee, int]] = [(chunk[p - 1], order + p) for p in pattern]
        order += k
        if at_end:
            seated.insert(0 if pos == HostPosition.END_LEFT else len(seated), (host, 0))
        rows.append([
            Placement(SeatRef(PODIUM, r, c), a.key, a.name, a.unit, o or None, host=a.host)
            for c, (a, o) in enumerate(seated, 1)
        ])
    return rows


# ---------------------------------------------------------------- audience


def unit_sequence(units: Iterable[str], settings: AudienceSettings = AudienceSettings()) -> tuple[list[str], list[str]]:
    """Units (deduplicated) in seating order, plus warnings (Chinese)."""
    seen: list[str] = []
    for u in units:
        u = u.strip() or NO_UNIT
        if u not in seen:
            seen.append(u)
    warnings: list[str] = []
    named = [u for u in seen if u != NO_UNIT]
    if settings.unit_order == UnitOrder.LIST:
        listed = [u.strip() for u in settings.unit_list]
        ordered = [u for u in dict.fromkeys(listed) if u in named]
        for u in named:
            if u not in ordered:
                warnings.append(f"单位“{u}”不在公布的单位顺序中，已排在末尾")
                ordered.append(u)
    elif settings.unit_order == UnitOrder.STROKES:
        ordered = sorted(named, key=stroke_key)
    else:
        ordered = sorted(named, key=pinyin_key)
    if NO_UNIT in seen:
        warnings.append("有参会人员未注明单位，已排在末尾，请核实")
        ordered.append(NO_UNIT)
    return ordered, warnings


def _centre_out(cols: list[int], mirror: bool) -> list[int]:
    pattern = podium_order(len(cols))
    if mirror:
        pattern = pattern[::-1]
    return [c for _, c in sorted(zip(pattern, cols, strict=True))]


def seat_lines(hall: Hall, settings: AudienceSettings = AudienceSettings()) -> list[list[tuple[int, int]]]:
    """The hall's seats in filling order, grouped in lines (rows, or columns for 竖排)."""
    if settings.fill == Fill.COLUMNS:
        lines = [[(r, c) for r in range(1, hall.rows + 1) if hall.is_seat(r, c)] for c in range(1, hall.cols + 1)]
    else:
        lines = []
        for r in range(1, hall.rows + 1):
            cols = [c for c in range(1, hall.cols + 1) if hall.is_seat(r, c)]
            if settings.fill == Fill.CENTRE_OUT:
                cols = _centre_out(cols, settings.centre_out_mirror)
            lines.append([(r, c) for c in cols])
    return [line for line in lines if line]


def arrange_hall(attendees: Iterable[Attendee], hall: Hall,
                 settings: AudienceSettings = AudienceSettings()) -> tuple[list[Placement], list[str], list[str]]:
    """Seat the audience by unit. Returns (placements, unit sequence, warnings).
    Within a unit people keep the order of the input list."""
    people = list(attendees)
    units, warnings = unit_sequence([a.unit for a in people], settings)
    by_unit: dict[str, list[Attendee]] = {u: [] for u in units}
    for a in people:
        by_unit[a.unit.strip() or NO_UNIT].append(a)
    lines = seat_lines(hall, settings)
    if len(people) > sum(len(line) for line in lines):
        raise SeatingError(f"会场座位不足：需要 {len(people)} 个，可用 {hall.capacity} 个")
    placements: list[Placement] = []
    li, si = 0, 0  # line index, seat index within the line
    for u in units:
        if settings.unit_starts_new_line and si > 0:
            li, si = li + 1, 0
        for a in by_unit[u]:
            while li < len(lines) and si >= len(lines[li]):
                li, si = li + 1, 0
            if li >= len(lines):
                raise SeatingError(f"会场座位不足：按单位分排后排不下“{u}”的 {a.name}")
            r, c = lines[li][si]
            si += 1
            placements.append(Placement(SeatRef(HALL, r, c), a.key, a.name, a.unit))
    placements.sort(key=lambda p: (p.seat.row, p.seat.col))
    return placements, units, warnings


def arrange(attendees: Iterable[Attendee], hall: Hall | None = None, *,
            podium: PodiumSettings = PodiumSettings(),
            audience: AudienceSettings = AudienceSettings()) -> SeatingPlan:
    """Whole plan: podium for the ranked (and host), the hall for everyone else.
    Run it again whenever attendance changes; the result is deterministic."""
    attendees = list(attendees)
    rows = arrange_podium(attendees, podium)
    on_podium = {p.key for row in rows for p in row}
    rest = [a for a in attendees if a.key not in on_podium]
    plan = SeatingPlan(podium_rows=rows, hall=hall)
    if rest:
        if hall is None:
            raise SeatingError(f"有 {len(rest)} 名参会人员未列入主席台，但未设定会场座位")
        plan.hall_placements, plan.unit_sequence, plan.warnings = arrange_hall(rest, hall, audience)
    return plan


# ---------------------------------------------------------------- manual adjustment and checks


@dataclass(frozen=True)
class Problem:
    code: str  # missing | duplicate | unknown | seat_clash | name_mismatch | no_seat
    message: str
    key: str | None = None


def check_placements(placements: Iterable[Placement], attendees: Iterable[Attendee],
                     hall: Hall | None = None) -> list[Problem]:
    """Check a (possibly hand-edited) arrangement against the attendee list: nobody missing, nobody
    seated twice, nobody unknown, no seat used twice, the printed name is the person's name, and every
    hall seat exists. Empty list = fine. Messages are Chinese, in a stable order."""
    placements = list(placements)
    people = {a.key: a for a in attendees}
    problems: list[Problem] = []
    seats_of: dict[str, list[Placement]] = {}
    for p in placements:
        seats_of.setdefault(p.key, []).append(p)
    for key, a in people.items():
        if key not in seats_of:
            unit = f"（{a.unit}）" if a.unit else ""
            problems.append(Problem("missing", f"漏排：{a.name}{unit}没有安排座位", key))
    for key, ps in seats_of.items():
        if key not in people:
            where = "、".join(p.seat.label() for p in ps)
            problems.append(Problem("unknown", f"错排：{where}上的“{ps[0].name}”不在参会人员名单中", key))
            continue
        if len(ps) > 1:
            where = "、".join(p.seat.label() for p in ps)
            problems.append(Problem("duplicate", f"重排：{people[key].name}被安排了 {len(ps)} 个座位（{where}）", key))
        for p in ps:
            if normalize_name(p.name) != normalize_name(people[key].name):
                problems.append(Problem("name_mismatch",
                                        f"姓名不符：{p.seat.label()}写的是“{p.name}”，名单上是“{people[key].name}”", key))
    by_seat: dict[SeatRef, list[Placement]] = {}
    for p in placements:
        by_seat.setdefault(p.seat, []).append(p)
        bad = p.seat.row < 1 or p.seat.col < 1 or (p.seat.area == HALL and hall is not None
                                                   and not hall.is_seat(p.seat.row, p.seat.col))
        if bad:
            problems.append(Problem("no_seat", f"座位不存在：{p.seat.label()}（{p.name}）", p.key))
    for seat, ps in by_seat.items():
        if len(ps) > 1:
            names = "、".join(p.name for p in ps)
            problems.append(Problem("seat_clash", f"座位冲突：{seat.label()}同时安排了{names}"))
    return problems


def swap(placements: Iterable[Placement], key_a: str, key_b: str) -> list[Placement]:
    """Exchange the seats of two people (manual adjustment); other placements unchanged."""
    placements = list(placements)
    seat = {p.key: p.seat for p in placements}
    if key_a not in seat or key_b not in seat:
        raise SeatingError("要交换座位的人员没有座位")
    out = []
    for p in placements:
        if p.key == key_a:
            p = replace(p, seat=seat[key_b])
        elif p.key == key_b:
            p = replace(p, seat=seat[key_a])
        out.append(p)
    return out


def move(placements: Iterable[Placement], key: str, seat: SeatRef) -> list[Placement]:
    """Put one person in another seat (manual adjustment); run :func:`check_placements` afterwards."""
    placements = list(placements)
    if not any(p.key == key for p in placements):
        raise SeatingError("要调整的人员没有座位")
    return [replace(p, seat=seat) if p.key == key else p for p in placements]


def changed_seats(old: SeatingPlan, new: SeatingPlan) -> list[str]:
    """What changed between two plans (after attendance changed): the cards and chart lines to redo."""
    before = {p.key: p for p in old.placements}
    after = {p.key: p for p in new.placements}
    out: list[str] = []
    for key, p in after.items():
        if key not in before:
            out.append(f"新增：{p.name} → {p.seat.label()}")
        elif before[key].seat != p.seat:
            out.append(f"调整：{p.name} {before[key].seat.label()} → {p.seat.label()}")
    for key, p in before.items():
        if key not in after:
            out.append(f"撤销：{p.name}（原{p.seat.label()}）")
    return out


# ---------------------------------------------------------------- name proofreading


@dataclass(frozen=True)
class NameFlag:
    printed: str
    suggestion: str | None
    distance: float | None
    message: str


def proofread_names(printed: Iterable[str], roster: Iterable[str]) -> list[NameFlag]:
    """Flag every printed name that matches no roster name (whitespace ignored), with the closest
    roster name as ``suggestion`` (homophones count as closer; ties go to the first in 字 order).
    Names that match return nothing; the order of the flags is the order of ``printed``."""
    known = sorted({normalize_name(n): n for n in roster if normalize_name(n)}.items())
    exact = {k for k, _ in known}
    flags: list[NameFlag] = []
    for name in printed:
        norm = normalize_name(name)
        if norm in exact:
            continue
        if not known:
            flags.append(NameFlag(name, None, None, f"“{name}”无法核对：人员名册为空"))
            continue
        best_d, _, best = min((name_distance(norm, k), k, orig) for k, orig in known)
        if best_d <= max(1.0, len(norm) / 2):
            msg = f"“{name}”与人员名册不符，是否应为“{best}”？"
        else:
            msg = f"“{name}”不在人员名册中（最接近的是“{best}”），请核实"
        flags.append(NameFlag(name, best, best_d, msg))
    return flags


def proofread_plan(plan: SeatingPlan, roster: Iterable[str]) -> list[NameFlag]:
    """Proofread every name that will be printed on the chart and the name cards."""
    return proofread_names([p.name for p in plan.placements], roster)
