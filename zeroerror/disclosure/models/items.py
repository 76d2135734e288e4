"""Items to publish (网站、微信公众号、电子显示屏): draft → 保密审查 → 审批 → 发布 (→ 撤稿).

A published item's text is kept as :class:`Publication`, written once and never changed: what went out, when, who
approved and who published it. A 撤稿 is a :class:`Withdrawal` with its reason; nothing is deleted.
"""

from __future__ import annotations

import hashlib

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.org.models import Department, Person, Unit


class Channel(models.TextChoices):
    WEBSITE = "website", "门户网站"
    WECHAT = "wechat", "微信公众号"
    SCREEN = "screen", "电子显示屏"


class Openness(models.TextChoices):
    """公开属性 (政府信息公开条例 第十九条、第二十七条、第十四条–第十六条)."""

    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    NOT_DISCLOSED = "not_disclosed", "不予公开"


class ItemStatus(models.TextChoices):
    DRAFT = "draft", "拟稿"
    IN_REVIEW = "in_review", "待保密审查"
    REVIEWED = "reviewed", "待审批"
    APPROVED = "approved", "待发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤稿"


class DisclosureItemQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def with_people(self):
        return self.select_related("drafter", "department", "approved_by", "publication")

    def proactive(self):
        return self.filter(openness=Openness.PROACTIVE)

    def unpublished(self):
        return self.exclude(status__in=(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN))

    def overdue(self, now=None):
        """应公开未公开: 主动公开 items past their deadline and still not published."""
        return self.proactive().unpublished().filter(due_at__lt=now or timezone.now())

    def published_late(self):
        return self.filter(publication__late=True)

    def out_of_scope(self):
        """不应公开而公开: published, then found 不予公开 (withdrawn for that reason)."""
        return self.filter(withdrawal__kind=WithdrawalKind.OUT_OF_SCOPE)

    def awaiting(self, status):
        return self.filter(status=status)

    def published_in(self, year: int):
        return self.filter(publication__published_at__year=year)

    def matching(self, q: str):
        return self.filter(Q(title__icontains=q) | Q(text__icontains=q)) if q else self


class DisclosureItem(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey(Department, verbose_name="提供科室", on_delete=models.PROTECT, related_name="+")
    drafter = models.ForeignKey(Person, verbose_name="拟稿人", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("标题", max_length=200)
    text = models.TextField("正文")
    channel = models.CharField("发布渠道", max_length=20, choices=Channel.choices)
    openness = models.CharField("公开属性", max_length=20, choices=Openness.choices, default=Openness.PROACTIVE)
    not_disclosed_reason = models.CharField("不予公开依据", max_length=300, blank=True)
    formed_on = models.DateField("信息形成（变更）日期")
    limit_workdays = models.PositiveSmallIntegerField("公开时限（工作日）")
    due_at = models.DateTimeField("应公开时限", null=True, blank=True)
    status = models.CharField("状态", max_length=20, choices=ItemStatus.choices, default=ItemStatus.DRAFT)
    return_note = models.CharField("退回意见", max_length=500, blank=True)
    approved_by = models.ForeignKey(Person, verbose_name="审批人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    approved_at = models.DateTimeField("审批时间", null=True, blank=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = DisclosureItemQuerySet.as_manager()

    class Meta:
        verbose_name = "信息公开事项"
        verbose_name_plural = "信息公开事项"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "status"]), models.Index(fields=["unit", "due_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def full_text(self) -> str:
        """What goes out and what is checked: the title and the body, one paragraph a line."""
        return f"{self.title}\n{self.text}"

    @property
    def is_overdue(self) -> bool:
        return (self.openness == Openness.PROACTIVE and self.due_at is not None
                and self.status not in (ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN) and self.due_at < timezone.now())

    @property
    def editable(self) -> bool:
        return self.status == ItemStatus.DRAFT


class SecrecyReview(models.Model):
    """One 保密审查 result, recorded by the 保密审查员 with the problems the checker found in the text they saw."""

    item = models.ForeignKey(DisclosureItem, verbose_name="事项", on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(Person, verbose_name="保密审查员", on_delete=models.PROTECT, related_name="+")
    passed = models.BooleanField("审查通过")
    note = models.CharField("审查意见", max_length=500, blank=True)
    problems = models.JSONField("检查发现", default=list, blank=True)
    text_sha256 = models.CharField("所审文本摘要", max_length=64)
    reviewed_at = models.DateTimeField("审查时间", default=timezone.now)

    class Meta:
        verbose_name = "保密审查记录"
        verbose_name_plural = "保密审查记录"
        ordering = ["reviewed_at", "id"]

    def __str__(self) -> str:
        return f"保密审查（{'通过' if self.passed else '不通过'}）"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ImmutableError(Exception):
    pass


class Publication(models.Model):
    """What went out: written once when the item is published, never changed or deleted (shown on the item page)."""

    item = models.OneToOneField(DisclosureItem, verbose_name="事项", on_delete=models.PROTECT,
                                related_name="publication")
    title = models.CharField("发布标题", max_length=200)
    text = models.TextField("发布正文")
    text_sha256 = models.CharField("正文摘要", max_length=64)
    channel = models.CharField("发布渠道", max_length=20, choices=Channel.choices)
    approved_by = models.ForeignKey(Person, verbose_name="审批人", on_delete=models.PROTECT, related_name="+")
    approved_by_name = models.CharField("审批人姓名", max_length=50)
    approved_at = models.DateTimeField("审批时间")
    published_by = models.ForeignKey(Person, verbose_name="发布人", on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField("发布时间")
    late = models.BooleanField("超时限发布", default=False)
    late_reason = models.CharField("逾期发布原因", max_length=500, blank=True)

    class Meta:
        verbose_name = "发布记录"
        verbose_name_plural = "发布记录"

    def __str__(self) -> str:
        return f"发布：{self.title}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("发布记录不可修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("发布记录不可删除。")

    @property
    def intact(self) -> bool:
        return sha256(f"{self.title}\n{self.text}") == self.text_sha256


class WithdrawalKind(models.TextChoices):
    OUT_OF_SCOPE = "out_of_scope", "不应公开而公开（超范围）"
    INACCURATE = "inaccurate", "内容不准确"
    TEXT_ERROR = "text_error", "文字差错"
    OUTDATED = "outdated", "信息已失效或更新"
    OTHER = "other", "其他"


# the clause a withdrawal of each kind shows a lapse of (none for an ordinary update)
WITHDRAWAL_CLAUSES = {
    WithdrawalKind.OUT_OF_SCOPE: "一(四)1",
    WithdrawalKind.INACCURATE: "一(四)3",
    WithdrawalKind.TEXT_ERROR: "一(四)4",
}


class Withdrawal(models.Model):
    item = models.OneToOneField(DisclosureItem, verbose_name="事项", on_delete=models.PROTECT,
                                related_name="withdrawal")
    kind = models.CharField("撤稿类别", max_length=20, choices=WithdrawalKind.choices)
    reason = models.CharField("撤稿原因", max_length=500)
    withdrawn_by = models.ForeignKey(Person, verbose_name="撤稿人", on_delete=models.PROTECT, related_name="+")
    withdrawn_at = models.DateTimeField("撤稿时间", default=timezone.now)

    class Meta:
        verbose_name = "撤稿记录"
        verbose_name_plural = "撤稿记录"

    def __str__(self) -> str:
        return f"撤稿：{self.reason[:30]}"
