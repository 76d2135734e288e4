"""The unit's 办理时限 table as data (issue 11 item 4): every change is a new version, never edited or deleted; the
latest version is in force. Validated by :class:`zeroerror.documents.timelimits.TimeLimitTable` before it is saved."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from zeroerror.org.models import Person, Unit


class TimeLimitVersionQuerySet(models.QuerySet):
    def of_unit(self, unit_id: int):
        return self.filter(unit_id=unit_id)

    def current(self, unit_id: int):
        return self.of_unit(unit_id).order_by("-number").first()


class TimeLimitVersion(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField("版本号")
    data = models.JSONField("时限表", help_text="TimeLimitTable.to_dict() 的完整表（中文键）")
    reason = models.CharField("修改说明", max_length=300)
    created_by = models.ForeignKey(Person, verbose_name="修改人", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("修改时间", default=timezone.now)

    objects = TimeLimitVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "办理时限表版本"
        verbose_name_plural = "办理时限表版本"
        ordering = ["unit", "-number"]
        constraints = [models.UniqueConstraint(fields=["unit", "number"], name="time_limit_version_unique")]

    def __str__(self) -> str:
        return f"办理时限表 第{self.number}版"
