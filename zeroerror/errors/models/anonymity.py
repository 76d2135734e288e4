"""匿名举报: the sealed identity of an anonymous reporter, and the queue through which an anonymous report (and any
evidence the reporter adds later) is registered at the next batch time, decoupled from the reporter's session.

Nothing an anonymous reporter does is stored with their name, account, address, session or the moment they acted:

* the report and later evidence wait in :class:`AnonymousSubmission` — which holds the batch time they will be
  registered at, never the time they were sent — and are registered by ``zeroerror tick`` at that batch time under
  the system actor, with no address, in random order; the lead, its timeline, its files and its audit records
  carry the batch time;
* the reporter follows the case and adds evidence with the 查询码 given once at submission; only a digest of it is
  kept, on the lead;
* who reported is kept in :class:`SealedIdentity` alone, which only the 绩效办负责人 may open, each opening audited.
"""

from __future__ import annotations

import json

from django.db import models

from zeroerror.org.models import Person


class SealedIdentity(models.Model):
    """The only link between an anonymous report and its reporter. ``identity`` is plain text (JSON) in its own
    table so that the encrypted field type (issue 10) can wrap it without touching anything else."""

    lead = models.OneToOneField("errors.Lead", on_delete=models.PROTECT, related_name="sealed_identity")
    identity = models.TextField()

    class Meta:
        verbose_name = "匿名举报人身份（密封）"
        verbose_name_plural = "匿名举报人身份（密封）"

    def __str__(self) -> str:
        return f"差错线索 #{self.lead_id} 的匿名举报人（密封）"

    @staticmethod
    def seal(person: Person) -> str:
        return json.dumps({"person": person.pk, "name": person.name, "username": person.user.get_username()},
                          ensure_ascii=False)

    @property
    def person_id(self) -> int | None:
        return json.loads(self.identity).get("person")

    @property
    def name(self) -> str:
        return json.loads(self.identity).get("name", "")

    @property
    def username(self) -> str:
        return json.loads(self.identity).get("username", "")


class SubmissionKind(models.TextChoices):
    REPORT = "report", "匿名举报"
    EVIDENCE = "evidence", "补充证据"


class AnonymousSubmissionQuerySet(models.QuerySet):
    def due(self, now):
        return self.filter(due_at__lte=now)


class AnonymousSubmission(models.Model):
    """A queued anonymous report or piece of evidence (deleted once registered: the lead, its files and the sealed
    identity are the record). Holds no submission time, only the batch time ``due_at``."""

    kind = models.CharField(max_length=10, choices=SubmissionKind.choices)
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    lead = models.ForeignKey("errors.Lead", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    payload = models.JSONField(default=dict)
    files = models.JSONField(default=list)
    identity = models.TextField(blank=True)
    receipt_digest = models.CharField(max_length=64, blank=True, db_index=True)
    due_at = models.DateTimeField(db_index=True)

    objects = AnonymousSubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = "待登记的匿名材料"
        verbose_name_plural = "待登记的匿名材料"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}（{self.due_at:%Y-%m-%d %H:%M} 登记）"
