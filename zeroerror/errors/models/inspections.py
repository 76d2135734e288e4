"""办公室内部检查 (part 二.1 channel (4)): an inspection with a checklist drawn from the clause catalogue; on
completion every failed item becomes a 差错线索 of the inspection channel (stored on the item)."""

from __future__ import annotations

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from zeroerror.org.models import Person


class InspectionStatus(models.TextChoices):
    DRAFT = "draft", "检查中"
    COMPLETED = "completed", "已完成"


class ItemResult(models.TextChoices):
    PENDING = "pending", "未检查"
    PASS = "pass", "符合"
    FAIL = "fail", "不符合"
    NOT_APPLICABLE = "not_applicable", "不适用"


RECORDABLE_RESULTS = (ItemResult.PASS, ItemResult.FAIL, ItemResult.NOT_APPLICABLE)


def area_choices(version: str | None = None) -> list[tuple[str, str]]:
    """[(area code, "一(一) 公文处理")] of a regulation version (default: the latest loaded), in catalogue order."""
    from zeroerror.rulebook import catalogue
    from zeroerror.rulebook.models import RegulationVersion

    if version is None:
        latest = RegulationVersion.objects.latest_version()
        if latest is None:
            return []
        version = latest.version
    return [(a.code, f"{a.number} {a.name}") for a in catalogue.load_regulation(version).areas]


class InspectionQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def drafts(self):
        return self.filter(status=InspectionStatus.DRAFT)

    def completed(self):
        return self.filter(status=InspectionStatus.COMPLETED)

    def with_counts(self):
        """The list page's figures: items in all, still pending, failed, and the leads raised."""
        return self.select_related("inspector").annotate(
            item_count=Count("items"),
            pending_count=Count("items", filter=Q(items__result=ItemResult.PENDING)),
            failed_count=Count("items", filter=Q(items__result=ItemResult.FAIL)),
            lead_count=Count("items", filter=Q(items__lead__isnull=False)),
        )


class Inspection(models.Model):
    unit = models.ForeignKey("org.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("检查名称", max_length=100)
    date = models.DateField("检查日期")
    inspector = models.ForeignKey(Person, verbose_name="检查人", on_delete=models.PROTECT, related_name="+")
    areas = models.JSONField("检查领域", default=list, help_text="条款目录的领域代码，如 documents")
    status = models.CharField("状态", max_length=20, choices=InspectionStatus.choices,
                              default=InspectionStatus.DRAFT, db_index=True)
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    completed_at = models.DateTimeField("完成时间", null=True, blank=True)
    completed_by = models.ForeignKey(Person, verbose_name="完成人", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")

    objects = InspectionQuerySet.as_manager()

    class Meta:
        verbose_name = "内部检查"
        verbose_name_plural = "内部检查"
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(status="draft") | Q(completed_at__isnull=False),
                                   name="inspection_completed_has_time"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("errors:inspection_detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == InspectionStatus.DRAFT


class InspectionItemQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(result=ItemResult.PENDING)

    def failed(self):
        return self.filter(result=ItemResult.FAIL)

    def with_related(self):
        return self.select_related("clause", "person", "person__department", "lead").order_by("clause_id", "id")


class InspectionItem(models.Model):
    inspection = models.ForeignKey(Inspection, verbose_name="检查", on_delete=models.PROTECT, related_name="items")
    clause = models.ForeignKey("rulebook.Clause", verbose_name="检查条款", on_delete=models.PROTECT,
                               related_name="+")
    result = models.CharField("检查结果", max_length=20, choices=ItemResult.choices, default=ItemResult.PENDING)
    finding = models.TextField("发现的问题", blank=True)
    person = models.ForeignKey(Person, verbose_name="责任人", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    occurred_on = models.DateField("发生日期", null=True, blank=True)
    recorded_at = models.DateTimeField("记录时间", null=True, blank=True)
    recorded_by = models.ForeignKey(Person, verbose_name="记录人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    lead = models.OneToOneField("errors.Lead", verbose_name="差错线索", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="inspection_item")

    objects = InspectionItemQuerySet.as_manager()

    class Meta:
        verbose_name = "检查项"
        verbose_name_plural = "检查项"
        ordering = ["inspection_id", "clause_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "clause"], name="inspectionitem_one_per_clause"),
            models.CheckConstraint(
                condition=~Q(result="fail") | (Q(person__isnull=False) & Q(occurred_on__isnull=False)),
                name="inspectionitem_fail_names_person"),
        ]

    def __str__(self) -> str:
        return f"{self.inspection} · {self.clause.code}"
