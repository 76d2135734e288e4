"""差错线索 and the error it becomes once 查实 (status confirmed): one row, one history (LeadEvent)."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.org.models import Person


class Channel(models.TextChoices):
    REPORT = "report", "举报（查实后计入）"
    WIDELY_KNOWN = "widely_known", "造成一定影响，被广泛知晓"
    LEADER_CRITICISM = "leader_criticism", "被领导明确指出并提出批评"
    INSPECTION = "inspection", "办公室内部检查"
    OTHER = "other", "其他经调查合适的情形"
    SYSTEM = "system", "系统发现"


class LeadStatus(models.TextChoices):
    PROPOSED = "proposed", "系统提出，待核查"
    OPEN = "open", "待核查"
    VERIFYING = "verifying", "核查中"
    CONFIRMED = "confirmed", "已查实（差错）"
    REJECTED = "rejected", "不予认定"
    OVERTURNED = "overturned", "申诉成立，已撤销"


AWAITING_VERIFICATION = (LeadStatus.PROPOSED, LeadStatus.OPEN, LeadStatus.VERIFYING)
ERROR_STATUSES = (LeadStatus.CONFIRMED, LeadStatus.OVERTURNED)


class Severity(models.TextChoices):
    GENERAL = "general", "一般差错"
    SERIOUS = "serious", "严重差错"
    UNDETERMINED = "undetermined", "待院长办公会议研究界定"


class Route(models.TextChoices):
    """Who decides a lead or an appeal: nobody decides a case that concerns them (errors.conflicts); with no one
    eligible left it goes up — to the 督查考核小组组长, then to the 院长办公会议."""

    VERIFIERS = "verifiers", "督查考核小组、绩效办"
    PERFORMANCE_HEAD = "performance_head", "绩效办负责人"
    SUPERVISION_LEADER = "supervision_leader", "督查考核小组组长"
    MEETING = "meeting", "院长办公会议"


class Liability(models.TextChoices):
    RESPONSIBLE = "responsible", "责任人"
    LEADER = "leader", "分管领导连带责任"
    DEPARTMENT_HEAD = "department_head", "科室负责人责任"


class LeadQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(person__unit=unit)

    def with_related(self):
        return self.select_related("clause", "person", "person__department", "department", "department_head")

    def awaiting_verification(self):
        return self.filter(status__in=AWAITING_VERIFICATION)

    def errors(self):
        """Leads that became errors (confirmed, or confirmed and later overturned): what the engine reads."""
        return self.filter(status__in=ERROR_STATUSES, confirmed_on__isnull=False)

    def in_year(self, year: int):
        return self.filter(confirmed_on__year=year)

    def of_person(self, person: Person):
        return self.filter(person=person)

    def for_source(self, obj):
        return self.filter(source_type=ContentType.objects.get_for_model(obj), source_id=obj.pk)

    def duplicates_of(self, *, person, clause, occurred_on, channel, exclude=None):
        """Live leads on the same person, clause, date and channel (not rejected or overturned): a second report of
        the same lapse is offered a merge instead of being registered twice."""
        qs = self.filter(person=person, clause=clause, occurred_on=occurred_on, channel=channel).exclude(
            status__in=(LeadStatus.REJECTED, LeadStatus.OVERTURNED))
        return qs.exclude(pk=exclude.pk) if exclude is not None else qs


class Lead(models.Model):
    channel = models.CharField("发现渠道", max_length=20, choices=Channel.choices)
    clause = models.ForeignKey("rulebook.Clause", verbose_name="违反条款", on_delete=models.PROTECT,
                               related_name="leads")
    person = models.ForeignKey(Person, verbose_name="责任人", on_delete=models.PROTECT, related_name="error_leads")
    department = models.ForeignKey("org.Department", verbose_name="责任科室", on_delete=models.PROTECT,
                                   related_name="error_leads")
    department_head = models.ForeignKey(Person, verbose_name="科室负责人", null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+")
    occurred_on = models.DateField("发生日期")
    description = models.TextField("差错情况")
    reporter = models.ForeignKey(Person, verbose_name="举报人/提出人", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    anonymous = models.BooleanField("匿名举报", default=False)
    route = models.CharField("核查认定", max_length=20, choices=Route.choices, default=Route.VERIFIERS)
    receipt_digest = models.CharField("查询码摘要", max_length=64, blank=True, db_index=True,
                                      help_text="匿名举报人凭查询码查看进展、补充证据；只存摘要")
    status = models.CharField("状态", max_length=20, choices=LeadStatus.choices, default=LeadStatus.OPEN,
                              db_index=True)
    created_at = models.DateTimeField("登记时间", default=timezone.now)
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    source_label = models.CharField("来源", max_length=200, blank=True)
    source_url = models.CharField("来源链接", max_length=300, blank=True)
    # verification
    verified_by = models.ForeignKey(Person, verbose_name="核查人", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    verified_at = models.DateTimeField("核查时间", null=True, blank=True)
    verification_note = models.TextField("核查意见/理由", blank=True)
    severity = models.CharField("差错性质", max_length=20, choices=Severity.choices, blank=True)
    especially_serious = models.BooleanField("情节特别严重、影响特别重大", default=False)
    confirmed_on = models.DateField("认定日期", null=True, blank=True, db_index=True)
    meeting_date = models.DateField("院长办公会议日期", null=True, blank=True)
    meeting_decision = models.TextField("院长办公会议研究意见", blank=True)

    objects = LeadQuerySet.as_manager()

    class Meta:
        verbose_name = "差错线索"
        verbose_name_plural = "差错线索"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["source_type", "source_id"], condition=Q(source_id__isnull=False),
                                    name="lead_one_per_source"),
            models.CheckConstraint(condition=~Q(status__in=ERROR_STATUSES) | Q(confirmed_on__isnull=False),
                                   name="lead_error_has_confirmation_date"),
            models.CheckConstraint(condition=Q(anonymous=False) | Q(reporter__isnull=True),
                                   name="lead_anonymous_has_no_reporter"),
        ]

    def __str__(self) -> str:
        return f"差错线索 #{self.pk}：{self.person} · {self.clause.code}"

    def get_absolute_url(self) -> str:
        from django.urls import NoReverseMatch, reverse

        try:
            return reverse("errors:detail", args=[self.pk])
        except NoReverseMatch:  # until the root URLconf mounts the app at /errors/
            return f"/errors/{self.pk}/"

    @property
    def is_error(self) -> bool:
        return self.status in ERROR_STATUSES

    @property
    def awaiting_verification(self) -> bool:
        return self.status in AWAITING_VERIFICATION


class LeadEvent(models.Model):
    lead = models.ForeignKey(Lead, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=100)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return self.title


class AppealDecision(models.TextChoices):
    PENDING = "pending", "待决定"
    UPHELD = "upheld", "申诉成立"
    DISMISSED = "dismissed", "申诉不成立（维持原决定）"


class AppealQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(decision=AppealDecision.PENDING)


class Appeal(models.Model):
    lead = models.ForeignKey(Lead, verbose_name="差错", on_delete=models.PROTECT, related_name="appeals")
    appellant = models.ForeignKey(Person, verbose_name="申诉人", on_delete=models.PROTECT, related_name="+")
    liability = models.CharField("申诉的责任", max_length=20, choices=Liability.choices, default=Liability.RESPONSIBLE)
    route = models.CharField("决定人", max_length=20, choices=Route.choices, default=Route.PERFORMANCE_HEAD)
    reasons = models.TextField("申诉理由")
    filed_at = models.DateTimeField("申诉时间", default=timezone.now)
    decision = models.CharField("决定", max_length=20, choices=AppealDecision.choices,
                                default=AppealDecision.PENDING)
    decision_reasons = models.TextField("决定理由", blank=True)
    decided_by = models.ForeignKey(Person, verbose_name="决定人", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField("决定时间", null=True, blank=True)
    meeting_date = models.DateField("院长办公会议日期", null=True, blank=True)

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = "申诉"
        verbose_name_plural = "申诉"
        ordering = ["filed_at", "id"]
        # one appeal per decision and person (errors.decisions refuses a second one; appeals filed before that rule
        # are kept as they were): the database holds at most one pending appeal per person and lead
        constraints = [models.UniqueConstraint(fields=["lead", "appellant"], condition=Q(decision="pending"),
                                               name="appeal_one_pending_per_person")]

    def __str__(self) -> str:
        return f"申诉 #{self.pk}（差错线索 #{self.lead_id}）"


class DecisionNoticeQuerySet(models.QuerySet):
    def of(self, person: Person):
        return self.filter(person=person)


class DecisionNotice(models.Model):
    """A person concerned by a decision — the person responsible, the 分管领导 with joint liability, the 科室负责人 held
    accountable — was notified of it at ``notified_at``: their appeal window runs from here."""

    lead = models.ForeignKey(Lead, on_delete=models.PROTECT, related_name="notices")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    liability = models.CharField(max_length=20, choices=Liability.choices)
    notified_at = models.DateTimeField(default=timezone.now)

    objects = DecisionNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = "认定通知"
        verbose_name_plural = "认定通知"
        constraints = [models.UniqueConstraint(fields=["lead", "person", "liability"], name="decisionnotice_once")]

    def __str__(self) -> str:
        return f"{self.person} · 差错线索 #{self.lead_id} · {self.get_liability_display()}"
