"""涉密载体 (clause 一(七)1): the register of classified paper documents and items, their check-out and return,
approved copying and excerpting, regular inventory checks and recorded destruction."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from zeroerror.org.models import Department, Person, Unit
from zeroerror.secrecy import rules


class Classification(models.TextChoices):
    TOP_SECRET = "top_secret", "绝密"
    SECRET = "secret", "机密"
    CONFIDENTIAL = "confidential", "秘密"


class ItemKind(models.TextChoices):
    DOCUMENT = "document", "文件"
    MATERIAL = "material", "资料"
    ITEM = "item", "物品"


class ItemStatus(models.TextChoices):
    IN_STORE = "in_store", "在库"
    CHECKED_OUT = "checked_out", "借出"
    DESTROYED = "destroyed", "已销毁"


class ClassifiedItemQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def current(self):
        return self.exclude(status=ItemStatus.DESTROYED)

    def checked_out(self):
        return self.filter(status=ItemStatus.CHECKED_OUT)

    def kept_by(self, person):
        return self.filter(models.Q(custodian=person) | models.Q(holder=person))

    def with_people(self):
        return self.select_related("custodian", "holder", "department", "copied_from")


class ClassifiedItem(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="classified_items")
    number = models.CharField("编号", max_length=40)
    name = models.CharField("载体名称", max_length=200,
                            help_text="只填名称或文号，不得填写涉密内容")
    kind = models.CharField("类别", max_length=20, choices=ItemKind.choices, default=ItemKind.DOCUMENT)
    classification = models.CharField("密级", max_length=20, choices=Classification.choices)
    period_years = models.PositiveSmallIntegerField("保密期限（年）")
    copies = models.PositiveSmallIntegerField("份数", default=1)
    origin = models.CharField("来源", max_length=200, blank=True, help_text="来文机关或制作科室")
    custodian = models.ForeignKey(Person, verbose_name="保管人", on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey(Department, verbose_name="保管科室", on_delete=models.PROTECT, related_name="+")
    location = models.CharField("存放位置", max_length=200)
    status = models.CharField("状态", max_length=20, choices=ItemStatus.choices, default=ItemStatus.IN_STORE,
                              db_index=True)
    holder = models.ForeignKey(Person, verbose_name="借阅人", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    due_back_at = models.DateTimeField("应归还时间", null=True, blank=True)
    copied_from = models.ForeignKey("self", verbose_name="复制/摘录自", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="copies_made")
    registered_at = models.DateTimeField("登记时间", default=timezone.now)
    registered_by = models.ForeignKey(Person, verbose_name="登记人", null=True, on_delete=models.PROTECT,
                                      related_name="+")

    objects = ClassifiedItemQuerySet.as_manager()

    class Meta:
        verbose_name = "涉密载体"
        verbose_name_plural = "涉密载体"
        ordering = ["-registered_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["unit", "number"], name="classified_item_unique_number")]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    @property
    def marking(self) -> str:
        return rules.marking(self.classification, self.period_years)


class ItemEventKind(models.TextChoices):
    REGISTER = "register", "登记"
    CHECK_OUT = "check_out", "借出"
    RETURN = "return", "归还"
    COPY = "copy", "复制（经批准）"
    EXCERPT = "excerpt", "摘录（经批准）"
    CHECK = "check", "清点"
    DESTROY = "destroy", "销毁"
    CORRECT = "correct", "更正"


class ItemEventQuerySet(models.QuerySet):
    def with_people(self):
        return self.select_related("person", "approved_by", "recorded_by")


class ItemEvent(models.Model):
    """One line of an item's register history — append-only."""

    item = models.ForeignKey(ClassifiedItem, verbose_name="涉密载体", on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("事项", max_length=20, choices=ItemEventKind.choices)
    at = models.DateTimeField("时间", default=timezone.now)
    person = models.ForeignKey(Person, verbose_name="经办人/借阅人", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    approved_by = models.ForeignKey(Person, verbose_name="批准人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_by = models.ForeignKey(Person, verbose_name="登记人", null=True, on_delete=models.PROTECT,
                                    related_name="+")
    note = models.TextField("说明", blank=True)
    changes = models.JSONField("更正内容", default=dict, blank=True)

    objects = ItemEventQuerySet.as_manager()

    class Meta:
        verbose_name = "涉密载体登记记录"
        verbose_name_plural = "涉密载体登记记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.item.number} {self.get_kind_display()}"


class CopyRequestStatus(models.TextChoices):
    PENDING = "pending", "待审批"
    APPROVED = "approved", "已批准"
    REFUSED = "refused", "不予批准"
    DONE = "done", "已复制/摘录"


class CopyRequestQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(item__unit=unit)

    def pending(self):
        return self.filter(status=CopyRequestStatus.PENDING)

    def with_related(self):
        return self.select_related("item", "requested_by", "decided_by")


class CopyRequest(models.Model):
    """复制、摘录 of a 涉密载体 only with approval (一(七)1); the copies made are registered as new items."""

    item = models.ForeignKey(ClassifiedItem, verbose_name="涉密载体", on_delete=models.PROTECT,
                             related_name="copy_requests")
    excerpt = models.BooleanField("摘录", default=False, help_text="否则为复制")
    copies = models.PositiveSmallIntegerField("份数", default=1)
    reason = models.CharField("事由", max_length=500)
    requested_by = models.ForeignKey(Person, verbose_name="申请人", on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField("申请时间", default=timezone.now)
    status = models.CharField("状态", max_length=20, choices=CopyRequestStatus.choices,
                              default=CopyRequestStatus.PENDING, db_index=True)
    decided_by = models.ForeignKey(Person, verbose_name="审批人", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField("审批时间", null=True, blank=True)
    decision_note = models.CharField("审批意见", max_length=500, blank=True)

    objects = CopyRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "复制摘录申请"
        verbose_name_plural = "复制摘录申请"
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.item.number} {self.label}申请"

    @property
    def label(self) -> str:
        return "摘录" if self.excerpt else "复制"


class InventoryCheckQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)


class InventoryCheck(models.Model):
    """A regular 清点 of every current item: each one found or missing; a missing one is a lead (一(七)1)."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField("清点时间", default=timezone.now)
    checked_by = models.ForeignKey(Person, verbose_name="清点人", on_delete=models.PROTECT, related_name="+")
    results = models.JSONField("清点结果", default=list, help_text="[{item, number, found, note}]")
    note = models.TextField("说明", blank=True)

    objects = InventoryCheckQuerySet.as_manager()

    class Meta:
        verbose_name = "涉密载体清点"
        verbose_name_plural = "涉密载体清点"
        ordering = ["-checked_at", "-id"]

    def __str__(self) -> str:
        return f"涉密载体清点 {self.checked_at:%Y-%m-%d}"

    @property
    def missing(self) -> list[dict]:
        return [r for r in self.results if not r.get("found")]
