"""The fleet (clause 一(三)9): designated providers from 政府集中采购, vehicles with their designated insurer, repair
shop, fuel station and parking place, and the odometer ledger.

The odometer ledger is append-only: every reading (出车, 回车, 封存, 启封, 初始登记) is a row, and a wrong reading is
corrected by a new row that ``corrects`` it, with the reason — never by editing the number. The effective value of
a reading is its latest correction's, otherwise its own.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from zeroerror.org.models import Person, Unit

ODOMETER_MAX = 9_999_999  # km: a seven-digit odometer


class ProviderKind(models.TextChoices):
    INSURANCE = "insurance", "定点保险"
    REPAIR = "repair", "定点维修"
    FUEL = "fuel", "定点加油"


class ProviderQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def active(self):
        return self.filter(active=True)

    def of_kind(self, kind):
        return self.filter(kind=kind)


class Provider(models.Model):
    """A designated provider chosen by 政府集中采购 (the contract number is the proof)."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="vehicle_providers")
    kind = models.CharField("类别", max_length=20, choices=ProviderKind.choices)
    name = models.CharField("名称", max_length=100)
    contract_no = models.CharField("政府采购合同编号", max_length=60, blank=True)
    address = models.CharField("地址", max_length=200, blank=True)
    active = models.BooleanField("有效", default=True)

    objects = ProviderQuerySet.as_manager()

    class Meta:
        verbose_name = "定点服务单位"
        verbose_name_plural = "定点服务单位"
        ordering = ["kind", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "kind", "name"], name="vehicle_provider_unique")]

    def __str__(self) -> str:
        return self.name


class VehicleQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def active(self):
        return self.filter(active=True)

    def with_providers(self):
        return self.select_related("insurer", "repair_shop", "fuel_station")


class Vehicle(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="vehicles")
    plate = models.CharField("号牌", max_length=20)
    model = models.CharField("品牌型号", max_length=60)
    seats = models.PositiveSmallIntegerField("核定座位")
    rated_consumption = models.DecimalField("百公里油耗标准（升）", max_digits=5, decimal_places=2, null=True,
                                            blank=True, help_text="超过标准 15% 的月份标为异常")
    insurer = models.ForeignKey(Provider, verbose_name="定点保险", on_delete=models.PROTECT, related_name="+")
    repair_shop = models.ForeignKey(Provider, verbose_name="定点维修", on_delete=models.PROTECT, related_name="+")
    fuel_station = models.ForeignKey(Provider, verbose_name="定点加油", on_delete=models.PROTECT, related_name="+")
    parking = models.CharField("指定停放地点", max_length=100)
    active = models.BooleanField("在用", default=True)
    # the effective value of the latest reading of the ledger (kept by the actions)
    odometer = models.PositiveIntegerField("当前里程（公里）", default=0)
    odometer_at = models.DateTimeField("读数时间", null=True, blank=True)

    objects = VehicleQuerySet.as_manager()

    class Meta:
        verbose_name = "公务用车"
        verbose_name_plural = "公务用车"
        ordering = ["plate", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "plate"], name="vehicle_unique_plate")]

    def __str__(self) -> str:
        return self.plate

    def designated(self, kind: str) -> Provider | None:
        return {ProviderKind.INSURANCE: self.insurer, ProviderKind.REPAIR: self.repair_shop,
                ProviderKind.FUEL: self.fuel_station}.get(kind)


class ReadingKind(models.TextChoices):
    INITIAL = "initial", "初始登记"
    OUT = "out", "出车"
    IN = "in", "回车"
    SEAL = "seal", "封存"
    UNSEAL = "unseal", "启封"
    CORRECTION = "correction", "更正"


class OdometerReadingQuerySet(models.QuerySet):
    def of_vehicle(self, vehicle):
        return self.filter(vehicle=vehicle)

    def originals(self):
        """The readings themselves (not their corrections); read their effective value with ``effective_value``."""
        return self.filter(corrects__isnull=True)

    def with_corrections(self):
        return self.prefetch_related(models.Prefetch(
            "corrections", queryset=OdometerReading.objects.select_related("recorded_by").order_by("pk")))

    def chronological(self):
        return self.order_by("read_at", "pk")


class OdometerReading(models.Model):
    vehicle = models.ForeignKey(Vehicle, verbose_name="车辆", on_delete=models.PROTECT, related_name="readings")
    kind = models.CharField("类别", max_length=20, choices=ReadingKind.choices)
    value = models.PositiveIntegerField("里程表读数（公里）")
    read_at = models.DateTimeField("读数时间")
    corrects = models.ForeignKey("self", verbose_name="更正的读数", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="corrections")
    reason = models.CharField("说明", max_length=200, blank=True)
    recorded_by = models.ForeignKey(Person, verbose_name="登记人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)

    objects = OdometerReadingQuerySet.as_manager()

    class Meta:
        verbose_name = "里程表读数"
        verbose_name_plural = "里程表读数"
        ordering = ["read_at", "pk"]
        indexes = [models.Index(fields=["vehicle", "read_at"])]

    def __str__(self) -> str:
        return f"{self.vehicle_id}:{self.value}"

    @property
    def latest_correction(self) -> OdometerReading | None:
        """Needs ``with_corrections()`` for lists (one query per reading otherwise)."""
        corrections = list(self.corrections.all())
        return corrections[-1] if corrections else None

    @property
    def effective_value(self) -> int:
        latest = self.latest_correction
        return latest.value if latest else self.value
