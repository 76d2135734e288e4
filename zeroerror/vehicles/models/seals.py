"""Holiday sealing (封存停驶, clause 一(三)9): before each holiday period the office seals every vehicle in its
designated parking place with the odometer read; after the holiday it is unsealed with the odometer read again. A
distance between the two readings that the approved holiday trips do not explain is a lead."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from zeroerror.org.models import Person, Unit
from zeroerror.vehicles.models.fleet import OdometerReading, Vehicle


class SealingRoundQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def covering(self, day):
        return self.filter(start__lte=day, end__gte=day)


class SealingRound(models.Model):
    """One holiday period of one unit: the vehicles are sealed for it (a tracked item reminds the office)."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("节假日", max_length=60)
    start = models.DateField("起始日期")
    end = models.DateField("结束日期")
    created_at = models.DateTimeField("建立时间", default=timezone.now)

    objects = SealingRoundQuerySet.as_manager()

    class Meta:
        verbose_name = "节假日封存"
        verbose_name_plural = "节假日封存"
        ordering = ["-start"]
        constraints = [models.UniqueConstraint(fields=["unit", "start"], name="sealing_round_unique_start")]

    def __str__(self) -> str:
        return f"{self.name}（{self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}）"


class SealQuerySet(models.QuerySet):
    def sealed(self):
        return self.filter(unsealed_at__isnull=True)

    def with_related(self):
        return self.select_related("round", "vehicle", "sealed_reading", "unsealed_reading", "sealed_by",
                                   "unsealed_by")


class Seal(models.Model):
    round = models.ForeignKey(SealingRound, verbose_name="封存批次", on_delete=models.PROTECT, related_name="seals")
    vehicle = models.ForeignKey(Vehicle, verbose_name="车辆", on_delete=models.PROTECT, related_name="seals")
    sealed_reading = models.OneToOneField(OdometerReading, verbose_name="封存里程", on_delete=models.PROTECT,
                                          related_name="seal")
    sealed_by = models.ForeignKey(Person, verbose_name="封存人", on_delete=models.PROTECT, related_name="+")
    sealed_at = models.DateTimeField("封存时间")
    unsealed_reading = models.OneToOneField(OdometerReading, verbose_name="启封里程", null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="unseal")
    unsealed_by = models.ForeignKey(Person, verbose_name="启封人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    unsealed_at = models.DateTimeField("启封时间", null=True, blank=True)
    # km between sealing and unsealing that no approved holiday trip explains (set at unsealing)
    unexplained_km = models.PositiveIntegerField("无审批行驶里程", null=True, blank=True)

    objects = SealQuerySet.as_manager()

    class Meta:
        verbose_name = "车辆封存"
        verbose_name_plural = "车辆封存"
        ordering = ["-sealed_at"]
        constraints = [models.UniqueConstraint(fields=["round", "vehicle"], name="seal_unique_vehicle")]

    def __str__(self) -> str:
        return f"{self.vehicle.plate} {self.round.name}"
