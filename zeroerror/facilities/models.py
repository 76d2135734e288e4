"""环境 (clauses 一(八)1, 2): the places to keep clean, the rota of who cleans each, and the cleaning rounds —
daily ones, and one right after every meeting (from the meeting calendar) or visitor. A round is done (who, when,
a photo where proof is asked) or missed; a missed round becomes a tracked item. Nothing is deleted."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from zeroerror.facilities import schedule
from zeroerror.meetings.models import Meeting, Room
from zeroerror.org.models import Person, Unit


class PlaceKind(models.TextChoices):
    MEETING_ROOM = "meeting_room", "会议室"
    RECEPTION_ROOM = "reception_room", "接待室"
    LEADER_OFFICE = "leader_office", "领导办公室"


class PlaceQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def active(self):
        return self.filter(active=True)

    def cleaned_by(self, person):
        return self.filter(cleaners=person)


class Place(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="places")
    name = models.CharField("场所", max_length=100)
    kind = models.CharField("类别", max_length=20, choices=PlaceKind.choices)
    room = models.ForeignKey(Room, verbose_name="对应会议室", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+", help_text="在此召开的会议结束后自动生成会后清理任务")
    occupant = models.ForeignKey(Person, verbose_name="使用领导", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    daily_slots = models.JSONField("每日保洁时间", default=list, help_text="如 [\"07:50\", \"14:10\"]")
    cleaners = models.ManyToManyField(Person, verbose_name="保洁轮值人员", related_name="cleaned_places")
    active = models.BooleanField("启用", default=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = "保洁场所"
        verbose_name_plural = "保洁场所"
        ordering = ["kind", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="place_unique_name")]

    def __str__(self) -> str:
        return self.name

    @property
    def clause_id(self) -> str:
        return schedule.CLAUSE[self.kind]


class RoundKind(models.TextChoices):
    DAILY = "daily", "日常保洁"
    AFTER_MEETING = "after_meeting", "会后清理"
    AFTER_VISIT = "after_visit", "客人来访后清理"


# After a meeting or a visitor the room must be ready for the next use at once: the cleaner shows it with a photo.
PHOTO_KINDS = (RoundKind.AFTER_MEETING, RoundKind.AFTER_VISIT)


class RoundStatus(models.TextChoices):
    PENDING = "pending", "待清扫"
    DONE = "done", "已完成"
    MISSED = "missed", "未按时完成"
    CANCELLED = "cancelled", "已取消"


class CleaningRoundQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(place__unit=unit)

    def pending(self):
        return self.filter(status=RoundStatus.PENDING)

    def open(self):
        return self.filter(status__in=(RoundStatus.PENDING, RoundStatus.MISSED), done_at__isnull=True)

    def due_before(self, moment):
        return self.filter(due_at__lt=moment)

    def on_day(self, day):
        return self.filter(starts_at__date=day)

    def between(self, start, end):
        return self.filter(starts_at__gte=start, starts_at__lt=end)

    def for_cleaner(self, person):
        return self.filter(place__cleaners=person)

    def with_related(self):
        return self.select_related("place", "done_by", "meeting")


class CleaningRound(models.Model):
    place = models.ForeignKey(Place, verbose_name="场所", on_delete=models.PROTECT, related_name="rounds")
    kind = models.CharField("类别", max_length=20, choices=RoundKind.choices)
    starts_at = models.DateTimeField("开始时间", db_index=True)
    due_at = models.DateTimeField("完成时限")
    meeting = models.ForeignKey(Meeting, verbose_name="会议", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    reason = models.CharField("事由", max_length=200, blank=True, help_text="会议名称或来访客人")
    status = models.CharField("状态", max_length=20, choices=RoundStatus.choices, default=RoundStatus.PENDING,
                              db_index=True)
    done_by = models.ForeignKey(Person, verbose_name="保洁人", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    done_at = models.DateTimeField("清扫时间", null=True, blank=True)
    ticked_at = models.DateTimeField("登记时间", null=True, blank=True)
    late = models.BooleanField("补做", default=False)
    note = models.CharField("说明", max_length=300, blank=True)
    created_at = models.DateTimeField("生成时间", default=timezone.now)
    created_by = models.ForeignKey(Person, verbose_name="登记人", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    objects = CleaningRoundQuerySet.as_manager()

    class Meta:
        verbose_name = "保洁任务"
        verbose_name_plural = "保洁任务"
        ordering = ["starts_at", "place__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["place", "kind", "starts_at"], name="round_unique_slot"),
            models.UniqueConstraint(fields=["place", "meeting"], condition=models.Q(meeting__isnull=False),
                                    name="round_unique_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.place.name}·{self.get_kind_display()}（{timezone.localtime(self.starts_at):%m-%d %H:%M}）"

    @property
    def needs_photo(self) -> bool:
        return self.kind in PHOTO_KINDS
