"""校对 data: the unit's sensitive terms, the waivers ("确认无误") recorded against a checked object, and the
scratch sessions of the 校对 page. The rules themselves live in the pure engine (:mod:`zeroerror.proofread.engine`)."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from zeroerror.org.models import Person


class Profile(models.TextChoices):
    DOCUMENT = "document", "公文（全部规则）"
    PUBLICATION = "publication", "信息公开与对外发布（个人信息、涉密为错误）"


class SensitiveTermQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class SensitiveTerm(models.Model):
    """A word the unit does not publish (an internal code name, a project name …); configured in 后台配置."""

    term = models.CharField("敏感词", max_length=100, unique=True)
    active = models.BooleanField("启用", default=True)
    note = models.CharField("说明", max_length=200, blank=True)

    objects = SensitiveTermQuerySet.as_manager()

    class Meta:
        verbose_name = "敏感词"
        verbose_name_plural = "敏感词"
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


class LexiconWordQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class LexiconWord(models.Model):
    """A word of the unit's own lexicon (a local name, a term of the trade) that the 错别字 check never flags —
    added by the office, usually from a false alarm on the 校对 page; every addition is audited. The names of the
    unit's people, departments, 来文机关 and meeting rooms are read from the database at check time and need no entry."""

    word = models.CharField("词语", max_length=40, unique=True)
    note = models.CharField("说明", max_length=200, blank=True)
    active = models.BooleanField("启用", default=True)
    added_by = models.ForeignKey(Person, verbose_name="添加人", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField("添加时间", default=timezone.now)

    objects = LexiconWordQuerySet.as_manager()

    class Meta:
        verbose_name = "本单位词库"
        verbose_name_plural = "本单位词库"
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word


class FindingWaiverQuerySet(models.QuerySet):
    def for_owner(self, owner: models.Model):
        return self.filter(owner_type=ContentType.objects.get_for_model(owner), owner_id=owner.pk)

    def with_actor(self):
        return self.select_related("actor")


class FindingWaiver(models.Model):
    """确认无误: a person decided that a finding in the text of ``owner`` is intended, and said why.

    It matches a later finding of the same rule and the same text (the position may move when the text is edited);
    one waiver covers one occurrence. A finding without text (the page layout of a .docx) is matched by its message."""

    owner_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    owner_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("owner_type", "owner_id")
    rule = models.CharField("规则", max_length=60)
    text = models.TextField("原文", blank=True)
    start = models.PositiveIntegerField("位置")
    message = models.TextField("问题说明", blank=True)
    reason = models.TextField("理由")
    actor = models.ForeignKey(Person, verbose_name="确认人", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("确认时间", default=timezone.now)

    objects = FindingWaiverQuerySet.as_manager()

    class Meta:
        verbose_name = "校对确认无误"
        verbose_name_plural = "校对确认无误"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["owner_type", "owner_id"])]

    def __str__(self) -> str:
        return f"{self.rule}：{self.text}"


class ProofreadSessionQuerySet(models.QuerySet):
    def of(self, person: Person):
        return self.filter(person=person)

    def recent(self):
        return self.order_by("-updated_at", "-id")


class ProofreadSession(models.Model):
    """One text checked on the 校对 page by one person (the owner of the waivers made there). Only its person sees it."""

    person = models.ForeignKey(Person, verbose_name="校对人", on_delete=models.PROTECT, related_name="+")
    profile = models.CharField("校对方案", max_length=20, choices=Profile.choices, default=Profile.DOCUMENT)
    text = models.TextField("文本")
    source_name = models.CharField("上传文件", max_length=200, blank=True)
    layout_findings = models.JSONField("版式问题", default=list, blank=True,
                                       help_text="上传 .docx 时发现的版式问题（页边距、字体、页码），与文字无关")
    created_at = models.DateTimeField("校对时间", default=timezone.now)
    updated_at = models.DateTimeField("修改时间", default=timezone.now)

    objects = ProofreadSessionQuerySet.as_manager()

    class Meta:
        verbose_name = "校对记录"
        verbose_name_plural = "校对记录"
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        head = self.source_name or self.text.strip().split("\n", 1)[0]
        return head[:40] or f"校对记录 {self.pk}"
