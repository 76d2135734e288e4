"""What 环境 tells ``tracking.sources``: a missed round's tracked item (and a lead when it goes overdue) is seen by
whoever may see the round — the office, the unit-wide roles, the cleaners on the rota and the leader whose office
it is."""

from __future__ import annotations

from zeroerror.facilities import access
from zeroerror.facilities.models import CleaningRound
from zeroerror.tracking import sources


def register_sources() -> None:
    sources.register(CleaningRound, visible=access.visible_rounds, url=access.round_url, label=str)
