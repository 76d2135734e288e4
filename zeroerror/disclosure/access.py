"""Who sees what of 信息公开 and who may take each step. Every view of the app goes through this module.

Seeing: the office (it runs 信息公开), the 保密审查员, the unit's leaders and the unit-wide roles (performance office,
supervision group, discipline office) see every item of their unit; anyone else sees the items they drafted and those
of the departments they head or are in charge of. The 依申请公开 register holds applicants' personal details: the
office, the 保密审查员, the unit-wide roles and the request's handler only. Anything else is 404.
Acting: the ``can_*`` predicates; the actions check the same predicates and refuse with a Chinese message.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from zeroerror.core.access import person_of
from zeroerror.disclosure.models import DisclosureItem, DisclosureRequest, ItemStatus
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.tracking.registry import TodoEntry

DIRECTOR_ROLES = (Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)
LEADER_ROLES = (Role.LEADER_IN_CHARGE, Role.PRINCIPAL_LEADER)


def is_office(person: Person) -> bool:
    """办公室: they register requests, publish and run the area."""
    return person.department.is_office or person.has_role(*DIRECTOR_ROLES)


def is_reviewer(person: Person) -> bool:
    return person.has_role(Role.CONFIDENTIALITY_REVIEWER)


def sees_all_items(person: Person) -> bool:
    return is_office(person) or is_reviewer(person) or person.is_unit_wide or person.has_role(*LEADER_ROLES)


def sees_all_requests(person: Person) -> bool:
    return is_office(person) or is_reviewer(person) or person.is_unit_wide


def visible_items(person: Person):
    items = DisclosureItem.objects.of_unit(person.unit)
    if sees_all_items(person):
        return items
    departments = person.headed_department_ids | person.charged_department_ids
    return items.filter(Q(drafter=person) | Q(department_id__in=departments))


def visible_requests(person: Person):
    requests = DisclosureRequest.objects.of_unit(person.unit)
    return requests if sees_all_requests(person) else requests.filter(handler=person)


def get_item_or_404(request: HttpRequest, pk: int) -> DisclosureItem:
    item = visible_items(person_of(request)).with_people().filter(pk=pk).first()
    if item is None:
        raise Http404("事项不存在。")
    return item


def get_request_or_404(request: HttpRequest, pk: int) -> DisclosureRequest:
    found = visible_requests(person_of(request)).with_people().filter(pk=pk).first()
    if found is None:
        raise Http404("申请不存在。")
    return found


def item_url(item: DisclosureItem) -> str:
    return reverse("disclosure:item", args=[item.pk])


def request_url(req: DisclosureRequest) -> str:
    return reverse("disclosure:request", args=[req.pk])


# Steps ---------------------------------------------------------------------------------------------------------------

def may_edit(person: Person, item: DisclosureItem) -> bool:
    """The drafter or the office (whatever the item's state: the action names a wrong state)."""
    return person.pk == item.drafter_id or is_office(person)


def can_edit(person: Person, item: DisclosureItem) -> bool:
    return item.status == ItemStatus.DRAFT and may_edit(person, item)


def can_review(person: Person, item: DisclosureItem) -> bool:
    """保密审查: the 保密审查员, never on their own draft."""
    return item.status == ItemStatus.IN_REVIEW and is_reviewer(person) and person.pk != item.drafter_id


def can_approve(person: Person, item: DisclosureItem) -> bool:
    """审批: the office director or deputy, or a leader in charge of the providing department (or the principal
    leader); never the drafter."""
    return item.status == ItemStatus.REVIEWED and person.pk != item.drafter_id and may_approve(person, item)


def may_approve(person: Person, item: DisclosureItem) -> bool:
    return (person.has_role(*DIRECTOR_ROLES, Role.PRINCIPAL_LEADER)
            or item.department_id in person.charged_department_ids)


def can_publish(person: Person, item: DisclosureItem) -> bool:
    return item.status == ItemStatus.APPROVED and is_office(person)


def can_withdraw(person: Person, item: DisclosureItem) -> bool:
    return item.status == ItemStatus.PUBLISHED and may_approve(person, item)


def can_register_request(person: Person) -> bool:
    return is_office(person)


def can_answer(person: Person, req: DisclosureRequest) -> bool:
    return req.status == "open" and (is_office(person) or person.pk == req.handler_id)


def can_extend(person: Person, req: DisclosureRequest) -> bool:
    """延期答复 is approved by the head of the office that handles 信息公开 (条例 第三十三条)."""
    return req.status == "open" and not req.extended and person.has_role(*DIRECTOR_ROLES)


# Inbox ---------------------------------------------------------------------------------------------------------------

def disclosure_inbox(person: Person) -> list[TodoEntry]:
    """Items waiting for this person's 保密审查, approval or publication, and their open requests."""
    now = timezone.now()
    soon = now + timedelta(days=1)
    entries: list[TodoEntry] = []
    steps = []
    if is_reviewer(person):
        steps.append((ItemStatus.IN_REVIEW, "保密审查", "审查"))
    if person.has_role(*DIRECTOR_ROLES, *LEADER_ROLES):
        steps.append((ItemStatus.REVIEWED, "信息公开审批", "审批"))
    if is_office(person):
        steps.append((ItemStatus.APPROVED, "信息发布", "发布"))
    for status, kind, label in steps:
        waiting = visible_items(person).awaiting(status).exclude(drafter=person).select_related("drafter")
        for item in waiting.order_by("due_at")[:30]:
            if status == ItemStatus.REVIEWED and not can_approve(person, item):
                continue
            entries.append(TodoEntry(kind=kind, title=item.title, url=item_url(item), action_label=label,
                                     due_at=item.due_at, sender=item.drafter.name,
                                     overdue=bool(item.due_at and item.due_at < now),
                                     due_soon=bool(item.due_at and now <= item.due_at < soon)))
    requests = visible_requests(person).open()
    if not is_office(person):
        requests = requests.filter(handler=person)
    for req in requests.order_by("due_at")[:30]:
        entries.append(TodoEntry(kind="依申请公开", title=f"{req.number} {req.content[:30]}", url=request_url(req),
                                 action_label="答复", due_at=req.due_at, sender=req.applicant,
                                 overdue=req.due_at < now, due_soon=now <= req.due_at < soon))
    return entries
