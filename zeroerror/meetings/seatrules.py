"""Does a hand-adjusted seating still follow the protocol rules (clause 一(二)9)? Pure Python, no Django.

Manual changes are allowed — a guest from a superior body may be moved up, a leader may ask to sit elsewhere — but
one that breaks the podium order (No.1 and No.2 swapped), puts a podium member in the hall or a hall member on the
podium is named, so the office confirms it and the override is recorded with who made it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .seating import PODIUM, Attendee, Placement, PodiumSettings, SeatingError, arrange_podium


def deviations(placements: Iterable[Placement], attendees: Sequence[Attendee],
               podium: PodiumSettings | None = None) -> list[str]:
    """The departures from the protocol order, in Chinese, in a stable order (empty: by the rules)."""
    try:
        expected_rows = arrange_podium(attendees, podium or PodiumSettings())
    except SeatingError:
        return []  # the attendee list itself cannot be seated: the ordinary check reports it
    expected = {p.key: p for row in expected_rows for p in row}
    out: list[str] = []
    placed = list(placements)
    for p in placed:
        rule = expected.get(p.key)
        rank = f"（{rule.order}号）" if rule is not None and rule.order else ("（主持人）" if rule is not None else "")
        if rule is not None and p.seat.area != PODIUM:
            out.append(f"{p.name}是主席台人员{rank}，现安排在{p.seat.label()}")
        elif rule is not None and p.seat != rule.seat:
            out.append(f"主席台{p.name}{rank}按座次应在{rule.seat.label()}，现在{p.seat.label()}")
        elif rule is None and p.seat.area == PODIUM:
            out.append(f"{p.name}不是主席台人员，现安排在{p.seat.label()}")
    return out
