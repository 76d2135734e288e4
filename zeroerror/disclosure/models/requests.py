"""依申请公开 register (政府信息公开条例 第三十三条): every request with its statutory reply deadline — 20 working
days from receipt, extendable once by at most 20 working days with the approval of the head of the office that
handles 信息公开 (the applicant is told) — and its reply."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.org.models import Person, Unit

REPLY_WORKDAYS = 20
EXTENSION_MAX_WORKDAYS = 20


class RequestStatus(models.TextChoices):
    OPEN = "open", "办理中"
    ANSWERED = "answered", "已答复"


class RequestOutcome(models.TextChoices):
    """答复类型 (年度报告 table 三)."""

    DISCLOSED = "disclosed", "予以公开"
    PARTLY = "partly", "部分公开"
    REFUSED = "refused", "不予公开"
    NOT_HELD = "not_held", "本机关不掌握相关政府信息"
    NOT_OURS = "not_ours", "不属于本机关公开范围"
    OTHER = "other", "其他处理"


class RequestMethod(models.TextChoices):
    IN_PERSON = "in_person", "当面申请"
    LETTER = "letter", "信函申请"
    ONLINE = "online", "网络申请"
    FAX = "fax", "传真申请"


class DisclosureRequestQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def with_people(self):
        return self.select_related("handler", "registered_by", "extension_approved_by", "answered_by")

    def open(self):
        return self.filter(status=RequestStatus.OPEN)

    def overdue(self, now=None):
        return self.open().filter(due_at__lt=now or timezone.now())

    def received_in(self, year: int):
        return self.filter(received_on__year=year)

    def answered_in(self, year: int):
        return self.filter(answered_at__year=year)

    def matching(self, q: str):
        return self.filter(Q(applicant__icontains=q) | Q(content__icontains=q) | Q(number__icontains=q)) if q else self


class DisclosureRequest(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    number = models.CharField("登记号", max_length=20)
    applicant = models.CharField("申请人", max_length=100)
    applicant_kind = models.CharField("申请人类型", max_length=20, default="自然人")
    contact = models.CharField("联系方式", max_length=100, blank=True)
    content = models.TextField("申请公开的内容")
    method = models.CharField("申请方式", max_length=20, choices=RequestMethod.choices)
    received_on = models.DateField("收到申请日期")
    handler = models.ForeignKey(Person, verbose_name="承办人", on_delete=models.PROTECT, related_name="+")
    registered_by = models.ForeignKey(Person, verbose_name="登记人", on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField("登记时间", auto_now_add=True)
    due_at = models.DateTimeField("答复期限")
    original_due_at = models.DateTimeField("法定答复期限")
    extension_workdays = models.PositiveSmallIntegerField("延长工作日", default=0)
    extension_reason = models.CharField("延期理由", max_length=500, blank=True)
    extension_approved_by = models.ForeignKey(Person, verbose_name="延期批准人", null=True, blank=True,
                                              on_delete=models.PROTECT, related_name="+")
    extended_at = models.DateTimeField("延期时间", null=True, blank=True)
    status = models.CharField("状态", max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    outcome = models.CharField("答复类型", max_length=20, choices=RequestOutcome.choices, blank=True)
    reply = models.TextField("答复内容", blank=True)
    answered_by = models.ForeignKey(Person, verbose_name="答复人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)
    answered_late = models.BooleanField("逾期答复", default=False)

    objects = DisclosureRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "依申请公开登记"
        verbose_name_plural = "依申请公开登记"
        ordering = ["-received_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["unit", "number"], name="disclosure_request_unique_number")]

    def __str__(self) -> str:
        return f"依申请公开 {self.number}"

    @property
    def extended(self) -> bool:
        return self.extension_workdays > 0

    @property
    def is_overdue(self) -> bool:
        return self.status == RequestStatus.OPEN and self.due_at < timezone.now()
