"""What 发文 and 收文 share: the leader roles, the named queries of a document (who may see it: clause 一(一)3)
and the 密级/保密期限 fields."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.documents.docnumber import Classification, SecrecyLevel
from zeroerror.org.models import Person
from zeroerror.org.roles import Role

LEADER_ROLES = (Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE)


class DocumentQuerySet(models.QuerySet):
    """Shared named queries; ``visible_to`` is the one rule of who may see a document (clause 一(一)3)."""

    search_fields: tuple[str, ...] = ()
    content_fields: tuple[str, ...] = ()  # searched only where the reader may read the content (密级: on the route)

    def classified(self):
        return self.exclude(secrecy_level="")

    def unclassified(self):
        return self.filter(secrecy_level="")

    def secrecy_expired(self, on=None):
        """Classified documents whose 保密期限 has run out (a 解密 review is due)."""
        return self.classified().filter(secrecy_expires_on__lte=on or timezone.localdate())

    def search(self, text: str, *, reader: Person | None = None):
        """Every word of ``text`` somewhere in 标题, 文号, 来文机关 or 正文 (substring match: works for Chinese on
        SQLite and PostgreSQL alike, no tokeniser needed). The query is normalised as 文号 are stored: [2026],
        (2026) or full-width digits find 〔2026〕. With a ``reader``, the 正文 of a 密级 document is searched only
        when the reader is on its route — an auditor who may list it must not probe its content by searching."""
        from zeroerror.documents.docnumber import normalise_query

        qs = self
        body_open = Q()
        if reader is not None:
            body_open = Q(secrecy_level="") | Q(pk__in=self.model.objects.filter(route__person=reader).values("pk"))
        for word in normalise_query(text).split():
            match = Q()
            for field in self.search_fields:
                if field in self.content_fields:
                    match |= Q(**{f"{field}__icontains": word}) & body_open
                else:
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
