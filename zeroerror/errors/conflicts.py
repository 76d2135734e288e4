"""No one judges a case that concerns them (issue 9 defect 4).

A person may not verify or decide a lead, nor decide an appeal, when

* they are the person responsible, or (for an appeal) the appellant;
* the person responsible (or the appellant) is of their own department, or of a department they head or oversee as
  分管领导 — they would grade an error to spare their department, or their own joint liability;
* they are the 科室负责人 named on the lead, or bear a joint liability or a measure for it;
* they reported or registered it — an anonymous reporter too (read from the sealed identity by the system, never
  shown).

With no eligible verifier the lead goes to the 院长办公会议; an appeal goes to the 绩效办负责人, else to the
督查考核小组组长, else to the 院长办公会议. Routes are set when the lead is registered and the appeal filed
(:func:`lead_route`, :func:`appeal_route`) and listed on the meeting's page.
"""

from __future__ import annotations

from django.db.models import Q

from zeroerror.errors.models import Appeal, Lead, LedgerEntry, MeasureRecord, Route, SealedIdentity
from zeroerror.org.models import LeaderCharge, Person, RoleAssignment
from zeroerror.org.roles import SUPERVISION_ROLES, Role

VERIFIER_ROLES = (*SUPERVISION_ROLES, Role.PERFORMANCE_HEAD, Role.PERFORMANCE_STAFF)
# who records what the 院长办公会议 decided
MEETING_RECORDERS = (Role.PRINCIPAL_LEADER, Role.PERFORMANCE_HEAD, Role.PERFORMANCE_STAFF)


def departments(person: Person) -> set[int]:
    return {person.department_id} | set(person.headed_department_ids) | set(person.charged_department_ids)


def _reported(person: Person, lead: Lead) -> bool:
    if lead.reporter_id == person.pk:
        return True
    if not lead.anonymous:
        return False
    sealed = SealedIdentity.objects.filter(lead_id=lead.pk).first()
    return sealed is not None and sealed.person_id == person.pk


def lead_concern(person: Person, lead: Lead) -> str:
    """Why ``person`` may not verify or decide ``lead`` — a Chinese reason, or "" when they may."""
    if lead.person_id == person.pk:
        return "您是该差错的责任人"
    if lead.department_head_id == person.pk:
        return "您是该差错追究的科室负责人"
    if lead.department_id in departments(person):
        return "责任人是您本科室或您负责、分管的科室的人员"
    if _reported(person, lead):
        return "该线索由您举报或登记"
    if (LedgerEntry.objects.filter(error_id=lead.pk, person=person).exists()
            or MeasureRecord.objects.filter(error_id=lead.pk, person=person).exists()):
        return "您对该差错负有连带责任"
    return ""


def appeal_concern(person: Person, appeal: Appeal) -> str:
    if appeal.appellant_id == person.pk:
        return "这是您本人的申诉"
    if appeal.appellant.department_id in departments(person):
        return "申诉人是您本科室或您负责、分管的科室的人员"
    return lead_concern(person, appeal.lead)


def not_concerned_q(person: Person) -> Q:
    """Leads that do not concern ``person`` by any rule the database can check (the sealed identity of an anonymous
    report is checked with :func:`lead_concern`); for lists like the inbox."""
    return ~(Q(person=person) | Q(department_head=person) | Q(department_id__in=departments(person))
             | Q(reporter=person)
             | Q(pk__in=LedgerEntry.objects.filter(person=person).values("error_id"))
             | Q(pk__in=MeasureRecord.objects.filter(person=person).values("error_id")))


def _holders(roles, unit_id: int) -> list[Person]:
    ids = RoleAssignment.objects.current().filter(role__in=roles).values("person_id")
    return list(Person.objects.active().filter(unit_id=unit_id, pk__in=ids).order_by("rank", "id"))


def _prime(people: list[Person]) -> None:
    """Fill headed/charged departments for ``people`` in two queries (instead of two per person)."""
    ids = [p.pk for p in people]
    heads: dict[int, set[int]] = {pk: set() for pk in ids}
    charges: dict[int, set[int]] = {pk: set() for pk in ids}
    for pid, did in RoleAssignment.objects.current().filter(person_id__in=ids, role=Role.DEPARTMENT_HEAD) \
            .values_list("person_id", "department_id"):
        heads[pid].add(did)
    for pid, did in LeaderCharge.objects.current().filter(leader_id__in=ids).values_list("leader_id", "department_id"):
        charges[pid].add(did)
    for p in people:
        p.__dict__.setdefault("headed_department_ids", frozenset(heads[p.pk]))
        p.__dict__.setdefault("charged_department_ids", frozenset(charges[p.pk]))


def eligible(roles, unit_id: int, concern) -> list[Person]:
    people = _holders(roles, unit_id)
    _prime(people)
    return [p for p in people if not concern(p)]


def lead_route(lead: Lead) -> str:
    """VERIFIERS while some verifier of the unit is not concerned; else the 院长办公会议 (the 组长 is a verifier)."""
    if eligible(VERIFIER_ROLES, lead.person.unit_id, lambda p: lead_concern(p, lead)):
        return Route.VERIFIERS
    return Route.MEETING


def appeal_route(appeal: Appeal) -> str:
    unit_id = appeal.lead.person.unit_id
    for route, role in ((Route.PERFORMANCE_HEAD, Role.PERFORMANCE_HEAD),
                        (Route.SUPERVISION_LEADER, Role.SUPERVISION_LEADER)):
        if eligible((role,), unit_id, lambda p: appeal_concern(p, appeal)):
            return route
    return Route.MEETING


def route_roles(route: str) -> tuple[str, ...]:
    return {
        Route.VERIFIERS: VERIFIER_ROLES,
        Route.PERFORMANCE_HEAD: (Role.PERFORMANCE_HEAD,),
        Route.SUPERVISION_LEADER: (Role.SUPERVISION_LEADER,),
        Route.MEETING: MEETING_RECORDERS,
    }[route]
