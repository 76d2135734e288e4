"""客情 (clause 一(三)1): a guest report registered the moment it arrives and assigned at once to a handler. The
report is the reception's case: its plan, bill and archive hang from it."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.org.models import Person, Unit


class ReportStatus(models.TextChoices):
    ASSIGNED = "assigned", "已交办"
    PLANNING = "planning", "方案拟订中"
    APPROVED = "approved", "方案已批准"
    DONE = "done", "接待完毕"
    ARCHIVED = "archived", "已归档"
    WITHDRAWN = "withdrawn", "已取消"


OPEN_STATUSES = (ReportStatus.ASSIGNED, ReportStatus.PLANNING, ReportStatus.APPROVED)


class GuestReportQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def arriving_between(self, start, end):
        return self.filter(arrive_at__lt=end, depart_at__gte=start)

    def upcoming(self, now=None):
        return self.filter(depart_at__gte=now or timezone.now())

    def in_year(self, year: int):
        return self.filter(arrive_at__year=year)

    def concerning(self, person):
        """Reports this person registered, handles, or accompanies in a slot of the plan."""
        return self.filter(Q(registered_by=person) | Q(handler=person) | Q(plan__slots__people=person)
                           | Q(plan__presiding_leader=person)).distinct()

    def with_related(self):
        return self.select_related("handler", "handler__department", "registered_by", "standard")


class GuestReport(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="guest_reports")
    guest_unit = models.CharField("来宾单位（来自何处）", max_length=200)
    lead_guest = models.CharField("带队人及职务", max_length=200)
    guest_list = models.TextField("来宾名单", blank=True, help_text="姓名、职务，每行一人")
    guest_count = models.PositiveIntegerField("来宾人数")
    purpose = models.TextField("来访事由")
    arrive_at = models.DateTimeField("抵达时间", db_index=True)
    depart_at = models.DateTimeField("离开时间")
    contact_name = models.CharField("对方联系人", max_length=50)
    contact_phone = models.CharField("联系电话", max_length=30)
    special_needs = models.TextField("特殊需求（着装、饮食、民族宗教习俗等）", blank=True)
    letter_ref = models.CharField("公函", max_length=200, blank=True,
                                  help_text="派出单位公函的文号或名称；无公函的公务活动一律不予接待，方案报批前须补登")
    standard = models.ForeignKey("reception.ReceptionStandard", verbose_name="接待对象级别", on_delete=models.PROTECT,
                                 related_name="reports")
    important = models.BooleanField("重要接待/参观考察活动", default=False,
                                    help_text="须拟订接待方案并经领导批准（一(三)2）；活动结束后建档（一(三)8）")
    source = models.CharField("客情来源", max_length=100, blank=True, help_text="如 电话、公函、上级通知")
    received_at = models.DateTimeField("收到时间", default=timezone.now)
    registered_by = models.ForeignKey(Person, verbose_name="登记人", on_delete=models.PROTECT, related_name="+")
    handler = models.ForeignKey(Person, verbose_name="承办人", on_delete=models.PROTECT,
                                related_name="handled_guest_reports")
    status = models.CharField("状态", max_length=20, choices=ReportStatus.choices, default=ReportStatus.ASSIGNED,
                              db_index=True)
    arrangement = models.TextField("接待安排落实情况", blank=True, help_text="一般接待：安排落实后登记；重要接待以批准的方案为准")
    arranged_at = models.DateTimeField("落实时间", null=True, blank=True)
    withdraw_reason = models.CharField("取消原因", max_length=500, blank=True)
    done_at = models.DateTimeField("接待完毕时间", null=True, blank=True)
    archived_at = models.DateTimeField("归档时间", null=True, blank=True)
    archived_by = models.ForeignKey(Person, verbose_name="归档人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")

    objects = GuestReportQuerySet.as_manager()

    class Meta:
        verbose_name = "客情"
        verbose_name_plural = "客情"
        ordering = ["-arrive_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(depart_at__gt=models.F("arrive_at")), name="guest_report_departs_after"),
        ]

    def __str__(self) -> str:
        return f"{self.guest_unit}来访（{timezone.localtime(self.arrive_at):%Y-%m-%d}）"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES
