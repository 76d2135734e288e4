"""公文处理: 发文 (outgoing) and 收文 (incoming) documents, the gap-free 文号 register, 批示, the route of a
classified document and the 流转记录 timeline.

State changes happen only in :mod:`zeroerror.documents.actions`; these models hold data and named queries.
"""

from __future__ import annotations

import hashlib

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.documents.docnumber import Classification, DocumentKind, SecrecyLevel, Urgency
from zeroerror.org.models import Department, Person, Unit
from zeroerror.org.roles import Role

LEADER_ROLES = (Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE)


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


class IncomingStatus(models.TextChoices):
    RECEIVED = "received", "已签收（待登记）"
    REGISTERED = "registered", "已登记（待初审）"
    ACCEPTED = "accepted", "初审通过（待拟办）"
    RETURNED = "returned", "已退回"
    TRANSFERRED = "transferred", "已转办"
    PROPOSED = "proposed", "已拟办（待批示）"
    READING = "reading", "阅知件（传阅中）"
    INSTRUCTED = "instructed", "已批示（待交办）"
    HANDLING = "handling", "承办中"
    DONE = "done", "已办结"
    ARCHIVED = "archived", "已归档"


# 初审 refused: the document never enters handling (clause 一(一)1)
INCOMING_CLOSED_OUT = (IncomingStatus.RETURNED, IncomingStatus.TRANSFERRED)


class DocumentQuerySet(models.QuerySet):
    """Shared named queries; ``visible_to`` is the one rule of who may see a document (clause 一(一)3)."""

    search_fields: tuple[str, ...] = ()

    def classified(self):
        return self.exclude(secrecy_level="")

    def unclassified(self):
        return self.filter(secrecy_level="")

    def secrecy_expired(self, on=None):
        """Classified documents whose 保密期限 has run out (a 解密 review is due)."""
        return self.classified().filter(secrecy_expires_on__lte=on or timezone.localdate())

    def search(self, text: str):
        """Every word of ``text`` somewhere in 标题, 文号, 来文机关 or 正文 (substring match: works for Chinese on
        SQLite and PostgreSQL alike, no tokeniser needed)."""
        qs = self
        for word in text.split():
            match = Q()
            for field in self.search_fields:
                match |= Q(**{f"{field}__icontains": word})
            qs = qs.filter(match)
        return qs

    def overdue(self, now=None):
        """Documents with a step whose tracked item is past its time limit and not done."""
        from django.contrib.contenttypes.models import ContentType

        from zeroerror.tracking.models import ACTIVE_STATUSES, TrackedItem

        items = TrackedItem.objects.filter(source_type=ContentType.objects.get_for_model(self.model),
                                           status__in=ACTIVE_STATUSES, due_at__lt=now or timezone.now())
        return self.filter(pk__in=items.values("source_id"))

    def of_year(self, year: int):
        return self.filter(created_at__year=year)

    def on_route_of(self, person: Person):
        return self.filter(route__person=person).distinct()

    def visible_to(self, person: Person):
        qs = self.filter(unit_id=person.unit_id)
        if person.is_auditor:
            return qs
        on_route = Q(pk__in=self.model.objects.filter(route__person=person).values("pk"))
        open_to = self._open_to(person)
        # a document with a 密级 is seen only by the people on its route (and auditors)
        return qs.filter(on_route | (Q(secrecy_level="") & open_to))

    def _open_to(self, person: Person) -> Q:  # pragma: no cover - overridden
        raise NotImplementedError


def _office_or_leader(person: Person) -> bool:
    return (
        person.is_unit_wide
        or person.department.is_office
        or person.has_role(*LEADER_ROLES, Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)
    )


class OutgoingQuerySet(DocumentQuerySet):
    search_fields = ("title", "doc_number", "addressees", "body")

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


class IncomingQuerySet(DocumentQuerySet):
    search_fields = ("title", "doc_number", "sender")

    def of_department(self, department_id: int):
        return self.filter(main_department_id=department_id)

    def on_time_by_department(self):
        """按时办结率: per 主办科室, documents assigned, finished, finished within the time limit, still open."""
        finished = Q(status__in=(IncomingStatus.DONE, IncomingStatus.ARCHIVED))
        return (self.filter(main_department__isnull=False, assigned_at__isnull=False)
                .values("main_department_id", "main_department__name")
                .annotate(assigned=models.Count("pk"), finished=models.Count("pk", filter=finished),
                          on_time=models.Count("pk", filter=finished & Q(done_at__lte=models.F("handling_due_at"))),
                          open=models.Count("pk", filter=Q(status=IncomingStatus.HANDLING)))
                .order_by("main_department__name"))

    def _open_to(self, person: Person) -> Q:
        if _office_or_leader(person):
            return Q()
        departments = person.visible_department_ids()
        co = IncomingDocument.co_departments.through.objects.filter(department_id__in=departments)
        return Q(main_department_id__in=departments) | Q(pk__in=co.values("incomingdocument_id"))

    def with_people(self):
        return self.select_related("registrar", "main_department", "handler", "unit")

    def in_handling(self):
        return self.exclude(status__in=(*INCOMING_CLOSED_OUT, IncomingStatus.RECEIVED, IncomingStatus.REGISTERED))


class ClassifiedMixin(models.Model):
    secrecy_level = models.CharField("密级", max_length=20, choices=SecrecyLevel.choices(), blank=True, db_index=True)
    secrecy_period = models.CharField("保密期限", max_length=20, blank=True, help_text="如 1年、6个月、长期；不填按密级最长期限")
    secrecy_expires_on = models.DateField("保密期限届满日", null=True, blank=True)
    secrecy_expiry_noticed_at = models.DateTimeField("届满提醒时间", null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_classified(self) -> bool:
        return bool(self.secrecy_level)

    @property
    def classification(self) -> Classification | None:
        if not self.secrecy_level:
            return None
        label = SecrecyLevel(self.secrecy_level).label
        return Classification.parse(f"{label}★{self.secrecy_period}" if self.secrecy_period else label)

    @property
    def classification_text(self) -> str:
        c = self.classification
        return str(c) if c else ""


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
        return hashlib.sha256("\x1f".join(p.strip() for p in parts).encode()).hexdigest()


class IncomingDocument(ClassifiedMixin):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    # 签收
    sender = models.CharField("来文机关", max_length=100)
    received_at = models.DateTimeField("签收时间", default=timezone.now)
    received_count = models.PositiveIntegerField("签收件数", default=1)
    registrar = models.ForeignKey(Person, verbose_name="签收/登记人", on_delete=models.PROTECT, related_name="+")
    # 登记
    doc_number = models.CharField("来文文号", max_length=50, blank=True)
    title = models.CharField("标题", max_length=200, blank=True)
    kind = models.CharField("文种", max_length=20, choices=DocumentKind.choices(), blank=True)
    urgency = models.CharField("紧急程度", max_length=20, choices=Urgency.choices(), default=Urgency.NORMAL)
    received_on = models.DateField("收文日期", null=True, blank=True)
    copies = models.PositiveIntegerField("份数", null=True, blank=True)
    pages = models.PositiveIntegerField("页数", null=True, blank=True)
    registered_at = models.DateTimeField("登记时间", null=True, blank=True)
    # 初审 (clause 一(一)1)
    reviewed_by = models.ForeignKey(Person, verbose_name="初审人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    reviewed_at = models.DateTimeField("初审时间", null=True, blank=True)
    review_reason = models.TextField("退回/转办理由", blank=True)
    transferred_to = models.CharField("转至", max_length=100, blank=True)
    # 拟办
    proposal = models.TextField("拟办意见", blank=True)
    proposed_by = models.ForeignKey(Person, verbose_name="拟办人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    proposed_at = models.DateTimeField("拟办时间", null=True, blank=True)
    leaders = models.ManyToManyField(Person, verbose_name="呈送领导", blank=True, related_name="+")
    # 承办
    main_department = models.ForeignKey(Department, verbose_name="主办科室", null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+")
    co_departments = models.ManyToManyField(Department, verbose_name="协办科室", blank=True, related_name="+")
    handler = models.ForeignKey(Person, verbose_name="承办人", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    handling_due_at = models.DateTimeField("办理时限", null=True, blank=True)
    assigned_at = models.DateTimeField("交办时间", null=True, blank=True)
    result = models.TextField("办理结果", blank=True)
    reply = models.TextField("答复情况", blank=True, help_text="请示、函等须答复来文机关的，记录答复方式和文号")
    done_at = models.DateTimeField("办结时间", null=True, blank=True)
    archived_at = models.DateTimeField("归档时间", null=True, blank=True)
    status = models.CharField("状态", max_length=20, choices=IncomingStatus.choices, default=IncomingStatus.RECEIVED,
                              db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = IncomingQuerySet.as_manager()

    class Meta:
        verbose_name = "收文"
        verbose_name_plural = "收文"
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "sender", "doc_number"], condition=~Q(doc_number=""),
                                    name="incoming_unique_sender_number"),
        ]

    def __str__(self) -> str:
        return f"{self.sender} {self.doc_number} {self.title}".strip()

    @property
    def kind_enum(self) -> DocumentKind | None:
        return DocumentKind(self.kind) if self.kind else None

    @property
    def closed_out(self) -> bool:
        return self.status in INCOMING_CLOSED_OUT


class DocumentNumberSequence(models.Model):
    """The last 序号 issued per 机关代字 per year; its row is locked while a number is assigned."""

    agency_code = models.CharField("机关代字", max_length=20)
    year = models.PositiveIntegerField("年份")
    last = models.PositiveIntegerField("已用至", default=0)

    class Meta:
        verbose_name = "发文字号序列"
        verbose_name_plural = "发文字号序列"
        constraints = [models.UniqueConstraint(fields=["agency_code", "year"], name="docnumber_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.agency_code}〔{self.year}〕 已用至{self.last}号"


class NumberStatus(models.TextChoices):
    ISSUED = "issued", "已使用"
    VOID = "void", "已作废"


class DocumentNumberQuerySet(models.QuerySet):
    def issued(self):
        return self.filter(status=NumberStatus.ISSUED)

    def void(self):
        return self.filter(status=NumberStatus.VOID)

    def of_sequence(self, agency_code: str, year: int):
        return self.filter(agency_code=agency_code, year=year).order_by("seq")


class DocumentNumber(models.Model):
    """Every 发文字号 ever assigned, including withdrawn (void) ones: a number is never reused."""

    agency_code = models.CharField("机关代字", max_length=20)
    year = models.PositiveIntegerField("年份")
    seq = models.PositiveIntegerField("序号")
    text = models.CharField("发文字号", max_length=50)
    document = models.ForeignKey(OutgoingDocument, verbose_name="发文", on_delete=models.PROTECT,
                                 related_name="numbers")
    status = models.CharField("状态", max_length=10, choices=NumberStatus.choices, default=NumberStatus.ISSUED)
    issued_by = models.ForeignKey(Person, verbose_name="编号人", null=True, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField("编号时间", default=timezone.now)
    void_reason = models.CharField("作废原因", max_length=300, blank=True)
    voided_at = models.DateTimeField("作废时间", null=True, blank=True)

    objects = DocumentNumberQuerySet.as_manager()

    class Meta:
        verbose_name = "发文字号"
        verbose_name_plural = "发文字号"
        ordering = ["agency_code", "year", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["agency_code", "year", "seq"], name="docnumber_unique_seq"),
            models.UniqueConstraint(fields=["document"], condition=Q(status="issued"),
                                    name="docnumber_one_issued_per_document"),
            models.CheckConstraint(condition=Q(status="issued") | ~Q(void_reason=""), name="docnumber_void_has_reason"),
        ]

    def __str__(self) -> str:
        return self.text


class Instruction(models.Model):
    """领导批示, kept verbatim with who and when (clause 一(一)5)."""

    document = models.ForeignKey(IncomingDocument, on_delete=models.PROTECT, related_name="instructions")
    leader = models.ForeignKey(Person, verbose_name="批示领导", on_delete=models.PROTECT, related_name="+")
    text = models.TextField("批示内容")
    at = models.DateTimeField("批示时间", default=timezone.now)
    due_at = models.DateTimeField("要求办结时间", null=True, blank=True)

    class Meta:
        verbose_name = "领导批示"
        verbose_name_plural = "领导批示"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.leader.name}批示"


class RouteEntry(models.Model):
    """A person on a document's route: who may see a classified document (clause 一(一)3)."""

    outgoing = models.ForeignKey(OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="route")
    incoming = models.ForeignKey(IncomingDocument, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="route")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField("经办环节", max_length=50)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "流转范围"
        verbose_name_plural = "流转范围"
        ordering = ["added_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(outgoing__isnull=True) ^ Q(incoming__isnull=True),
                                   name="routeentry_one_document"),
            models.UniqueConstraint(fields=["outgoing", "person"], name="routeentry_unique_outgoing"),
            models.UniqueConstraint(fields=["incoming", "person"], name="routeentry_unique_incoming"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.reason}"


class FlowEvent(models.Model):
    """One line of the 流转记录 (timeline) of a document."""

    outgoing = models.ForeignKey(OutgoingDocument, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="events")
    incoming = models.ForeignKey(IncomingDocument, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    step = models.CharField("环节", max_length=30)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(outgoing__isnull=True) ^ Q(incoming__isnull=True),
                                   name="flowevent_one_document"),
        ]

    def __str__(self) -> str:
        return self.step


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


class Circulation(models.Model):
    """传阅 of a 收文 to one reader, with the read receipt: always showing where the document is."""

    document = models.ForeignKey(IncomingDocument, on_delete=models.PROTECT, related_name="circulations")
    reader = models.ForeignKey(Person, verbose_name="阅件人", on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField("送阅时间", default=timezone.now)
    sent_by = models.ForeignKey(Person, verbose_name="送阅人", on_delete=models.PROTECT, related_name="+")
    read_at = models.DateTimeField("阅毕时间", null=True, blank=True)
    comment = models.CharField("阅件意见", max_length=300, blank=True)

    class Meta:
        verbose_name = "传阅"
        verbose_name_plural = "传阅"
        ordering = ["sent_at", "id"]
        constraints = [models.UniqueConstraint(fields=["document", "reader"], name="circulation_unique_reader")]

    def __str__(self) -> str:
        return f"{self.reader} 传阅"


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
