"""Regeneration of a seating plan that keeps manual adjustments (pure Python, no Django; clauses 一(二)7, 9).

When attendance changes, people who still attend keep their seats, leavers leave free seats, newcomers are seated by
the protocol rules in free seats, and a podium order conflict is reported instead of silently reshuffled.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from zeroerror.meetings.seating import (
    HALL,
    NO_UNIT,
    PODIUM,
    Attendee,
    AudienceSettings,
    Hall,
    Placement,
    PodiumSettings,
    SeatingError,
    SeatingPlan,
    SeatRef,
    arrange_podium,
    podium_order,
    seat_lines,
    unit_sequence,
)

DEFAULT_PODIUM = PodiumSettings()
DEFAULT_AUDIENCE = AudienceSettings()


def _podium_designated(p: Placement) -> bool:
    """Placed as a podium member (by rank, or the host) — wherever a manual swap has since put them."""
    return p.order is not None or p.host


def _free_podium_seat(taken: set[tuple[int, int]], sizes: Sequence[int]) -> SeatRef:
    """The first free podium seat: a vacated seat of the front-most row (by that row's precedence, centre first),
    else one more seat at the row's right end (as seen from the hall) while the row has room, else a new row."""
    last = max((r for r, _ in taken), default=0)
    for r in range(1, last + 2):
        width = max((c for row, c in taken if row == r), default=0)
        precedence = podium_order(width)
        gaps = sorted((c for c in range(1, width + 1) if (r, c) not in taken), key=lambda c: precedence[c - 1])
        if gaps:
            return SeatRef(PODIUM, r, gaps[0])
        limit = sizes[min(r - 1, len(sizes) - 1)] if sizes else None
        if limit is None or width < limit:
            return SeatRef(PODIUM, r, width + 1)
    raise AssertionError("unreachable: a new row always has room")


def _hall_seat_for(unit: str, units: list[str], flat: list[tuple[int, int]], occupied: dict[tuple[int, int], str]
                   ) -> tuple[int, bool]:
    """Fill-order index of the free hall seat for a newcomer of ``unit``, and whether it adjoins the unit's people.
    Inside the unit's block (a seat someone left) first, then the nearest seat after it, then before it; a unit
    with nobody seated yet goes after the units that precede it in the unit order."""
    free = [i for i, s in enumerate(flat) if s not in occupied]
    if not free:
        raise SeatingError("会场座位不足：没有空座安排新增参会人员")
    mine = [i for i, s in enumerate(flat) if occupied.get(s) == unit]
    if mine:
        lo, hi = min(mine), max(mine)

        def distance(i: int) -> tuple[int, bool, int]:
            return (0 if lo <= i <= hi else (i - hi if i > hi else lo - i)), i < lo, i

        best = min(free, key=distance)
        return best, lo - 1 <= best <= hi + 1
    before = set(units[:units.index(unit)]) if unit in units else set(units)
    anchor = max((i for i, s in enumerate(flat) if occupied.get(s) in before), default=-1) + 1
    return min(free, key=lambda i: (abs(i - anchor), i < anchor, i)), True


def rearrange(previous: SeatingPlan, attendees: Iterable[Attendee], hall: Hall | None = None, *,
              podium: PodiumSettings = DEFAULT_PODIUM,
              audience: AudienceSettings = DEFAULT_AUDIENCE) -> SeatingPlan:
    """Regenerate after attendance changed **without undoing manual adjustments** (the alternative to a fresh
    :func:`arrange`).

    * Everyone who still attends keeps the seat of ``previous`` exactly (podium or hall, swapped or moved by
      hand); name (a deputy), unit and podium precedence are refreshed.
    * The seat of someone who no longer attends stays free; nobody else moves.
    * Newcomers are seated by the rules into free seats: podium members at the seat a fresh arrangement would
      give them when it is free, else the best free podium seat; the hall by unit, next to their unit's people.
      Someone newly put on (or taken off) the podium counts as a newcomer there.
    * When the change would alter the podium's protocol order (a fresh arrangement would seat someone already
      seated elsewhere, or a newcomer cannot have their protocol seat), the plan's warnings say so, with the
      order a fresh generation would give; the podium is not reshuffled.
    """
    attendees = list(attendees)
    people = {a.key: a for a in attendees}
    ideal_rows = arrange_podium(attendees, podium)
    ideal = {p.key: p for row in ideal_rows for p in row}
    notes: list[str] = []
    kept: list[Placement] = []
    seen: set[str] = set()
    vacated: list[Placement] = []
    for p in previous.placements:
        a = people.get(p.key)
        if a is None or p.key in seen:
            if a is None:
                vacated.append(p)
            continue
        if _podium_designated(p) != (p.key in ideal):
            vacated.append(p)
            continue  # on to (or off) the podium: seated anew below
        if p.seat.area == HALL and (hall is None or not hall.is_seat(p.seat.row, p.seat.col)):
            notes.append(f"{a.name}原座位（{p.seat.label()}）已不存在，已重新安排")
            continue
        seen.add(p.key)
        q = ideal.get(p.key)
        kept.append(replace(p, name=a.name, unit=a.unit, order=q.order if q else None,
                            host=q.host if q else False))

    # podium
    taken = {(p.seat.row, p.seat.col) for p in kept if p.seat.area == PODIUM}
    newcomers = sorted((p for p in ideal.values() if p.key not in seen), key=lambda p: (p.seat.row, p.order or 0))
    placed: list[Placement] = []
    off_protocol: list[str] = []
    for q in newcomers:
        seat = q.seat
        if (seat.row, seat.col) in taken:
            seat = _free_podium_seat(taken, podium.row_sizes)
            off_protocol.append(f"{q.name}暂安排在{seat.label()}")
        taken.add((seat.row, seat.col))
        placed.append(replace(q, seat=seat))
    before_members = {}
    for p in previous.placements:
        if _podium_designated(p):
            before_members.setdefault(p.key, Attendee(p.key, p.name, p.unit, rank=p.order, host=p.host))
    try:
        before = {p.key: p.seat for row in arrange_podium(before_members.values(), podium) for p in row}
    except SeatingError:
        before = {}
    reshuffle = any(before[k] != q.seat for k, q in ideal.items() if k in before)
    podium_changed = set(before_members) != set(ideal)
    if podium_changed and (reshuffle or off_protocol):
        order = "；".join(f"第{r}排 " + "、".join(p.name for p in row) for r, row in enumerate(ideal_rows, 1))
        gone = [f"{p.seat.label()}（原{p.name}）" for p in vacated
                if p.seat.area == PODIUM and (p.seat.row, p.seat.col) not in taken]
        parts = [f"主席台人员有变动，礼宾次序随之改变：按座次从台下看自左至右应为 {order}。",
                 "为保留已有的人工调整，现有人员座位未动"]
        if off_protocol:
            parts.append("，" + "，".join(off_protocol))
        if gone:
            parts.append("，空出" + "、".join(gone))
        parts.append("。如需按礼宾次序重排主席台，请重新生成座位表。")
        notes.append("".join(parts))

    # hall
    seated = kept + placed
    on_podium = set(ideal)
    rest = [a for a in attendees if a.key not in on_podium]
    units, unit_warnings = unit_sequence([a.unit for a in rest], audience)
    hall_new = [a for a in rest if a.key not in seen]
    if hall_new:
        if hall is None:
            raise SeatingError(f"有 {len(hall_new)} 名参会人员未列入主席台，但未设定会场座位")
        flat = [s for line in seat_lines(hall, audience) for s in line]
        occupied = {(p.seat.row, p.seat.col): (p.unit.strip() or NO_UNIT) for p in seated if p.seat.area == HALL}
        rank = {u: i for i, u in enumerate(units)}
        for a in sorted(hall_new, key=lambda a: rank[a.unit.strip() or NO_UNIT]):
            unit = a.unit.strip() or NO_UNIT
            i, adjoining = _hall_seat_for(unit, units, flat, occupied)
            seat = SeatRef(HALL, *flat[i])
            occupied[flat[i]] = unit
            seated.append(Placement(seat, a.key, a.name, a.unit))
            if not adjoining:
                notes.append(f"{a.name}（{unit}）未能与本单位人员相邻就座，暂安排在{seat.label()}")
    podium_rows: dict[int, list[Placement]] = {}
    for p in seated:
        if p.seat.area == PODIUM:
            podium_rows.setdefault(p.seat.row, []).append(p)
    hall_placements = sorted((p for p in seated if p.seat.area == HALL), key=lambda p: (p.seat.row, p.seat.col))
    return SeatingPlan(
        podium_rows=[sorted(podium_rows[r], key=lambda p: p.seat.col) for r in sorted(podium_rows)],
        hall=hall, hall_placements=hall_placements, unit_sequence=units, warnings=unit_warnings + notes,
    )


