"""Of a document of either kind: its route (流转范围, who may see a classified one) and its 流转记录 timeline."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.documents.models.incoming import IncomingDocument
from zeroerror.documents.models.outgoing import OutgoingDocument
from zeroerror.org.models import Person


class RouteEntry(models.Model):
    """A person on a document's route: who may see a classified document (clause 一(一)3)."""

    outgoing = models.ForeignKey(OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="route")
    incoming = models.ForeignKey(IncomingDocument, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="route")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField("经办环节", max_length=50)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "流转范围"
        verbose_name_plural = "流转范围"
        ordering = ["added_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(outgoing__isnull=True) ^ Q(incoming__isnull=True),
                                   name="routeentry_one_document"),
            models.UniqueConstraint(fields=["outgoing", "person"], name="routeentry_unique_outgoing"),
            models.UniqueConstraint(fields=["incoming", "person"], name="routeentry_unique_incoming"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.reason}"


class FlowEvent(models.Model):
    """One line of the 流转记录 (timeline) of a document."""

    outgoing = models.ForeignKey(OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="events")
    incoming = models.ForeignKey(IncomingDocument, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    step = models.CharField("环节", max_length=30)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(outgoing__isnull=True) ^ Q(incoming__isnull=True),
                                   name="flowevent_one_document"),
        ]

    def __str__(self) -> str:
        return self.step
