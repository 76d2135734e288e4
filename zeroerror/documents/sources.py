"""What 公文处理 tells ``tracking.sources``: a tracked item, lead or notification about a 收文 or 发文 is seen by whoever
may see the document (clause 一(一)3: a classified one only on its route), and named neutrally off it."""

from __future__ import annotations

from django.urls import reverse

from zeroerror.documents.actions.common import detail_url, label
from zeroerror.documents.models import Distribution, IncomingDocument, OutgoingDocument
from zeroerror.tracking import sources


def visible_distributions(person):
    return Distribution.objects.filter(document__in=OutgoingDocument.objects.visible_to(person).values("pk"))


def register_sources() -> None:
    for model in (IncomingDocument, OutgoingDocument):
        sources.register(model, visible=model.objects.visible_to, url=detail_url, label=label)
    sources.register(Distribution, visible=visible_distributions,
                     url=lambda d: reverse("documents:outgoing_detail", args=[d.document_id]),
                     label=lambda d: f"分发记录（#{d.pk}）")
