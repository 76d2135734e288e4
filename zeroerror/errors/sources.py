"""What 差错考核 tells ``tracking.sources``: who may see its leads, measures and inspection items, so that the tracked
items, notifications and links derived from them follow the errors access rules (colleagues see nothing)."""

from __future__ import annotations

from django.urls import reverse

from zeroerror.errors import access
from zeroerror.errors.models import InspectionItem, Lead, MeasureRecord
from zeroerror.tracking import sources


def register_sources() -> None:
    sources.register(Lead, visible=access.visible_leads, url=lambda lead: lead.get_absolute_url(),
                     label=lambda lead: f"差错线索 #{lead.pk}")
    # a measure's page is its error's; the label names the measure, not the person or the clause
    sources.register(MeasureRecord, visible=access.visible_measures,
                     url=lambda m: reverse("errors:detail", args=[m.error_id]),
                     label=lambda m: f"差错线索 #{m.error_id} 的处理措施")
    # the checklist is the verifiers' working paper
    sources.register(InspectionItem, visible=access.visible_inspection_items,
                     url=lambda item: reverse("errors:inspection_detail", args=[item.inspection_id]),
                     label=lambda item: f"内部检查：{item.inspection.title}")
