"""What 安全保密 tells ``tracking.sources``: a tracked item or lead from a 涉密载体 (its return, a 清点 that missed
it) is seen through the item; a lead from a cross-network media use through the medium."""

from __future__ import annotations

from django.urls import reverse

from zeroerror.secrecy import access
from zeroerror.secrecy.models import ClassifiedItem, ItemEvent, MediumIncident, SafetyRound
from zeroerror.tracking import sources


def register_sources() -> None:
    sources.register(ClassifiedItem, visible=access.visible_items, url=access.item_url,
                     label=lambda i: f"涉密载体 {i.number}")
    sources.register(ItemEvent, visible=lambda p: ItemEvent.objects.filter(
        item__in=access.visible_items(p).values("pk")), url=lambda e: access.item_url(e.item),
        label=lambda e: f"涉密载体 {e.item.number}")
    sources.register(MediumIncident, visible=access.visible_incidents,
                     url=lambda i: reverse("secrecy:medium", args=[i.medium_id]),
                     label=lambda i: f"移动存储介质 {i.medium.number}")
    sources.register(SafetyRound, visible=access.visible_safety_rounds,
                     url=lambda r: reverse("secrecy:safety_round", args=[r.pk]), label=str)
