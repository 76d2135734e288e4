"""接待标准 (clause 一(三)7, 二 财务 2): per guest level, as the unit's 公务接待管理办法 sets them — configuration, not
code — and the leader's recorded special approvals of a reception above them. Checks are in ``reception.rules``."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils import timezone

from zeroerror.org.models import Person, Unit


class StandardQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def active(self):
        return self.filter(active=True)


class ReceptionStandard(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="reception_standards")
    level = models.CharField("接待对象级别", max_length=50)
    order = models.PositiveIntegerField("排序", default=100)
    meal_per_person = models.DecimalField("工作餐标准（元/人/餐）", max_digits=8, decimal_places=2)
    room_per_night = models.DecimalField("住宿标准（元/间/晚）", max_digits=8, decimal_places=2)
    meals_max = models.PositiveIntegerField("工作餐次数上限（每天）", default=1)
    accompany_max = models.PositiveIntegerField("陪餐人数上限（来宾不超过下列人数时）", default=3)
    accompany_threshold = models.PositiveIntegerField("来宾人数分界", default=10)
    accompany_divisor = models.PositiveIntegerField("超过分界时陪餐不超过来宾的几分之一", default=3)
    active = models.BooleanField("启用", default=True)
    updated_at = models.DateTimeField("修改时间", default=timezone.now)

    objects = StandardQuerySet.as_manager()

    class Meta:
        verbose_name = "接待标准"
        verbose_name_plural = "接待标准"
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "level"], name="reception_standard_unique_level")]

    def __str__(self) -> str:
        return self.level


class SpecialApproval(models.Model):
    """A leader's recorded special approval of a reception above the standard (领导特殊要求): the figures it allows."""

    report = models.ForeignKey("reception.GuestReport", on_delete=models.PROTECT, related_name="special_approvals")
    approved_by = models.ForeignKey(Person, verbose_name="批准领导", on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField("批准时间", default=timezone.now)
    reason = models.TextField("理由")
    meal_per_person = models.DecimalField("准予工作餐（元/人/餐）", max_digits=8, decimal_places=2)
    room_per_night = models.DecimalField("准予住宿（元/间/晚）", max_digits=8, decimal_places=2)
    accompanying = models.PositiveIntegerField("准予陪餐人数")

    class Meta:
        verbose_name = "超标准特别批准"
        verbose_name_plural = "超标准特别批准"
        ordering = ["approved_at", "id"]

    def __str__(self) -> str:
        return f"超标准特别批准（{self.approved_by.name}）"


class Bill(models.Model):
    """The actual bill of a reception (公务接待清单), checked against the standard; corrections are new entries."""

    report = models.ForeignKey("reception.GuestReport", on_delete=models.PROTECT, related_name="bills")
    guests = models.PositiveIntegerField("实际来宾人数")
    accompanying = models.PositiveIntegerField("实际陪餐人数")
    meals = models.PositiveIntegerField("工作餐次数")
    meal_total = models.DecimalField("餐费合计（元）", max_digits=12, decimal_places=2, default=Decimal("0"))
    room_nights = models.PositiveIntegerField("住宿间夜数", default=0)
    room_total = models.DecimalField("住宿费合计（元）", max_digits=12, decimal_places=2, default=Decimal("0"))
    other_total = models.DecimalField("其他费用（元）", max_digits=12, decimal_places=2, default=Decimal("0"))
    invoice_ref = models.CharField("发票号", max_length=100)
    note = models.CharField("说明", max_length=500, blank=True)
    recorded_by = models.ForeignKey(Person, verbose_name="登记人", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)
    special_approval = models.ForeignKey(SpecialApproval, verbose_name="依据的特别批准", null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="bills")
    supersedes = models.OneToOneField("self", verbose_name="更正的结算", null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="superseded_by")

    class Meta:
        verbose_name = "接待结算"
        verbose_name_plural = "接待结算"
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return f"接待结算（发票 {self.invoice_ref}）"

    @property
    def total(self) -> Decimal:
        return self.meal_total + self.room_total + self.other_total


class OverStandardAttempt(models.Model):
    """A refused attempt to settle a bill above the standard without a special approval: the evidence of the lead
    (clause 一(三)7). Kept, never deleted."""

    report = models.ForeignKey("reception.GuestReport", on_delete=models.PROTECT, related_name="over_attempts")
    person = models.ForeignKey(Person, verbose_name="登记人", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", default=timezone.now)
    excesses = models.JSONField("超标项", default=list)
    figures = models.JSONField("结算数据", default=dict)

    class Meta:
        verbose_name = "超标准结算记录"
        verbose_name_plural = "超标准结算记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"超标准结算未获批准（{timezone.localtime(self.at):%Y-%m-%d %H:%M}）"
