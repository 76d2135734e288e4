"""督办事项 (tracked items), their event log, and in-app notifications.

A tracked item is the one mechanism every area uses for 时限: an owner, a due moment, the object it came from and
the clause of the regulation a lapse would breach. ``zeroerror tick`` reminds, marks overdue and escalates.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.org.models import Person


class Area(models.TextChoices):
    DOCUMENTS = "documents", "公文处理"
    MEETINGS = "meetings", "会务工作"
    RECEPTION = "reception", "政务接待"
    DISCLOSURE = "disclosure", "信息公开"
    FINANCE = "finance", "财务管理"
    SEALS = "seals", "印信管理"
    SECRECY = "secrecy", "安全保密"
    FACILITIES = "facilities", "环境管理"
    ERRORS = "errors", "差错考核"
    GENERAL = "general", "综合"


class ItemStatus(models.TextChoices):
    OPEN = "open", "待办"
    IN_PROGRESS = "in_progress", "办理中"
    DONE = "done", "已办结"
    OVERDUE = "overdue", "已逾期"
    CANCELLED = "cancelled", "已撤销"


ACTIVE_STATUSES = (ItemStatus.OPEN, ItemStatus.IN_PROGRESS, ItemStatus.OVERDUE)


class TrackedItemQuerySet(models.QuerySet):
    def visible_to(self, person: Person):
        """Items ``person`` may see, always within their unit:

        * items they act on — the owner, whoever assigned it (交办人) and whoever it was escalated to;
        * items whose source they may see by the source app's own rule (``tracking.sources``): a measure's item
          follows the 差错 access rules, a 收文 step's item the 公文 route, a meeting decision's the meeting's;
        * items assigned by hand (no source): by department, as the assignment itself was (科室负责人, 分管领导,
          the office).

        An item whose source type no app has registered is seen by its direct parties only: tracking cannot know
        who may see an object of an app that has not said so, and showing it by department leaked measures (提醒谈话,
        书面检查) to colleagues and classified documents to people off their route.
        """
        from zeroerror.tracking import sources

        parties = Q(owner=person) | Q(created_by=person) | Q(escalated_to=person)
        by_hand = Q(source_type__isnull=True, department_id__in=person.visible_department_ids())
        by_source = sources.visible_q(person, skip=[TrackedItem])
        return self.filter(department__unit_id=person.unit_id).filter(parties | by_hand | by_source)

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def owned_by(self, person: Person):
        return self.filter(owner=person)

    def overdue(self):
        return self.filter(status=ItemStatus.OVERDUE)

    def due_for_overdue(self, now):
        return self.filter(status__in=(ItemStatus.OPEN, ItemStatus.IN_PROGRESS), due_at__lt=now)

    def awaiting_reminder(self):
        return self.filter(status__in=(ItemStatus.OPEN, ItemStatus.IN_PROGRESS), reminded_at__isnull=True)

    def for_source(self, obj):
        return self.filter(source_type=ContentType.objects.get_for_model(obj), source_id=obj.pk)

    def with_people(self):
        return self.select_related("owner", "owner__department", "created_by", "escalated_to", "department")


class TrackedItem(models.Model):
    title = models.CharField("事项", max_length=200)
    detail = models.TextField("要求", blank=True)
    area = models.CharField("领域", max_length=20, choices=Area.choices, default=Area.GENERAL)
    clause_id = models.CharField("对应条款", max_length=20, blank=True, help_text="逾期时据此提出差错线索，如 一(一)5")
    owner = models.ForeignKey(Person, verbose_name="责任人", on_delete=models.PROTECT, related_name="tracked_items")
    department = models.ForeignKey(
        "org.Department", verbose_name="责任科室", on_delete=models.PROTECT, related_name="tracked_items"
    )
    created_by = models.ForeignKey(
        Person, verbose_name="交办人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("交办时间", default=timezone.now)
    due_at = models.DateTimeField("办理时限", db_index=True)
    status = models.CharField("状态", max_length=20, choices=ItemStatus.choices, default=ItemStatus.OPEN, db_index=True)
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    source_label = models.CharField("来源", max_length=200, blank=True)
    source_url = models.CharField("来源链接", max_length=300, blank=True)
    reminded_at = models.DateTimeField("提醒时间", null=True, blank=True)
    overdue_at = models.DateTimeField("逾期时间", null=True, blank=True)
    escalated_at = models.DateTimeField("升级时间", null=True, blank=True)
    escalated_to = models.ForeignKey(
        Person, verbose_name="升级至", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    done_at = models.DateTimeField("办结时间", null=True, blank=True)
    done_note = models.TextField("办结情况", blank=True)
    record_required = models.CharField(
        "须留存的记录", max_length=20, blank=True,
        help_text="如“谈话记录”“书面检查”：办结前须上传该记录或填写记录摘要")
    record_summary = models.TextField("记录摘要", blank=True)

    objects = TrackedItemQuerySet.as_manager()

    class Meta:
        verbose_name = "督办事项"
        verbose_name_plural = "督办事项"
        ordering = ["due_at", "id"]
        indexes = [models.Index(fields=["source_type", "source_id"]), models.Index(fields=["owner", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def done_late(self) -> bool:
        return self.done_at is not None and self.done_at > self.due_at


class ItemEventKind(models.TextChoices):
    CREATED = "created", "交办"
    PROGRESS = "progress", "进展报告"
    REMINDED = "reminded", "到期提醒"
    OVERDUE = "overdue", "逾期"
    ESCALATED = "escalated", "逾期升级"
    CHASED = "chased", "催办"
    DONE = "done", "办结"
    CANCELLED = "cancelled", "撤销"


class TrackedItemEvent(models.Model):
    item = models.ForeignKey(TrackedItem, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=ItemEventKind.choices)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


class NotificationQuerySet(models.QuerySet):
    def for_person(self, person: Person):
        return self.filter(recipient=person).order_by("-created_at", "-id")

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """A message to one person. ``about`` is the object it concerns (a registered source, see
    ``tracking.sources``): its link is shown only while the recipient may see that object."""

    recipient = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="notifications")
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容", blank=True)
    url = models.CharField("链接", max_length=300, blank=True)
    about_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed = models.BooleanField(default=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = "通知"
        verbose_name_plural = "通知"

    def __str__(self) -> str:
        return self.title
