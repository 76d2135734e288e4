"""The gap-free 发文字号 register: the per-机关代字 sequence and every number ever issued (void ones kept)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.documents.models.outgoing import OutgoingDocument
from zeroerror.org.models import Person


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
