"""Who sees and does what in 安全保密. Every secrecy view fetches through these helpers; no access is a 404.

* The office (办公室) and the 保密审查员 keep the registers: they see and record everything of their unit.
* The unit-wide roles (主要领导, 办公室主任, 绩效办, 纪检, 督查考核小组) read every register of their unit.
* Anyone else sees the items and media they keep or hold, the copy requests they made, the keys they keep or may
  use.
* Copying/excerpting and destruction are approved by the 办公室主任 or 副主任 or the 主要领导 — never by the person who
  asked.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from zeroerror.core.access import person_of
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.secrecy.models import (
    ClassifiedItem,
    CopyRequest,
    InventoryCheck,
    KeyItem,
    Medium,
    MediumIncident,
    SafetyChecklist,
    SafetyRound,
)
from zeroerror.tracking.registry import TodoEntry

APPROVER_ROLES = (Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR, Role.PRINCIPAL_LEADER)


def keeps_registers(person: Person) -> bool:
    """The office and the 保密审查员 keep the 安全保密 registers."""
    return person.department.is_office or person.has_role(
        Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR, Role.CONFIDENTIALITY_REVIEWER)


def sees_all(person: Person) -> bool:
    return keeps_registers(person) or person.is_unit_wide


def may_approve(person: Person) -> bool:
    return person.has_role(*APPROVER_ROLES)


def visible_items(person: Person):
    qs = ClassifiedItem.objects.of_unit(person.unit)
    if sees_all(person):
        return qs
    mine = Q(custodian=person) | Q(holder=person) | Q(copy_requests__requested_by=person)
    return qs.filter(pk__in=ClassifiedItem.objects.filter(mine).values("pk"))


def visible_copy_requests(person: Person):
    return CopyRequest.objects.filter(item__in=visible_items(person).values("pk"))


def visible_checks(person: Person):
    qs = InventoryCheck.objects.of_unit(person.unit)
    return qs if sees_all(person) else qs.filter(checked_by=person)


def visible_media(person: Person):
    qs = Medium.objects.of_unit(person.unit)
    return qs if sees_all(person) else qs.filter(custodian=person)


def visible_incidents(person: Person):
    qs = MediumIncident.objects.filter(medium__unit=person.unit)
    if sees_all(person):
        return qs
    return qs.filter(Q(medium__custodian=person) | Q(used_by=person) | Q(reported_by=person))


def visible_keys(person: Person):
    qs = KeyItem.objects.of_unit(person.unit)
    if sees_all(person):
        return qs
    return qs.filter(pk__in=KeyItem.objects.usable_by(person).values("pk"))


def visible_safety_rounds(person: Person):
    """Fire and theft checks: the office and the unit-wide roles see all; a checker or the area's 责任人 theirs."""
    qs = SafetyRound.objects.of_unit(person.unit)
    if sees_all(person):
        return qs
    mine = Q(checklist__checkers=person) | Q(checklist__owner=person)
    return qs.filter(pk__in=SafetyRound.objects.filter(mine).values("pk"))


def visible_checklists(person: Person):
    qs = SafetyChecklist.objects.of_unit(person.unit)
    if sees_all(person):
        return qs
    return qs.filter(pk__in=SafetyChecklist.objects.filter(Q(checkers=person) | Q(owner=person)).values("pk"))


def can_read_safety_attachments(request, owner) -> bool:
    return visible_safety_rounds(person_of(request)).filter(pk=owner.pk).exists()


def _get(qs, pk, message: str):
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise Http404(message)
    return obj


def get_item_or_404(request: HttpRequest, pk: int) -> ClassifiedItem:
    return _get(visible_items(person_of(request)).with_people(), pk, "涉密载体不存在。")


def get_copy_request_or_404(request: HttpRequest, pk: int) -> CopyRequest:
    return _get(visible_copy_requests(person_of(request)).with_related(), pk, "申请不存在。")


def get_medium_or_404(request: HttpRequest, pk: int) -> Medium:
    return _get(visible_media(person_of(request)).with_people(), pk, "介质不存在。")


def get_key_or_404(request: HttpRequest, pk: int) -> KeyItem:
    return _get(visible_keys(person_of(request)).with_people(), pk, "电子印章或密钥不存在。")


def get_safety_round_or_404(request: HttpRequest, pk: int) -> SafetyRound:
    return _get(visible_safety_rounds(person_of(request)).with_related(), pk, "安全检查不存在。")


def item_url(item) -> str:
    return reverse("secrecy:item", args=[item.pk])


def secrecy_inbox(person: Person) -> list[TodoEntry]:
    """Copy requests waiting for an approver; items this person has out (due back)."""
    now = timezone.now()
    entries: list[TodoEntry] = []
    if may_approve(person):
        for req in CopyRequest.objects.of_unit(person.unit).pending().with_related().order_by("requested_at")[:50]:
            entries.append(TodoEntry(kind="复制摘录审批", title=f"{req.item.number}：{req.label}{req.copies}份",
                                     url=item_url(req.item), action_label="审批", sender=req.requested_by.name))
    for item in ClassifiedItem.objects.of_unit(person.unit).checked_out().filter(holder=person)[:50]:
        due = item.due_back_at
        entries.append(TodoEntry(kind="涉密载体归还", title=f"{item.number} {item.name}", url=item_url(item),
                                 action_label="归还", due_at=due, overdue=bool(due and due < now)))
    for safety in (SafetyRound.objects.of_unit(person.unit).for_checker(person).open().filter(starts_at__lte=now)
                   .with_related().order_by("due_at")[:20]):
        entries.append(TodoEntry(kind="安全检查", title=safety.checklist.name,
                                 url=reverse("secrecy:safety_round", args=[safety.pk]), action_label="检查",
                                 due_at=safety.due_at, overdue=safety.due_at < now))
    return entries
