"""The gap-free 发文字号 register: the per-机关代字 sequence and every number ever issued (void ones kept)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.documents.docnumber import DocumentKind
from zeroerror.documents.models.outgoing import OutgoingDocument
from zeroerror.org.models import Person, Unit


class AgencyCodeQuerySet(models.QuerySet):
    def of_unit(self, unit_id: int):
        return self.filter(unit_id=unit_id)

    def active(self):
        return self.filter(active=True)

    def for_kind(self, unit_id: int, kind: str) -> list[AgencyCode]:
        """The active 代字 of the unit for ``kind``: those naming it; else the general ones (no 文种 named)."""
        codes = list(self.of_unit(unit_id).active().order_by("code"))
        return [c for c in codes if kind in c.kinds] or [c for c in codes if not c.kinds]


class AgencyCode(models.Model):
    """A 机关代字 of the unit (青医发, 青医函, 青医办…) with the 文种 it is used for and the 发文机关标志 (版头) that
    goes with it. Configured by the 办公室主任; a 代字 once used is retired (``active=False``), never deleted."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    code = models.CharField("机关代字", max_length=20)
    kinds = models.JSONField("适用文种", default=list, blank=True, help_text="不选表示适用于未另行指定代字的所有文种")
    mark = models.CharField("发文机关标志（版头）", max_length=100, blank=True,
                            help_text="如“青川县人民医院文件”；函、纪要按格式自动去掉“文件”")
    active = models.BooleanField("启用", default=True)
    created_by = models.ForeignKey(Person, verbose_name="设置人", null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("设置时间", default=timezone.now)

    objects = AgencyCodeQuerySet.as_manager()

    class Meta:
        verbose_name = "机关代字"
        verbose_name_plural = "机关代字"
        ordering = ["unit", "code"]
        constraints = [models.UniqueConstraint(fields=["unit", "code"], name="agency_code_unique_per_unit")]

    def __str__(self) -> str:
        return self.code

    @property
    def kinds_display(self) -> str:
        labels = [DocumentKind(k).label for k in self.kinds if k in DocumentKind._value2member_map_]
        return "、".join(labels) or "其他文种"

    def allows(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds


class DocumentNumberSequence(models.Model):
    """The last 序号 issued per 机关代字 per year; its row is locked while a number is assigned."""

    agency_code = models.CharField("机关代字", max_length=20)
    year = models.PositiveIntegerField("年份")
    last = models.PositiveIntegerField("已用至", default=0)

    class Meta:
        verbose_name = "发文字号序列"
        verbose_name_plural = "发文字号序列"
        constraints = [models.UniqueConstraint(fields=["agency_code", "year"], name="docnumber_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.agency_code}〔{self.year}〕 已用至{self.last}号"


class NumberStatus(models.TextChoices):
    ISSUED = "issued", "已使用"
    VOID = "void", "已作废"


class DocumentNumberQuerySet(models.QuerySet):
    def issued(self):
        return self.filter(status=NumberStatus.ISSUED)

    def void(self):
        return self.filter(status=NumberStatus.VOID)

    def of_sequence(self, agency_code: str, year: int):
        return self.filter(agency_code=agency_code, year=year).order_by("seq")


class DocumentNumber(models.Model):
    """Every 发文字号 ever assigned, including withdrawn (void) ones: a number is never reused."""

    agency_code = models.CharField("机关代字", max_length=20)
    year = models.PositiveIntegerField("年份")
    seq = models.PositiveIntegerField("序号")
    text = models.CharField("发文字号", max_length=50)
    document = models.ForeignKey(OutgoingDocument, verbose_name="发文", on_delete=models.PROTECT,
                                 related_name="numbers")
    status = models.CharField("状态", max_length=10, choices=NumberStatus.choices, default=NumberStatus.ISSUED)
    issued_by = models.ForeignKey(Person, verbose_name="编号人", null=True, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField("编号时间", default=timezone.now)
    void_reason = models.CharField("作废原因", max_length=300, blank=True)
    voided_at = models.DateTimeField("作废时间", null=True, blank=True)

    objects = DocumentNumberQuerySet.as_manager()

    class Meta:
        verbose_name = "发文字号"
        verbose_name_plural = "发文字号"
        ordering = ["agency_code", "year", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["agency_code", "year", "seq"], name="docnumber_unique_seq"),
            models.UniqueConstraint(fields=["document"], condition=Q(status="issued"),
                                    name="docnumber_one_issued_per_document"),
            models.CheckConstraint(condition=Q(status="issued") | ~Q(void_reason=""), name="docnumber_void_has_reason"),
        ]

    def __str__(self) -> str:
        return self.text
