"""Evidence a verifier withholds from the accused until the decision (issue 9 item 11): the files are re-filed under
the lead's :class:`EvidenceSeal`, whose attachments only the verifiers may read while the lead awaits verification;
once it is decided, whoever may see the lead sees them too. Nothing is deleted or copied."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class EvidenceSeal(models.Model):
    lead = models.OneToOneField("errors.Lead", on_delete=models.PROTECT, related_name="evidence_seal")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "认定前不公开的证据"
        verbose_name_plural = "认定前不公开的证据"

    def __str__(self) -> str:
        return f"差错线索 #{self.lead_id} 认定前不公开的证据"
