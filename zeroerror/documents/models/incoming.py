"""收文: the document, its 领导批示 and its 传阅 with read receipts."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.documents.docnumber import DocumentKind, Urgency
from zeroerror.documents.models.common import ClassifiedMixin, DocumentQuerySet, _office_or_leader
from zeroerror.org.models import Department, Person, Unit


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
    WITHDRAWN = "withdrawn", "已撤销签收"


# 初审 refused: the document never enters handling (clause 一(一)1)
INCOMING_CLOSED_OUT = (IncomingStatus.RETURNED, IncomingStatus.TRANSFERRED)


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
            models.UniqueConstraint(fields=["unit", "sender", "doc_number"],
                                    condition=~Q(doc_number="") & ~Q(status="withdrawn"),
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


class Instruction(models.Model):
    """领导批示, kept verbatim with who and when (clause 一(一)5)."""

    document = models.ForeignKey(IncomingDocument, on_delete=models.PROTECT, related_name="instructions")
    leader = models.ForeignKey(Person, verbose_name="批示领导", on_delete=models.PROTECT, related_name="+")
    text = models.TextField("批示内容")
    at = models.DateTimeField("批示时间", default=timezone.now)
    due_at = models.DateTimeField("要求办结时间", null=True, blank=True)
    # a handwritten 批示 on the paper 阅办单, entered by the office on the leader's behalf (issue 11 2(d)); its scan is
    # an attachment of the document (purpose 批示扫描件)
    recorded_by = models.ForeignKey(Person, verbose_name="代录人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField("代录时间", null=True, blank=True)

    class Meta:
        verbose_name = "领导批示"
        verbose_name_plural = "领导批示"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.leader.name}批示"

    @property
    def on_paper(self) -> bool:
        return self.recorded_by_id is not None


class CirculationQuerySet(models.QuerySet):
    def pending(self):
        """Still 在阅: neither read nor withdrawn — 传阅 is not over while one is left."""
        return self.filter(read_at__isnull=True, withdrawn_at__isnull=True)


class Circulation(models.Model):
    """传阅 of a 收文 to one reader, with the read receipt: always showing where the document is."""

    document = models.ForeignKey(IncomingDocument, on_delete=models.PROTECT, related_name="circulations")
    reader = models.ForeignKey(Person, verbose_name="阅件人", on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField("送阅时间", default=timezone.now)
    sent_by = models.ForeignKey(Person, verbose_name="送阅人", on_delete=models.PROTECT, related_name="+")
    read_at = models.DateTimeField("阅毕时间", null=True, blank=True)
    comment = models.CharField("阅件意见", max_length=300, blank=True)
    # 撤回传阅 (issue 11 2(e)): the office takes the document back from a reader who has not read it, with a reason
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    withdrawn_by = models.ForeignKey(Person, verbose_name="撤回人", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    withdraw_reason = models.CharField("撤回理由", max_length=200, blank=True)

    objects = CirculationQuerySet.as_manager()

    class Meta:
        verbose_name = "传阅"
        verbose_name_plural = "传阅"
        ordering = ["sent_at", "id"]
        constraints = [models.UniqueConstraint(fields=["document", "reader"], name="circulation_unique_reader")]

    def __str__(self) -> str:
        return f"{self.reader} 传阅"
