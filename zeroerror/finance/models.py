"""财务管理 (clauses 一(五)1–3): the year's budget lines of the office's running costs, the spending standards (开支
范围和标准), the designated print shops (定点打印店), the expenses recorded against them and the refused attempts.

Nothing here is deleted: a line or a standard no longer used is retired, an expense recorded in error is withdrawn
(撤销) with its reason, and a refused attempt stays in the register it was refused from.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from zeroerror.finance import rules
from zeroerror.org.models import Department, Person, Unit

MONEY = {"max_digits": 12, "decimal_places": 2}
ZERO = Decimal("0.00")


class Category(models.TextChoices):
    PRINTING = "printing", "印刷费"
    RECEPTION = "reception", "公务接待费"
    VEHICLES = "vehicles", "公务用车运行维护费"
    MEETINGS = "meetings", "会议费"
    TRAVEL = "travel", "差旅费"
    TRAINING = "training", "培训费"
    OFFICE = "office", "办公费"
    OTHER = "other", "其他商品和服务支出"


assert dict(Category.choices) == rules.CATEGORY_LABELS


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", "待审批"
    APPROVED = "approved", "已批准"
    REJECTED = "rejected", "不予批准"
    RETIRED = "retired", "已停用"


class Approvable(models.Model):
    """Proposed by one person, approved (or refused) by another — no one approves their own."""

    status = models.CharField("状态", max_length=20, choices=ApprovalStatus.choices, default=ApprovalStatus.PENDING,
                              db_index=True)
    proposed_by = models.ForeignKey(Person, verbose_name="提出人", on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField("提出时间", default=timezone.now)
    decided_by = models.ForeignKey(Person, verbose_name="审批人", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField("审批时间", null=True, blank=True)
    decision_note = models.CharField("审批意见", max_length=500, blank=True)

    class Meta:
        abstract = True

    @property
    def is_approved(self) -> bool:
        return self.status == ApprovalStatus.APPROVED


class BudgetLineQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def of_year(self, year: int):
        return self.filter(year=year)

    def approved(self):
        return self.filter(status=ApprovalStatus.APPROVED)

    def pending(self):
        return self.filter(status=ApprovalStatus.PENDING)

    def with_actuals(self):
        """``actual``: the recorded (列支) expenses; ``remaining``: amount − actual."""
        actual = Coalesce(Sum("expenses__amount", filter=Q(expenses__status=ExpenseStatus.RECORDED)), ZERO,
                          output_field=models.DecimalField(**MONEY))
        return self.annotate(actual=actual)

    def with_related(self):
        return self.select_related("department", "proposed_by", "decided_by")

    def with_adjustment(self):
        """``adjusted``: the sum of the approved adjustments (调整预算); the line's budget as first approved (年初预算)
        is ``amount − adjusted``. A subquery, so that it combines with :meth:`with_actuals` without multiplying."""
        changes = (BudgetAdjustment.objects.filter(line=OuterRef("pk"), status=ApprovalStatus.APPROVED).order_by()
                   .values("line").annotate(total=Sum(F("new_amount") - F("amount_before"))).values("total"))
        return self.annotate(adjusted=Coalesce(Subquery(changes, output_field=models.DecimalField(**MONEY)), ZERO,
                                               output_field=models.DecimalField(**MONEY)))


class BudgetLine(Approvable):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="budget_lines")
    year = models.PositiveSmallIntegerField("预算年度", db_index=True)
    department = models.ForeignKey(Department, verbose_name="归口科室", on_delete=models.PROTECT,
                                   related_name="budget_lines")
    category = models.CharField("支出类别", max_length=20, choices=Category.choices)
    name = models.CharField("预算项目", max_length=100)
    amount = models.DecimalField("预算金额（元）", **MONEY)
    note = models.CharField("说明", max_length=500, blank=True)

    objects = BudgetLineQuerySet.as_manager()

    class Meta:
        verbose_name = "预算项目"
        verbose_name_plural = "预算项目"
        ordering = ["-year", "category", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "year", "name"], name="budgetline_unique_name"),
                       models.CheckConstraint(condition=Q(amount__gt=0), name="budgetline_amount_positive")]

    def __str__(self) -> str:
        return f"{self.year}年 {self.name}"


class AdjustmentQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ApprovalStatus.PENDING)

    def with_related(self):
        return self.select_related("line", "line__department", "proposed_by", "decided_by")


class BudgetAdjustment(Approvable):
    """调整预算: a change of an approved line's amount, with its reason, proposed by the office and approved like the
    line (an increase only by the principal leader). On approval the line's amount becomes ``new_amount``; the row
    keeps the amount before, so the line's first approved budget and every change stay readable."""

    line = models.ForeignKey(BudgetLine, verbose_name="预算项目", on_delete=models.PROTECT,
                             related_name="adjustments")
    amount_before = models.DecimalField("调整前预算（元）", **MONEY)
    new_amount = models.DecimalField("调整后预算（元）", **MONEY)
    reason = models.CharField("调整原因", max_length=500)

    objects = AdjustmentQuerySet.as_manager()

    class Meta:
        verbose_name = "预算调整"
        verbose_name_plural = "预算调整"
        ordering = ["-proposed_at", "-id"]
        constraints = [models.CheckConstraint(condition=Q(new_amount__gt=0), name="adjustment_amount_positive")]

    def __str__(self) -> str:
        return f"{self.line} 调整为 {self.new_amount} 元"

    @property
    def change(self) -> Decimal:
        return self.new_amount - self.amount_before

    @property
    def is_increase(self) -> bool:
        return self.new_amount > self.amount_before


class StandardQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def approved(self):
        return self.filter(status=ApprovalStatus.APPROVED)

    def in_force(self):
        return self.approved()


class SpendingStandard(Approvable):
    """开支范围和标准: the category it belongs to and, if any, a cap per unit (每人·天, 每页 …)."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="spending_standards")
    category = models.CharField("支出类别", max_length=20, choices=Category.choices)
    name = models.CharField("开支标准", max_length=100)
    cap = models.DecimalField("限额（元）", null=True, blank=True, **MONEY, help_text="空：不设单项限额，以预算为限")
    per = models.CharField("计量单位", max_length=20, help_text="如：人·天、页、次")

    objects = StandardQuerySet.as_manager()

    class Meta:
        verbose_name = "开支标准"
        verbose_name_plural = "开支标准"
        ordering = ["category", "name", "id"]

    def __str__(self) -> str:
        return self.name

    def as_rule(self) -> rules.Standard:
        return rules.Standard(category=self.category, name=self.name, cap=self.cap, per=self.per)

    @property
    def cap_text(self) -> str:
        return f"{rules.yuan(self.cap)}/{self.per}" if self.cap is not None else "不设单项限额"


class PrintShopQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def designated_on(self, day):
        """Designated (政府采购定点) and in force on ``day``."""
        return self.filter(active=True, valid_from__lte=day, valid_until__gte=day)


class PrintShop(models.Model):
    """A print shop with government procurement status (政府采购定点), the only place outside printing may go."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="print_shops")
    name = models.CharField("打印店", max_length=100)
    procurement_ref = models.CharField("政府采购定点编号", max_length=100)
    address = models.CharField("地址", max_length=200, blank=True)
    valid_from = models.DateField("定点起始日期")
    valid_until = models.DateField("定点截止日期")
    active = models.BooleanField("有效", default=True)
    created_by = models.ForeignKey(Person, verbose_name="登记人", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("登记时间", default=timezone.now)

    objects = PrintShopQuerySet.as_manager()

    class Meta:
        verbose_name = "定点打印店"
        verbose_name_plural = "定点打印店"
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="printshop_unique_name")]

    def __str__(self) -> str:
        return self.name


class ExpenseStatus(models.TextChoices):
    PENDING = "pending", "待特批"
    RECORDED = "recorded", "已列支"
    REJECTED = "rejected", "不予特批"
    WITHDRAWN = "withdrawn", "已撤销"


class PrintMode(models.TextChoices):
    IN_HOUSE = rules.IN_HOUSE, "内部打印复印"
    OUTSIDE = rules.OUTSIDE, "定点外印"


class ExpenseQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def recorded(self):
        return self.filter(status=ExpenseStatus.RECORDED)

    def pending(self):
        return self.filter(status=ExpenseStatus.PENDING)

    def of_year(self, year: int):
        return self.filter(line__year=year)

    def special(self):
        """Expenses that needed a special approval (超预算 or 超标准)."""
        return self.filter(Q(over_budget=True) | Q(over_standard=True))

    def with_related(self):
        return self.select_related("line", "line__department", "standard", "print_shop", "requested_by",
                                   "decided_by")


class Expense(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="expenses")
    line = models.ForeignKey(BudgetLine, verbose_name="预算项目", on_delete=models.PROTECT, related_name="expenses")
    standard = models.ForeignKey(SpendingStandard, verbose_name="开支标准", on_delete=models.PROTECT,
                                 related_name="expenses")
    spent_on = models.DateField("支出日期", db_index=True)
    description = models.CharField("事由", max_length=300)
    amount = models.DecimalField("金额（元）", **MONEY)
    quantity = models.PositiveIntegerField("数量", default=1)
    requested_by = models.ForeignKey(Person, verbose_name="经办人", on_delete=models.PROTECT, related_name="expenses")
    created_at = models.DateTimeField("登记时间", default=timezone.now)
    status = models.CharField("状态", max_length=20, choices=ExpenseStatus.choices, db_index=True)
    print_mode = models.CharField("印制方式", max_length=20, choices=PrintMode.choices, blank=True)
    print_shop = models.ForeignKey(PrintShop, verbose_name="定点打印店", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="expenses")
    outside_reason = models.CharField("外印理由", max_length=300, blank=True)
    reception_ref = models.CharField("公函及接待清单编号", max_length=100, blank=True)
    # special approval (特批) of an expense over the remaining budget or the standard (clause 一(五)1)
    over_budget = models.BooleanField("超预算", default=False)
    over_standard = models.BooleanField("超标准", default=False)
    findings = models.TextField("须特批的情形", blank=True)
    special_reason = models.TextField("特批申请理由", blank=True)
    decided_by = models.ForeignKey(Person, verbose_name="特批人", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField("特批时间", null=True, blank=True)
    decision_note = models.CharField("特批意见", max_length=500, blank=True)
    withdrawn_by = models.ForeignKey(Person, verbose_name="撤销人", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    withdrawn_at = models.DateTimeField("撤销时间", null=True, blank=True)
    withdrawn_reason = models.CharField("撤销原因", max_length=300, blank=True)

    objects = ExpenseQuerySet.as_manager()

    class Meta:
        verbose_name = "支出"
        verbose_name_plural = "支出"
        ordering = ["-spent_on", "-id"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="expense_amount_positive")]

    def __str__(self) -> str:
        return f"{self.spent_on:%Y-%m-%d} {self.description}"

    @property
    def needs_special(self) -> bool:
        return self.over_budget or self.over_standard


class ExpenseRefusal(models.Model):
    """An expense refused because it exceeded the remaining budget or the standard without a special approval, or
    went to a print shop that is not designated: kept as the evidence of the proposed 差错 lead."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    line = models.ForeignKey(BudgetLine, verbose_name="预算项目", on_delete=models.PROTECT, related_name="refusals")
    standard = models.ForeignKey(SpendingStandard, verbose_name="开支标准", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    spent_on = models.DateField("支出日期")
    description = models.CharField("事由", max_length=300)
    amount = models.DecimalField("金额（元）", **MONEY)
    quantity = models.PositiveIntegerField("数量", default=1)
    person = models.ForeignKey(Person, verbose_name="经办人", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", default=timezone.now)
    clause_id = models.CharField("条款", max_length=20)
    message = models.TextField("拒绝原因")

    class Meta:
        verbose_name = "被拒绝的支出"
        verbose_name_plural = "被拒绝的支出"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"被拒绝的支出：{self.description}"
