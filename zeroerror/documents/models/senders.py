"""The directory of 来文机关 (issue 11 2(a)): each sending organ once, with the abbreviations it is also written
under (青川县卫健局 for 青川县卫生健康局). 签收 and 登记 store the canonical name, so the same 文号 from one organ is
caught as a duplicate however the clerk typed the organ."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from zeroerror.org.models import Person, Unit


def squeeze(name: str) -> str:
    return "".join((name or "").split())


class SenderOrganQuerySet(models.QuerySet):
    def of_unit(self, unit_id: int):
        return self.filter(unit_id=unit_id)

    def active(self):
        return self.filter(active=True)

    def matching(self, unit_id: int, name: str) -> SenderOrgan | None:
        """The organ whose name or one of whose aliases is ``name`` (spaces ignored)."""
        name = squeeze(name)
        return next((o for o in self.of_unit(unit_id).active() if name in o.names), None) if name else None


class SenderOrgan(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("来文机关（规范全称）", max_length=100)
    aliases = models.JSONField("简称和别名", default=list, blank=True)
    active = models.BooleanField("启用", default=True)
    created_by = models.ForeignKey(Person, verbose_name="登记人", null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("登记时间", default=timezone.now)

    objects = SenderOrganQuerySet.as_manager()

    class Meta:
        verbose_name = "来文机关"
        verbose_name_plural = "来文机关"
        ordering = ["unit", "name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="sender_organ_unique_per_unit")]

    def __str__(self) -> str:
        return self.name

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]
