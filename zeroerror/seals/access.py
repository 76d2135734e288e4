"""Who sees and does what in 印信管理. Every seals view fetches its objects here; no access is a 404.

* The office runs the seals: office staff, the unit-wide roles (director and deputies, principal leader, 绩效办,
  inspectors, supervision group) and every appointed custodian see all of the unit's seal records.
* Anyone else sees what concerns them: their own requests, the register rows and letters of those requests, and
  the letterhead paper they received.
* The 办公室主任 approves a seal request (clause 一(六)2) — never their own; a request of the director is approved by
  the principal leader.
* Only the seal's current custodian applies it and records the use (clause 一(六)1, 3); only the letterhead keeper
  issues letterhead paper (clause 一(六)7).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from zeroerror.core.access import person_of
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.seals.models import (
    Appointment,
    Duty,
    IntroductionLetter,
    LetterBook,
    LetterheadIssue,
    RefusedUse,
    RequestStatus,
    Seal,
    SealRequest,
    SealUse,
)
from zeroerror.tracking.registry import TodoEntry

MANAGER_ROLES = (Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)


def is_office(person: Person) -> bool:
    return person.department.is_office or person.has_role(*MANAGER_ROLES)


def is_keeper(person: Person, on: date | None = None) -> bool:
    return Appointment.objects.current(on).filter(unit_id=person.unit_id, person=person).exists()


def sees_all(person: Person) -> bool:
    return is_office(person) or person.is_unit_wide or is_keeper(person)


def can_manage(person: Person) -> bool:
    """Register seals and letter books."""
    return person.has_role(*MANAGER_ROLES)


def can_appoint(person: Person) -> bool:
    """专人管理 (一(六)1): the office director names the custodians."""
    return person.has_role(Role.OFFICE_DIRECTOR)


def custodian_of(seal: Seal, on: date | None = None) -> Person | None:
    appointment = (Appointment.objects.current(on).filter(seal=seal).select_related("person")
                   .order_by("-started_on", "-id").first())
    return appointment.person if appointment else None


def letterhead_keeper(unit, on: date | None = None) -> Person | None:
    appointment = (Appointment.objects.current(on).filter(unit=unit, duty=Duty.LETTERHEAD)
                   .select_related("person").order_by("-started_on", "-id").first())
    return appointment.person if appointment else None


def kept_seal_ids(person: Person) -> set[int]:
    return set(Appointment.objects.current().filter(person=person, duty=Duty.SEAL).values_list("seal_id", flat=True))


def may_approve(person: Person, request: SealRequest) -> bool:
    """一(六)2: the office director approves; nobody approves their own request (the director's own goes to the
    principal leader)."""
    if person.unit_id != request.unit_id or person.pk == request.requester_id:
        return False
    if person.has_role(Role.OFFICE_DIRECTOR):
        return True
    return person.has_role(Role.PRINCIPAL_LEADER) and Role.OFFICE_DIRECTOR in request.requester.current_roles


def can_approve(person: Person, request: SealRequest) -> bool:
    return request.status == RequestStatus.PENDING and may_approve(person, request)


# What a person sees ------------------------------------------------------------------------------------------------

def visible_requests(person: Person):
    qs = SealRequest.objects.of_unit(person.unit)
    return qs if sees_all(person) else qs.filter(requester=person)


def visible_uses(person: Person):
    qs = SealUse.objects.of_unit(person.unit)
    return qs if sees_all(person) else qs.filter(requester=person)


def visible_letters(person: Person):
    qs = IntroductionLetter.objects.of_unit(person.unit)
    return qs if sees_all(person) else qs.filter(use__requester=person)


def visible_letterhead(person: Person):
    qs = LetterheadIssue.objects.of_unit(person.unit)
    return qs if sees_all(person) else qs.filter(recipient=person)


def visible_refused(person: Person):
    qs = RefusedUse.objects.of_unit(person.unit)
    return qs if sees_all(person) else qs.filter(person=person)


def visible_seals(person: Person):
    return Seal.objects.of_unit(person.unit)


def get_seal_or_404(request: HttpRequest, pk: int) -> Seal:
    seal = visible_seals(person_of(request)).filter(pk=pk).first()
    if seal is None:
        raise Http404("印章不存在。")
    return seal


def get_request_or_404(request: HttpRequest, pk: int) -> SealRequest:
    obj = visible_requests(person_of(request)).with_related().filter(pk=pk).first()
    if obj is None:
        raise Http404("用印申请不存在。")
    return obj


def get_use_or_404(request: HttpRequest, pk: int) -> SealUse:
    obj = visible_uses(person_of(request)).with_related().filter(pk=pk).first()
    if obj is None:
        raise Http404("用印登记不存在。")
    return obj


def get_book_or_404(request: HttpRequest, pk: int) -> LetterBook:
    person = person_of(request)
    book = LetterBook.objects.of_unit(person.unit).select_related("seal").filter(pk=pk).first()
    if book is None or not sees_all(person):
        raise Http404("介绍信本不存在。")
    return book


def can_read_attachments(request: HttpRequest, use: SealUse) -> bool:
    return visible_uses(person_of(request)).filter(pk=use.pk).exists()


def request_url(obj: SealRequest) -> str:
    return reverse("seals:request", args=[obj.pk])


def use_url(obj: SealUse) -> str:
    return reverse("seals:use", args=[obj.pk])


# 我的待办 ---------------------------------------------------------------------------------------------------------

def seals_inbox(person: Person) -> list[TodoEntry]:
    """Requests waiting for the approver; approved requests waiting for the custodian; seals not yet confirmed back
    in the safe."""
    now = timezone.now()
    entries: list[TodoEntry] = []
    if person.has_role(Role.OFFICE_DIRECTOR, Role.PRINCIPAL_LEADER):
        pending = SealRequest.objects.of_unit(person.unit).pending().with_related().order_by("created_at")[:50]
        for r in pending:
            if may_approve(person, r):
                entries.append(TodoEntry(kind="用印审批", title=f"{r.seal.name}：{r.document}（{r.copies}份）",
                                         url=request_url(r), action_label="审批", due_at=r.created_at,
                                         sender=r.requester.name))
    seal_ids = kept_seal_ids(person)
    if seal_ids:
        ready = (SealRequest.objects.of_unit(person.unit).approved_unused().filter(seal_id__in=seal_ids)
                 .with_related().order_by("decided_at")[:50])
        for r in ready:
            entries.append(TodoEntry(kind="待用印", title=f"{r.seal.name}：{r.document}（{r.copies}份）",
                                     url=request_url(r), action_label="用印登记", due_at=r.decided_at,
                                     sender=r.requester.name))
        unreturned = (SealUse.objects.of_unit(person.unit).unreturned().filter(custodian=person)
                      .select_related("seal").order_by("used_at")[:50])
        for u in unreturned:
            entries.append(TodoEntry(kind="印章入柜", title=f"{u.seal.name} 用印后锁入保险柜（{u.label}）",
                                     url=use_url(u), action_label="确认入柜", due_at=u.used_at, sender="系统",
                                     overdue=timezone.localdate(u.used_at) < timezone.localdate(now),
                                     due_soon=True))
    return entries


def unit_people(person: Person):
    return Person.objects.active().filter(unit=person.unit).select_related("department")


def request_filter(text: str) -> Q:
    return Q(document__icontains=text) | Q(purpose__icontains=text) | Q(requester__name__icontains=text)
