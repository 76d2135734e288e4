"""绩效扣罚台账: monthly performance pay, posted entries (original and adjusting), closed months, pending
deductions and the measures each error orders (each becomes a tracked item)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.org.models import Person


class PerformancePay(models.Model):
    person = models.ForeignKey(Person, verbose_name="人员", on_delete=models.PROTECT, related_name="performance_pay")
    month = models.CharField("月份", max_length=7, help_text="YYYY-MM")
    amount = models.DecimalField("当月绩效", max_digits=12, decimal_places=2)
    imported_at = models.DateTimeField("导入时间", default=timezone.now)

    class Meta:
        verbose_name = "月度绩效"
        verbose_name_plural = "月度绩效"
        constraints = [models.UniqueConstraint(fields=["person", "month"], name="performancepay_unique")]

    def __str__(self) -> str:
        return f"{self.person} {self.month}"


class LedgerMonthQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def closed_months(self) -> set[str]:
        return set(self.filter(closed_at__isnull=False).values_list("month", flat=True))


class LedgerMonth(models.Model):
    """A month of one unit's ledger; closing it closes that unit's month only."""

    unit = models.ForeignKey("org.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    month = models.CharField("月份", max_length=7)
    closed_at = models.DateTimeField("关账时间", null=True, blank=True)
    closed_by = models.ForeignKey(Person, verbose_name="关账人", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")

    objects = LedgerMonthQuerySet.as_manager()

    class Meta:
        verbose_name = "台账月份"
        verbose_name_plural = "台账月份"
        constraints = [models.UniqueConstraint(fields=["unit", "month"], name="ledgermonth_unique_per_unit")]

    def __str__(self) -> str:
        return self.month


class EntryKind(models.TextChoices):
    ORIGINAL = "original", "扣罚"
    ADJUSTMENT = "adjustment", "调整"


class LedgerEntryQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(error__person__unit=unit)

    def active(self):
        return self.filter(superseded_at__isnull=True)

    def in_month(self, month: str):
        return self.filter(month=month)

    def for_error_year(self, year: int):
        return self.filter(error__confirmed_on__year=year)

    def with_related(self):
        return self.select_related("person", "person__department", "error", "error__clause")


class LedgerEntry(models.Model):
    """A posted deduction. Entries of an open month are superseded (never deleted) when a recompute replaces
    them; entries of a closed month are never touched — differences go to an open month as adjustments."""

    person = models.ForeignKey(Person, verbose_name="被扣罚人", on_delete=models.PROTECT, related_name="ledger_entries")
    month = models.CharField("月份", max_length=7, db_index=True)
    amount = models.DecimalField("金额（元）", max_digits=12, decimal_places=2)
    error = models.ForeignKey("errors.Lead", verbose_name="差错", on_delete=models.PROTECT, related_name="entries")
    liability = models.CharField("责任类型", max_length=20, default="responsible")
    basis = models.JSONField("扣罚依据", default=dict)
    kind = models.CharField("类型", max_length=20, choices=EntryKind.choices, default=EntryKind.ORIGINAL)
    explanation = models.TextField("说明", blank=True)
    posted_at = models.DateTimeField("记账时间", default=timezone.now)
    superseded_at = models.DateTimeField("被替换时间", null=True, blank=True)

    objects = LedgerEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "扣罚台账记录"
        verbose_name_plural = "扣罚台账记录"
        ordering = ["month", "person_id", "error_id", "id"]

    def __str__(self) -> str:
        return f"{self.person} {self.month} {self.amount}"

    @property
    def tier_display(self) -> str:
        """The 档次 column: the tier the policy priced the error at, and why (a 副院长 is not "一般工作人员")."""
        from zeroerror.penalties.policy import TIER_LABELS
        from zeroerror.penalties.tiers import tier_text

        tier = (self.basis or {}).get("tier", "")
        if not tier:
            return ""
        if self.liability != "responsible":
            return f"按责任人的{TIER_LABELS.get(tier, tier)}档计"
        return tier_text(tier, self.basis.get("tier_reason", ""))


class PendingQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(error__person__unit=unit)

    def active(self):
        return self.filter(cleared_at__isnull=True)


class PendingDeduction(models.Model):
    """A deduction the engine could not price (the month's pay is missing; the severity awaits the meeting)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    error = models.ForeignKey("errors.Lead", on_delete=models.PROTECT, related_name="pending")
    month = models.CharField(max_length=7, db_index=True)
    reason = models.CharField(max_length=30)
    explanation = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    cleared_at = models.DateTimeField(null=True, blank=True)

    objects = PendingQuerySet.as_manager()

    class Meta:
        ordering = ["month", "id"]

    def __str__(self) -> str:
        return f"{self.person} {self.month} {self.reason}"


DISCIPLINE_MEASURES = ("reminder_talk", "leader_reminder_talk", "leader_discipline_talk", "discipline_referral")


class MeasureQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(error__person__unit=unit)

    def active(self):
        return self.filter(cancelled_at__isnull=True)

    def discipline_relevant(self):
        return self.filter(code__in=DISCIPLINE_MEASURES)


class MeasureRecord(models.Model):
    error = models.ForeignKey("errors.Lead", on_delete=models.PROTECT, related_name="measures")
    person = models.ForeignKey(Person, verbose_name="对象", on_delete=models.PROTECT, related_name="+")
    code = models.CharField("措施", max_length=40)
    label = models.CharField("措施内容", max_length=200)
    basis = models.JSONField(default=dict)
    tracked_item = models.ForeignKey("tracking.TrackedItem", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["error", "person", "code"],
                                               condition=Q(cancelled_at__isnull=True), name="measure_unique_active")]

    def __str__(self) -> str:
        return f"{self.person}：{self.label}"
