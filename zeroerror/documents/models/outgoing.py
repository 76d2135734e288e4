"""发文: the document, its 会签 and its 分发 records with 回执."""

from __future__ import annotations

import hashlib

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.documents.docnumber import DocumentKind, Urgency
from zeroerror.documents.models.common import ClassifiedMixin, DocumentQuerySet, _office_or_leader
from zeroerror.org.models import Department, Person, Unit
from zeroerror.org.roles import Role


class OutgoingStatus(models.TextChoices):
    DRAFT = "draft", "拟稿"
    REVIEWED = "reviewed", "已核稿（待首读）"
    COUNTERSIGNING = "countersigning", "首读通过（会签中）"
    FIRST_READ_PASSED = "first_read_passed", "首读通过（待签发）"
    SIGNED = "signed", "已签发（待编号）"
    NUMBERED = "numbered", "已编号（待印制）"
    PRINTED = "printed", "已印制（待分发）"
    DISTRIBUTED = "distributed", "已分发"
    ARCHIVED = "archived", "已归档"


class OutgoingQuerySet(DocumentQuerySet):
    search_fields = ("title", "doc_number", "addressees", "body")
    content_fields = ("body",)

    def of_department(self, department_id: int):
        return self.filter(department_id=department_id)

    def _open_to(self, person: Person) -> Q:
        if _office_or_leader(person) or person.has_role(Role.FIRST_READER):
            return Q()
        departments = person.visible_department_ids()
        return Q(department_id__in=departments) | Q(drafter=person)

    def with_people(self):
        return self.select_related("drafter", "department", "reviewer", "first_reader", "signer", "unit")

    def in_status(self, *statuses):
        return self.filter(status__in=statuses)

    def awaiting_first_read(self):
        return self.filter(status=OutgoingStatus.REVIEWED)

    def awaiting_signature(self):
        return self.filter(status=OutgoingStatus.FIRST_READ_PASSED)

    def with_distribution_counts(self):
        """分发 at a glance (clause 一(一)8): recipients, receipts, 错发 and 迟发 per document."""
        d = "distributions"
        return self.annotate(
            sent_count=models.Count(d, distinct=True),
            receipt_count=models.Count(d, filter=Q(distributions__received_at__isnull=False), distinct=True),
            misdirected_count=models.Count(d, filter=Q(distributions__misdirected=True), distinct=True),
            late_count=models.Count(d, filter=Q(distributions__sent_at__gt=models.F("distributions__due_at")),
                                    distinct=True),
        )


class OutgoingDocument(ClassifiedMixin):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("文种", max_length=20, choices=DocumentKind.choices(), default=DocumentKind.NOTICE)
    urgency = models.CharField("紧急程度", max_length=20, choices=Urgency.choices(), default=Urgency.NORMAL)
    agency_code = models.CharField("机关代字", max_length=20)
    agency_mark = models.CharField("发文机关标志", max_length=100)
    title = models.CharField("标题", max_length=200)
    addressees = models.CharField("主送机关", max_length=300, blank=True)
    body = models.TextField("正文", help_text="每段一行；层次序数用 一、（一）1.（1）")
    attachment_names = models.TextField("附件说明", blank=True, help_text="每个附件名称一行，不加序号")
    signature = models.CharField("发文机关署名", max_length=100)
    note = models.CharField("附注", max_length=200, blank=True)
    copy_to = models.TextField("抄送机关", blank=True, help_text="每个机关一行")
    copies = models.PositiveIntegerField("印制份数", default=1)
    # 纪要 only (GB/T 9704 10.3): 出席, 请假, 列席 — one name (or unit and name) per line
    attendees = models.TextField("出席", blank=True, help_text="纪要：每行一人（单位或职务加姓名）")
    on_leave = models.TextField("请假", blank=True, help_text="纪要：每行一人")
    observers = models.TextField("列席", blank=True, help_text="纪要：每行一人")
    countersign_departments = models.ManyToManyField(Department, verbose_name="会签科室", blank=True,
                                                     related_name="+", help_text="需要会签的科室（负责人会签）")
    drafter = models.ForeignKey(Person, verbose_name="拟稿人", on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey(Department, verbose_name="拟稿科室", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("拟稿时间", default=timezone.now)
    status = models.CharField("状态", max_length=20, choices=OutgoingStatus.choices, default=OutgoingStatus.DRAFT,
                              db_index=True)
    # 核稿
    reviewer = models.ForeignKey(Person, verbose_name="核稿人", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    reviewed_at = models.DateTimeField("核稿时间", null=True, blank=True)
    review_override_reason = models.TextField("校对差错放行理由", blank=True)
    # 首读 (clause 一(一)2)
    first_reader = models.ForeignKey(Person, verbose_name="首读人", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    first_read_at = models.DateTimeField("首读时间", null=True, blank=True)
    first_read_policy = models.BooleanField("政策性", null=True)
    first_read_norms = models.BooleanField("规范性", null=True)
    first_read_precision = models.BooleanField("精准性", null=True)
    first_read_opinion = models.TextField("首读意见", blank=True)
    # 签发
    signer = models.ForeignKey(Person, verbose_name="签发人", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    signed_at = models.DateTimeField("签发时间", null=True, blank=True)
    sign_opinion = models.CharField("签发意见", max_length=300, blank=True)
    signed_digest = models.CharField(max_length=64, blank=True, help_text="签发时正文等实质内容的摘要")
    resign_by = models.ForeignKey(Person, verbose_name="须由原签发人重新签发", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    # 编号
    doc_number = models.CharField("发文字号", max_length=50, blank=True, db_index=True)
    numbered_at = models.DateTimeField("编号时间", null=True, blank=True)
    # 印制 (clause 一(一)7)
    printed_by = models.ForeignKey(Person, verbose_name="印制人", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    printed_at = models.DateTimeField("印制时间", null=True, blank=True)
    print_checks = models.JSONField("印制检查", default=dict, blank=True)
    secure_printing = models.BooleanField("涉密印制", default=False)
    # 分发 / 归档
    distributed_at = models.DateTimeField("分发时间", null=True, blank=True)
    archived_at = models.DateTimeField("归档时间", null=True, blank=True)

    objects = OutgoingQuerySet.as_manager()

    class Meta:
        verbose_name = "发文"
        verbose_name_plural = "发文"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.doc_number} {self.title}" if self.doc_number else self.title

    @property
    def kind_enum(self) -> DocumentKind:
        return DocumentKind(self.kind)

    @property
    def is_upward(self) -> bool:
        direction = self.kind_enum.usual_direction
        return direction is not None and direction.value == "upward"

    @property
    def body_paragraphs(self) -> list[str]:
        return [line.strip() for line in self.body.splitlines() if line.strip()]

    @property
    def attachment_list(self) -> list[str]:
        return [line.strip() for line in self.attachment_names.splitlines() if line.strip()]

    @property
    def copy_to_list(self) -> list[str]:
        return [line.strip() for line in self.copy_to.splitlines() if line.strip()]

    @staticmethod
    def lines_of(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def issue_number(self) -> str:
        """A numbered 纪要's 期号 ("第3期"): the 序号 of its number in the 纪要's own sequence."""
        if self.kind != "minutes" or not self.doc_number:
            return ""
        return self.doc_number[self.doc_number.rindex("〕") + 1:] if "〕" in self.doc_number else self.doc_number

    @property
    def first_read_passed(self) -> bool:
        return bool(self.first_read_at and self.first_read_policy and self.first_read_norms
                    and self.first_read_precision)

    def pending_countersign_departments(self):
        """会签科室 that have not agreed since the last 首读."""
        if self.first_read_at is None:
            return self.countersign_departments.all()
        agreed = self.countersigns.filter(agree=True, at__gte=self.first_read_at).values("department_id")
        return self.countersign_departments.exclude(pk__in=agreed)

    def content_digest(self) -> str:
        """What the signer signed: a change of any of these after 签发 is substantive and goes back to them."""
        parts = [self.kind, self.title, self.addressees, self.body, self.attachment_names, self.signature,
                 self.secrecy_level, self.secrecy_period]
        if self.attendees or self.on_leave or self.observers:  # a 纪要's lists (absent: the digest as before)
            parts += [self.attendees, self.on_leave, self.observers]
        return hashlib.sha256("\x1f".join(p.strip() for p in parts).encode()).hexdigest()


class DistributionQuerySet(models.QuerySet):
    def awaiting_receipt(self):
        return self.filter(received_at__isnull=True)

    def misdirected(self):
        return self.filter(misdirected=True)

    def late(self):
        return self.filter(sent_at__gt=models.F("due_at"))


class Distribution(models.Model):
    """分发 to one recipient, with its 回执 (clause 一(一)8: 漏发、错发、迟发 visible at a glance)."""

    document = models.ForeignKey(OutgoingDocument, on_delete=models.PROTECT, related_name="distributions")
    recipient = models.CharField("接收单位", max_length=100)
    copies = models.PositiveIntegerField("份数", default=1)
    sent_at = models.DateTimeField("分发时间", default=timezone.now)
    sent_by = models.ForeignKey(Person, verbose_name="分发人", on_delete=models.PROTECT, related_name="+")
    due_at = models.DateTimeField("分发时限")
    received_at = models.DateTimeField("回执时间", null=True, blank=True)
    receipt_by = models.CharField("签收人", max_length=50, blank=True)
    misdirected = models.BooleanField("错发", default=False)
    receipt_note = models.CharField("回执说明", max_length=300, blank=True)

    objects = DistributionQuerySet.as_manager()

    class Meta:
        verbose_name = "分发记录"
        verbose_name_plural = "分发记录"
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["document", "recipient"], name="distribution_unique_recipient")]

    def __str__(self) -> str:
        return self.recipient

    @property
    def late(self) -> bool:
        return self.sent_at > self.due_at


class Countersign(models.Model):
    """会签: the head of a department agrees (or not) to a draft after 首读; kept for every round."""

    document = models.ForeignKey(OutgoingDocument, on_delete=models.PROTECT, related_name="countersigns")
    department = models.ForeignKey(Department, verbose_name="会签科室", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, verbose_name="会签人", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("会签时间", default=timezone.now)
    agree = models.BooleanField("同意")
    opinion = models.CharField("会签意见", max_length=300, blank=True)

    class Meta:
        verbose_name = "会签"
        verbose_name_plural = "会签"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.department} 会签"
