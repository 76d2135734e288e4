"""Introduction letters from numbered stub books (clause 一(六)4, 5) and letterhead paper (clause 一(六)7)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from zeroerror.org.models import Person, Unit
from zeroerror.seals.models.appendonly import AppendOnly
from zeroerror.seals.models.register import SealUse
from zeroerror.seals.models.seals import Seal


class LetterBookQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def open(self):
        return self.filter(closed_at__isnull=True)


class LetterBook(models.Model):
    """A printed book of introduction letters numbered ``first_number``..``last_number``; each letter leaves its
    stub (存根) in the book, and the stubs are kept."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    seal = models.ForeignKey(Seal, verbose_name="所用印章", on_delete=models.PROTECT, related_name="letter_books")
    title = models.CharField("名称", max_length=100, help_text="如“青川县人民医院介绍信（2026年第1本）”")
    first_number = models.PositiveIntegerField("起始编号")
    last_number = models.PositiveIntegerField("终止编号")
    created_at = models.DateTimeField("启用时间", default=timezone.now)
    closed_at = models.DateTimeField("用完时间", null=True, blank=True)

    objects = LetterBookQuerySet.as_manager()

    class Meta:
        verbose_name = "介绍信本"
        verbose_name_plural = "介绍信本"
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(condition=models.Q(last_number__gte=models.F("first_number")),
                                              name="seals_letterbook_numbers_ordered")]

    def __str__(self) -> str:
        return self.title


class IntroductionLetterQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(book__unit=unit)

    def with_related(self):
        return self.select_related("book", "book__seal", "issued_by", "use", "use__requester", "use__approver")


class IntroductionLetter(AppendOnly):
    """The stub of one letter: every number of a book is accounted for, in order — issued, or spoiled (作废)."""

    book = models.ForeignKey(LetterBook, verbose_name="介绍信本", on_delete=models.PROTECT, related_name="stubs")
    number = models.PositiveIntegerField("存根编号")
    spoiled = models.BooleanField("作废", default=False)
    addressee = models.CharField("抬头单位", max_length=100, blank=True)
    bearers = models.CharField("持信人", max_length=100, blank=True)
    bearer_count = models.PositiveIntegerField("人数", default=0)
    matter = models.CharField("事由", max_length=300, blank=True)
    valid_until = models.DateField("有效期至", null=True, blank=True)
    reason = models.CharField("作废原因", max_length=300, blank=True)
    use = models.OneToOneField(SealUse, verbose_name="用印登记", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="letter")
    issued_by = models.ForeignKey(Person, verbose_name="开具人", on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField("开具时间", default=timezone.now)

    objects = IntroductionLetterQuerySet.as_manager()

    class Meta:
        verbose_name = "介绍信存根"
        verbose_name_plural = "介绍信存根"
        ordering = ["book_id", "number"]
        constraints = [models.UniqueConstraint(fields=["book", "number"], name="seals_letter_unique_number")]

    def __str__(self) -> str:
        return f"{self.book.title} 第{self.number}号"


class LetterheadKind(models.TextChoices):
    UNIT = "unit", "单位信笺"
    OFFICE = "office", "办公室信笺"


class LetterheadIssueQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def with_related(self):
        return self.select_related("recipient", "recipient__department", "issued_by")


class LetterheadIssue(AppendOnly):
    """一(六)7: letterhead paper printed with the unit's or the office's name goes to named people of the unit."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("信笺", max_length=20, choices=LetterheadKind.choices)
    sheets = models.PositiveIntegerField("张数")
    recipient = models.ForeignKey(Person, verbose_name="领用人", on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField("用途", max_length=200)
    issued_by = models.ForeignKey(Person, verbose_name="发放人", on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField("发放时间", default=timezone.now)

    objects = LetterheadIssueQuerySet.as_manager()

    class Meta:
        verbose_name = "信笺领用"
        verbose_name_plural = "信笺领用登记"
        ordering = ["-issued_at", "-id"]
        constraints = [models.CheckConstraint(condition=models.Q(sheets__gte=1), name="seals_letterhead_sheets_positive")]
