"""Who sees and does what in 环境. Every facilities view fetches through these helpers; no access is a 404.

* The office (办公室) runs the cleaning: it manages places and rotas and sees every round of its unit; the unit-wide
  roles read them too.
* A cleaner on a place's rota sees that place's rounds and ticks them — nobody else ticks (not even the office).
* A leader sees the rounds of the office they occupy.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from zeroerror.core.access import person_of
from zeroerror.facilities.models import CleaningRound, Place
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.tracking.registry import TodoEntry


def runs_facilities(person: Person) -> bool:
    return person.department.is_office or person.has_role(Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)


def sees_all(person: Person) -> bool:
    return runs_facilities(person) or person.is_unit_wide


def visible_places(person: Person):
    qs = Place.objects.of_unit(person.unit)
    if sees_all(person):
        return qs
    return qs.filter(pk__in=Place.objects.filter(Q(cleaners=person) | Q(occupant=person)).values("pk"))


def visible_rounds(person: Person):
    return CleaningRound.objects.filter(place__in=visible_places(person).values("pk"))


def get_place_or_404(request: HttpRequest, pk: int) -> Place:
    place = visible_places(person_of(request)).filter(pk=pk).first()
    if place is None:
        raise Http404("场所不存在。")
    return place


def get_round_or_404(request: HttpRequest, pk: int) -> CleaningRound:
    found = visible_rounds(person_of(request)).with_related().filter(pk=pk).first()
    if found is None:
        raise Http404("保洁任务不存在。")
    return found


def round_url(obj: CleaningRound) -> str:
    return reverse("facilities:round", args=[obj.pk])


def can_read_attachments(request, owner: CleaningRound) -> bool:
    return visible_rounds(person_of(request)).filter(pk=owner.pk).exists()


def facilities_inbox(person: Person) -> list[TodoEntry]:
    """The cleaner's rounds that have started and are not yet ticked."""
    now = timezone.now()
    rounds = (CleaningRound.objects.of_unit(person.unit).for_cleaner(person).open().filter(starts_at__lte=now)
              .with_related().order_by("due_at")[:30])
    return [TodoEntry(kind="保洁", title=f"{r.place.name}·{r.get_kind_display()}", url=reverse("facilities:my"),
                      action_label="登记", due_at=r.due_at, overdue=r.due_at < now) for r in rounds]
