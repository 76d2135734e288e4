"""Panels on the 政务接待 home page that other apps contribute (公务用车 adds today's trips and sealed vehicles).

An app registers a function from its ``AppConfig.ready()``::

    from zeroerror.reception.panels import Panel, register_panel

    @register_panel
    def trips_today(person) -> Panel | None:
        trips = visible_trips(person).today()            # unit-scoped, what this person may see
        return Panel("今日出车", "vehicles/_home_panel.html", {"trips": trips}, order=10)

The home page calls every registered function with the reader (a ``Person``) and shows the panels that are not
None, by ``order``, each as a card titled ``title`` that includes ``template`` with ``panel`` (the Panel itself,
so the template reads ``panel.context.trips``). A function decides itself who sees its panel (return None to show
nothing) and must keep its query count constant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Panel:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


PanelFn = Callable[[object], Panel | None]

_panels: list[PanelFn] = []


def register_panel(fn: PanelFn) -> PanelFn:
    """Add a panel function (idempotent: registering the same function twice shows it once)."""
    if fn not in _panels:
        _panels.append(fn)
    return fn


def panels_for(person) -> list[Panel]:
    """The panels ``person`` sees on the 政务接待 home, in ``order``."""
    found = [panel for fn in _panels if (panel := fn(person)) is not None]
    return sorted(found, key=lambda p: p.order)
