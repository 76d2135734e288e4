"""接待方案 (clauses 一(三)2–6): the plan drafted from a template with its schedule slots (time, place, people,
vehicle), meals, accommodation and budget; the site check of each stop; the route fixed at approval and changed only
with the presiding leader's recorded approval; the etiquette checklist reported to the leader in advance."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.org.models import Person

from .guests import GuestReport


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "拟订中"
    PENDING = "pending", "待领导审批"
    APPROVED = "approved", "已批准"


class PlanQuerySet(models.QuerySet):
    def awaiting_approval(self):
        return self.filter(status=PlanStatus.PENDING)

    def approved(self):
        return self.filter(status=PlanStatus.APPROVED)


class ReceptionPlan(models.Model):
    report = models.OneToOneField(GuestReport, on_delete=models.PROTECT, related_name="plan")
    template = models.CharField("方案模板", max_length=30)
    title = models.CharField("方案名称", max_length=200)
    presiding_leader = models.ForeignKey(Person, verbose_name="主持领导", null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="presided_receptions",
                                         help_text="考察路线的更改须经其认可（一(三)5）；礼仪特殊需求向其报告（一(三)6）")
    accompanying = models.PositiveIntegerField("陪餐人数", default=0)
    meals = models.PositiveIntegerField("工作餐次数", default=1)
    meal_per_person = models.DecimalField("工作餐（元/人/餐）", max_digits=8, decimal_places=2, default=Decimal("0"))
    meals_note = models.TextField("用餐安排", blank=True)
    room_nights = models.PositiveIntegerField("住宿间夜数", default=0)
    room_per_night = models.DecimalField("住宿（元/间/晚）", max_digits=8, decimal_places=2, default=Decimal("0"))
    accommodation = models.TextField("住宿安排", blank=True)
    other_cost = models.DecimalField("其他费用（元）", max_digits=12, decimal_places=2, default=Decimal("0"))
    budget = models.DecimalField("经费预算（元）", max_digits=12, decimal_places=2, default=Decimal("0"))
    notes = models.TextField("其他事项", blank=True)
    status = models.CharField("状态", max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    drafted_by = models.ForeignKey(Person, verbose_name="拟稿人", on_delete=models.PROTECT, related_name="+")
    drafted_at = models.DateTimeField("拟稿时间", default=timezone.now)
    submitted_at = models.DateTimeField("报批时间", null=True, blank=True)
    approved_by = models.ForeignKey(Person, verbose_name="批准人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    approved_at = models.DateTimeField("批准时间", null=True, blank=True)
    return_reason = models.TextField("退回意见", blank=True)
    special_approval = models.ForeignKey("reception.SpecialApproval", verbose_name="超标准特别批准", null=True,
                                         blank=True, on_delete=models.PROTECT, related_name="+")
    etiquette_reported_at = models.DateTimeField("礼仪特殊需求报告领导时间", null=True, blank=True)
    etiquette_reported_to = models.ForeignKey(Person, verbose_name="报告对象", null=True, blank=True,
                                              on_delete=models.PROTECT, related_name="+")

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = "接待方案"
        verbose_name_plural = "接待方案"

    def __str__(self) -> str:
        return self.title

    @property
    def is_approved(self) -> bool:
        return self.status == PlanStatus.APPROVED

    @property
    def is_editable(self) -> bool:
        return self.status == PlanStatus.DRAFT


class SlotQuerySet(models.QuerySet):
    def current(self):
        return self.filter(cancelled_at__isnull=True)

    def stops(self):
        return self.current().filter(is_stop=True)

    def with_people(self):
        return self.prefetch_related("people")


class Slot(models.Model):
    """One line of the schedule. After approval a slot changes only through an approved route change; a removed
    slot keeps its row with ``cancelled_at``."""

    plan = models.ForeignKey(ReceptionPlan, on_delete=models.PROTECT, related_name="slots")
    start_at = models.DateTimeField("开始时间")
    end_at = models.DateTimeField("结束时间")
    activity = models.CharField("活动内容", max_length=200)
    place = models.CharField("地点", max_length=200, blank=True)
    people = models.ManyToManyField(Person, blank=True, related_name="reception_slots", verbose_name="陪同/负责人员")
    vehicle = models.CharField("车辆", max_length=100, blank=True)
    is_stop = models.BooleanField("参观考察点", default=False, help_text="须提前实地查验（一(三)3）")
    cancelled_at = models.DateTimeField("取消时间", null=True, blank=True)

    objects = SlotQuerySet.as_manager()

    class Meta:
        verbose_name = "日程安排"
        verbose_name_plural = "日程安排"
        ordering = ["start_at", "id"]
        constraints = [models.CheckConstraint(condition=Q(end_at__gt=models.F("start_at")), name="slot_ends_after")]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.start_at):%m-%d %H:%M} {self.activity}"


class SiteCheck(models.Model):
    """实地查验 of a stop (clause 一(三)3): who checked, when, the travel time measured, notes."""

    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="site_checks")
    checked_by = models.ForeignKey(Person, verbose_name="查验人", on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField("查验时间")
    travel_minutes = models.PositiveIntegerField("实测车程（分钟）", help_text="从上一站到本站")
    notes = models.TextField("查验情况", blank=True)
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)

    class Meta:
        verbose_name = "实地查验"
        verbose_name_plural = "实地查验"
        ordering = ["checked_at", "id"]

    def __str__(self) -> str:
        return f"实地查验：{self.slot.place}"


class ChangeKind(models.TextChoices):
    ADD = "add", "增加"
    CHANGE = "change", "调整"
    REMOVE = "remove", "取消"


class ChangeStatus(models.TextChoices):
    PENDING = "pending", "待主持领导认可"
    APPROVED = "approved", "已认可"
    REFUSED = "refused", "未认可"


class RouteChange(models.Model):
    """A change of the approved route (clauses 一(三)4, 5): applied only once the presiding leader approves it."""

    plan = models.ForeignKey(ReceptionPlan, on_delete=models.PROTECT, related_name="route_changes")
    slot = models.ForeignKey(Slot, null=True, blank=True, on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField("变更", max_length=10, choices=ChangeKind.choices)
    before = models.JSONField("变更前", default=dict)
    after = models.JSONField("变更后", default=dict)
    reason = models.TextField("变更原因")
    requested_by = models.ForeignKey(Person, verbose_name="提出人", on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField("提出时间", default=timezone.now)
    status = models.CharField("状态", max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.PENDING)
    decided_by = models.ForeignKey(Person, verbose_name="认可领导", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField("认可时间", null=True, blank=True)
    decision_note = models.CharField("意见", max_length=500, blank=True)

    class Meta:
        verbose_name = "线路变更"
        verbose_name_plural = "线路变更"
        ordering = ["requested_at", "id"]

    def __str__(self) -> str:
        return f"线路变更（{self.get_kind_display()}）"


class EtiquetteItem(models.Model):
    """One line of the etiquette checklist (clause 一(三)6)."""

    plan = models.ForeignKey(ReceptionPlan, on_delete=models.PROTECT, related_name="etiquette")
    topic = models.CharField("事项", max_length=50)
    requirement = models.TextField("要求", blank=True)
    arranged = models.BooleanField("已落实", default=False)
    order = models.PositiveIntegerField("排序", default=100)

    class Meta:
        verbose_name = "礼仪事项"
        verbose_name_plural = "礼仪事项"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.topic
