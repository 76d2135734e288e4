"""What 公务用车 tells ``tracking.sources``: a lead from an unapproved holiday trip is seen by whoever may see the
trip; a lead from a cost at a non-designated provider by whoever may see the costs; a sealing round's tracked item
and a seal's lead by the unit (the 封存 list is public inside the unit)."""

from __future__ import annotations

from django.urls import reverse

from zeroerror.tracking import sources
from zeroerror.vehicles import access
from zeroerror.vehicles.models import Cost, Seal, SealingRound, Trip


def register_sources() -> None:
    sources.register(Trip, visible=access.visible_trips, url=access.trip_url,
                     label=lambda t: f"用车记录：{t.vehicle.plate} {t.purpose}")
    sources.register(Cost, visible=access.visible_costs, url=lambda c: access.vehicle_url(c.vehicle),
                     label=lambda c: f"车辆费用：{c.vehicle.plate} {c.get_kind_display()}")
    sources.register(SealingRound, visible=access.visible_rounds,
                     url=lambda r: reverse("vehicles:round", args=[r.pk]), label=str)
    sources.register(Seal, visible=access.visible_seals,
                     url=lambda s: reverse("vehicles:round", args=[s.round_id]),
                     label=lambda s: f"车辆封存：{s.vehicle.plate} {s.round.name}")
