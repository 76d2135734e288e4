"""Seals, the dated appointments of their custodians (clause 一(六)1) and seal requests (clause 一(六)2)."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.org.models import Person, Unit


class SealKind(models.TextChoices):
    UNIT = "unit", "单位公章"
    OFFICE = "office", "办公室印章"
    ELECTRONIC = "electronic", "电子印章"


class SealQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def active(self):
        return self.filter(active=True)


class Seal(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("印章名称", max_length=100)
    kind = models.CharField("类别", max_length=20, choices=SealKind.choices)
    location = models.CharField("保管地点", max_length=100, default="办公室保险柜")
    active = models.BooleanField("启用", default=True)
    created_at = models.DateTimeField("登记时间", default=timezone.now)

    objects = SealQuerySet.as_manager()

    class Meta:
        verbose_name = "印章"
        verbose_name_plural = "印章"
        ordering = ["unit_id", "kind", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="seal_unique_name")]

    def __str__(self) -> str:
        return self.name


class Duty(models.TextChoices):
    SEAL = "seal", "印章专管员"
    LETTERHEAD = "letterhead", "信笺管理员"


class AppointmentQuerySet(models.QuerySet):
    def current(self, on: date | None = None):
        on = on or timezone.localdate()
        return self.filter(started_on__lte=on).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))

    def of_unit(self, unit):
        return self.filter(unit=unit)


class Appointment(models.Model):
    """专人管理: ``person`` keeps ``seal`` (or the unit's letterhead paper) from ``started_on`` until (excluding)
    ``ended_on``. The history is kept: a new appointment ends the previous one."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    duty = models.CharField("职责", max_length=20, choices=Duty.choices)
    seal = models.ForeignKey(Seal, verbose_name="印章", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="appointments")
    person = models.ForeignKey(Person, verbose_name="专管人员", on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField("起始日期")
    ended_on = models.DateField("终止日期", null=True, blank=True)
    appointed_by = models.ForeignKey(Person, verbose_name="指定人", null=True, on_delete=models.PROTECT,
                                     related_name="+")
    appointed_at = models.DateTimeField("指定时间", default=timezone.now)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = "专管人员任命"
        verbose_name_plural = "专管人员任命"
        ordering = ["seal_id", "started_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                                   name="seals_appointment_dates_ordered"),
            models.CheckConstraint(condition=Q(duty="seal", seal__isnull=False) | Q(duty="letterhead", seal__isnull=True),
                                   name="seals_appointment_seal_matches_duty"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.seal or self.get_duty_display()}"


class RequestKind(models.TextChoices):
    DOCUMENT = "document", "文件材料"
    LETTER = "letter", "介绍信"


class RequestStatus(models.TextChoices):
    PENDING = "pending", "待批准"
    APPROVED = "approved", "已批准"
    REJECTED = "rejected", "不予批准"
    WITHDRAWN = "withdrawn", "已撤回"
    USED = "used", "已用印"


class SealRequestQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def pending(self):
        return self.filter(status=RequestStatus.PENDING)

    def approved_unused(self):
        return self.filter(status=RequestStatus.APPROVED)

    def with_related(self):
        return self.select_related("seal", "requester", "department", "approver")


class SealRequest(models.Model):
    """用印申请 (用印审批单): what document, how many copies, why; the 办公室主任 approves before use."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    seal = models.ForeignKey(Seal, verbose_name="印章", on_delete=models.PROTECT, related_name="requests")
    kind = models.CharField("用印类别", max_length=20, choices=RequestKind.choices, default=RequestKind.DOCUMENT)
    document = models.CharField("用印文件名称", max_length=200)
    copies = models.PositiveIntegerField("份数")
    purpose = models.CharField("用印事由", max_length=300)
    requester = models.ForeignKey(Person, verbose_name="申请人", on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey("org.Department", verbose_name="申请科室", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("申请时间", default=timezone.now)
    status = models.CharField("状态", max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    approver = models.ForeignKey(Person, verbose_name="批准人", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    decided_at = models.DateTimeField("审批时间", null=True, blank=True)
    decision_note = models.CharField("审批意见", max_length=300, blank=True)

    objects = SealRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "用印申请"
        verbose_name_plural = "用印申请"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return f"用印申请：{self.document}（{self.copies}份）"
