"""The 用印登记簿 (clause 一(六)4): one append-only row per use of a seal, with the request it rests on (clause
一(六)2), the custodian who applied it (clause 一(六)3) and its safe-return confirmation (clause 一(六)6). Refused
attempts are kept for the 差错 they propose."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from zeroerror.org.models import Person, Unit
from zeroerror.seals.models.appendonly import AppendOnly
from zeroerror.seals.models.seals import Seal, SealRequest


class SealUseKind(models.TextChoices):
    USE = "use", "用印"
    CORRECTION = "correction", "更正"


class SealUseQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def uses(self):
        return self.filter(kind=SealUseKind.USE)

    def in_year(self, year: int):
        return self.filter(year=year)

    def unreturned(self):
        """Uses whose seal has not been confirmed locked in the safe."""
        return self.uses().filter(safe_return__isnull=True)

    def with_related(self):
        return self.select_related("seal", "requester", "requester__department", "approver", "custodian",
                                   "corrects", "safe_return", "safe_return__confirmed_by", "request")


class SealUse(AppendOnly):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    number = models.PositiveIntegerField("登记号")
    kind = models.CharField("类别", max_length=20, choices=SealUseKind.choices, default=SealUseKind.USE)
    seal = models.ForeignKey(Seal, verbose_name="印章", on_delete=models.PROTECT, related_name="uses")
    request = models.ForeignKey(SealRequest, verbose_name="用印申请", on_delete=models.PROTECT, related_name="uses")
    used_at = models.DateTimeField("用印时间")
    document = models.CharField("用印文件名称", max_length=200)
    copies = models.PositiveIntegerField("份数")
    purpose = models.CharField("用印事由", max_length=300)
    requester = models.ForeignKey(Person, verbose_name="申请人", on_delete=models.PROTECT, related_name="+")
    approver = models.ForeignKey(Person, verbose_name="批准人", on_delete=models.PROTECT, related_name="+")
    custodian = models.ForeignKey(Person, verbose_name="监印人", on_delete=models.PROTECT, related_name="+")
    note = models.CharField("备注", max_length=300, blank=True)
    corrects = models.ForeignKey("self", verbose_name="更正的登记", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="corrections")
    reason = models.CharField("更正说明", max_length=300, blank=True)
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)

    objects = SealUseQuerySet.as_manager()

    class Meta:
        verbose_name = "用印登记"
        verbose_name_plural = "用印登记簿"
        ordering = ["year", "number"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "number"], name="seals_use_unique_number"),
            models.CheckConstraint(condition=models.Q(copies__gte=1), name="seals_use_copies_positive"),
        ]
        indexes = [models.Index(fields=["unit", "used_at"])]

    def __str__(self) -> str:
        return f"用印登记 {self.year}-{self.number:04d}"

    @property
    def label(self) -> str:
        return f"{self.year}-{self.number:04d}"


class SafeReturn(AppendOnly):
    """一(六)6: the custodian confirms the seal is locked in the safe after the use."""

    use = models.OneToOneField(SealUse, verbose_name="用印登记", on_delete=models.PROTECT, related_name="safe_return")
    confirmed_by = models.ForeignKey(Person, verbose_name="确认人", on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField("确认时间", default=timezone.now)
    late = models.BooleanField("逾时确认", default=False)

    class Meta:
        verbose_name = "印章入柜确认"
        verbose_name_plural = "印章入柜确认"


class RefusedUseQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)


class RefusedUse(AppendOnly):
    """An attempt to record a use without an approved request, or for more copies than approved: refused, kept as
    the source of the proposed 差错 (clause 一(六)2)."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    seal = models.ForeignKey(Seal, verbose_name="印章", on_delete=models.PROTECT, related_name="+")
    request = models.ForeignKey(SealRequest, verbose_name="用印申请", null=True, on_delete=models.PROTECT,
                                related_name="+")
    person = models.ForeignKey(Person, verbose_name="登记人", on_delete=models.PROTECT, related_name="+")
    copies = models.PositiveIntegerField("份数")
    document = models.CharField("用印文件名称", max_length=200, blank=True)
    message = models.CharField("拒绝原因", max_length=300)
    attempted_at = models.DateTimeField("时间", default=timezone.now)

    objects = RefusedUseQuerySet.as_manager()

    class Meta:
        verbose_name = "被拒绝的用印登记"
        verbose_name_plural = "被拒绝的用印登记"
        ordering = ["-attempted_at"]

    def __str__(self) -> str:
        return f"未经批准的用印：{self.seal}"
