"""The clause catalogue in the database, versioned: an amended regulation adds a RegulationVersion; errors keep
pointing at the Clause row of the version they were charged under. Rows are loaded from the pure catalogue
(``zeroerror.rulebook.catalogue``) by :func:`load_catalogue`, which is idempotent."""

from __future__ import annotations

from django.db import models, transaction
from django.utils import timezone

from zeroerror.rulebook import catalogue


class RegulationVersionQuerySet(models.QuerySet):
    def latest_version(self):
        return self.order_by("-loaded_at", "-id").first()


class RegulationVersion(models.Model):
    version = models.CharField("版本", max_length=20, unique=True)
    title = models.CharField("标题", max_length=200)
    effective_date = models.DateField("施行日期", null=True, blank=True)
    loaded_at = models.DateTimeField("载入时间", default=timezone.now)

    objects = RegulationVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "规定版本"
        verbose_name_plural = "规定版本"
        ordering = ["loaded_at", "id"]

    def __str__(self) -> str:
        return f"{self.title}（{self.version}）"


class ClauseQuerySet(models.QuerySet):
    def current(self):
        """Clauses of the most recently loaded version."""
        latest = RegulationVersion.objects.latest_version()
        return self.filter(version=latest) if latest else self.none()

    def for_area(self, area: str):
        return self.filter(area=area)


class Clause(models.Model):
    version = models.ForeignKey(RegulationVersion, verbose_name="规定版本", on_delete=models.PROTECT,
                                related_name="clauses")
    code = models.CharField("条款编号", max_length=20, help_text="如 一(二)7")
    area = models.CharField("领域", max_length=20)
    number = models.PositiveIntegerField("序号")
    title = models.CharField("标题", max_length=50)
    text = models.TextField("条款原文")

    objects = ClauseQuerySet.as_manager()

    class Meta:
        verbose_name = "条款"
        verbose_name_plural = "条款"
        ordering = ["version_id", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="clause_unique_code_per_version")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


def load_catalogue(version: str = "v1") -> tuple[RegulationVersion, int]:
    """Load a shipped regulation version into the database; returns (version row, clauses created). Idempotent:
    clauses already present are left untouched (their text is what old errors were charged under)."""
    regulation = catalogue.load_regulation(version)
    with transaction.atomic():
        row, _ = RegulationVersion.objects.get_or_create(
            version=regulation.version,
            defaults={"title": regulation.title, "effective_date": regulation.effective_date},
        )
        existing = set(row.clauses.values_list("code", flat=True))
        new = [
            Clause(version=row, code=c.id, area=c.area, number=c.number, title=c.title, text=c.text)
            for c in regulation.clauses
            if c.id not in existing
        ]
        Clause.objects.bulk_create(new)
    return row, len(new)
