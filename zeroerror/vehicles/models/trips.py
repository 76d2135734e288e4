"""Trips (clause 一(三)9): the 用车审批单 and the 车辆使用登记 — time out and back, 事由, destinations, driver,
passengers, odometer out and in. A trip that touches a holiday period (封存停驶) needs a recorded work reason and a
leader's approval; one driven without is a lead."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.org.models import Department, Person, Unit
from zeroerror.vehicles.models.fleet import OdometerReading, Vehicle

CLAUSE = "一(三)9"


class TripStatus(models.TextChoices):
    REQUESTED = "requested", "待审批"
    APPROVED = "approved", "已批准"
    REJECTED = "rejected", "不予批准"
    CANCELLED = "cancelled", "已撤销"
    OUT = "out", "出车中"
    RETURNED = "returned", "已回车"


# a trip that has left holds its vehicle and driver; a request holds nothing yet
DRIVEN = (TripStatus.OUT, TripStatus.RETURNED)


class TripQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def driven(self):
        return self.filter(status__in=DRIVEN)

    def out(self):
        return self.filter(status=TripStatus.OUT)

    def awaiting_approval(self):
        return self.filter(status=TripStatus.REQUESTED)

    def on_holiday(self):
        return self.filter(holiday=True)

    def unapproved_holiday(self):
        return self.driven().on_holiday().filter(holiday_approved=False)

    def overlapping(self, start, end):
        """Driven trips overlapping [start, end); a trip still out runs to infinity; ``end`` None = open."""
        qs = self.driven().filter(Q(back_at__isnull=True) | Q(back_at__gt=start))
        return qs if end is None else qs.filter(out_at__lt=end)

    def in_month(self, year: int, month: int):
        return self.filter(out_at__year=year, out_at__month=month)

    def with_related(self):
        return (self.select_related("vehicle", "driver", "requester", "department", "approved_by", "out_reading",
                                    "in_reading")
                .prefetch_related("passengers",
                                  models.Prefetch("out_reading__corrections",
                                                  queryset=OdometerReading.objects.order_by("pk")),
                                  models.Prefetch("in_reading__corrections",
                                                  queryset=OdometerReading.objects.order_by("pk"))))


class Trip(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    vehicle = models.ForeignKey(Vehicle, verbose_name="车辆", on_delete=models.PROTECT, related_name="trips")
    driver = models.ForeignKey(Person, verbose_name="驾驶员", on_delete=models.PROTECT, related_name="driven_trips")
    requester = models.ForeignKey(Person, verbose_name="用车人", on_delete=models.PROTECT,
                                  related_name="requested_trips")
    department = models.ForeignKey(Department, verbose_name="用车科室", on_delete=models.PROTECT, related_name="+")
    passengers = models.ManyToManyField(Person, verbose_name="乘车人员", blank=True, related_name="ridden_trips")
    other_passengers = models.CharField("其他乘车人员", max_length=200, blank=True)
    purpose = models.CharField("用车事由", max_length=200)
    destinations = models.CharField("目的地", max_length=200)
    planned_out_at = models.DateTimeField("计划出车时间")
    planned_back_at = models.DateTimeField("计划回车时间")
    out_at = models.DateTimeField("出车时间", null=True, blank=True)
    back_at = models.DateTimeField("回车时间", null=True, blank=True)
    out_reading = models.OneToOneField(OdometerReading, verbose_name="出车里程", null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="trip_out")
    in_reading = models.OneToOneField(OdometerReading, verbose_name="回车里程", null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="trip_in")
    holiday = models.BooleanField("节假日用车", default=False)
    holiday_name = models.CharField("节假日", max_length=60, blank=True)
    holiday_reason = models.CharField("节假日工作事由", max_length=300, blank=True)
    holiday_approved = models.BooleanField("节假日用车已审批", default=False,
                                           help_text="申请时填写了节假日工作事由并经领导批准")
    status = models.CharField("状态", max_length=20, choices=TripStatus.choices, default=TripStatus.REQUESTED)
    unrequested = models.BooleanField("未经申请补登", default=False)
    late_reason = models.CharField("补登原因", max_length=200, blank=True)
    approved_by = models.ForeignKey(Person, verbose_name="审批人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    approved_at = models.DateTimeField("审批时间", null=True, blank=True)
    decision_note = models.CharField("审批意见", max_length=200, blank=True)
    created_by = models.ForeignKey(Person, verbose_name="登记人", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("登记时间", default=timezone.now)

    objects = TripQuerySet.as_manager()

    class Meta:
        verbose_name = "用车记录"
        verbose_name_plural = "用车记录"
        ordering = ["-planned_out_at", "-pk"]
        indexes = [models.Index(fields=["vehicle", "out_at"]), models.Index(fields=["driver", "out_at"]),
                   models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return f"{self.vehicle.plate} {timezone.localtime(self.planned_out_at):%Y-%m-%d %H:%M} {self.purpose}"

    @property
    def odometer_out(self) -> int | None:
        return self.out_reading.effective_value if self.out_reading else None

    @property
    def odometer_in(self) -> int | None:
        return self.in_reading.effective_value if self.in_reading else None

    @property
    def distance(self) -> int | None:
        if self.out_reading is None or self.in_reading is None:
            return None
        return self.odometer_in - self.odometer_out

    @property
    def corrected(self) -> bool:
        return any(r is not None and r.latest_correction for r in (self.out_reading, self.in_reading))

    @property
    def passenger_names(self) -> str:
        names = [p.name for p in self.passengers.all()]
        if self.other_passengers:
            names.append(self.other_passengers)
        return "、".join(names)

    @property
    def needs_holiday_approval(self) -> bool:
        return self.holiday and not self.holiday_approved
