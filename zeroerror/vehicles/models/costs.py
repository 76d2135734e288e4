"""Running costs per vehicle (单车核算, clause 一(三)9). Fuel, repair and insurance are bought only from the vehicle's
designated provider (定点加油、定点维修、定点保险); a cost elsewhere is recorded as it happened, flagged and
proposed as a lead. Costs are never edited: a wrong entry is reversed by a new, explained one."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from zeroerror.org.models import Person, Unit
from zeroerror.vehicles.models.fleet import Provider, ProviderKind, Vehicle


class CostKind(models.TextChoices):
    FUEL = "fuel", "燃油费"
    REPAIR = "repair", "维修费"
    INSURANCE = "insurance", "保险费"
    TOLL = "toll", "通行费"
    PARKING = "parking", "停车费"
    OTHER = "other", "其他"


# cost kinds that must be at the designated provider, and the provider kind each needs
DESIGNATED_KINDS = {CostKind.FUEL: ProviderKind.FUEL, CostKind.REPAIR: ProviderKind.REPAIR,
                    CostKind.INSURANCE: ProviderKind.INSURANCE}


class CostQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def in_month(self, year: int, month: int):
        return self.filter(incurred_on__year=year, incurred_on__month=month)

    def off_designated(self):
        return self.filter(at_designated=False)

    def with_related(self):
        return self.select_related("vehicle", "provider", "recorded_by", "reverses")


class Cost(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    vehicle = models.ForeignKey(Vehicle, verbose_name="车辆", on_delete=models.PROTECT, related_name="costs")
    kind = models.CharField("费用类别", max_length=20, choices=CostKind.choices)
    incurred_on = models.DateField("发生日期")
    amount = models.DecimalField("金额（元）", max_digits=10, decimal_places=2)
    litres = models.DecimalField("加油量（升）", max_digits=7, decimal_places=2, null=True, blank=True)
    provider = models.ForeignKey(Provider, verbose_name="服务单位", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="costs")
    provider_name = models.CharField("服务单位名称", max_length=100)
    at_designated = models.BooleanField("定点单位", default=True)
    invoice_no = models.CharField("票据号", max_length=40, blank=True)
    note = models.CharField("说明", max_length=200, blank=True)
    reverses = models.OneToOneField("self", verbose_name="冲销的记录", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="reversed_by")
    recorded_by = models.ForeignKey(Person, verbose_name="登记人", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)

    objects = CostQuerySet.as_manager()

    class Meta:
        verbose_name = "车辆费用"
        verbose_name_plural = "车辆费用"
        ordering = ["-incurred_on", "-pk"]
        indexes = [models.Index(fields=["vehicle", "incurred_on"])]

    def __str__(self) -> str:
        return f"{self.vehicle.plate} {self.get_kind_display()} {self.amount}"
