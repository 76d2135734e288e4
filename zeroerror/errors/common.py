"""Small helpers shared by the write paths of 差错考核 (actions, decisions, anonymous)."""

from __future__ import annotations

from django.utils import timezone

from zeroerror.errors import access
from zeroerror.errors.models import DecisionNotice, Lead, LeadEvent
from zeroerror.org.models import Person
from zeroerror.tracking.notify import notify


def basis_json(basis, clause_code: str) -> dict:
    """An engine basis (entry or measure) as stored JSON, with the error's clause."""
    from zeroerror.audit.trail import jsonable

    data = jsonable({k: getattr(basis, k) for k in basis.__dataclass_fields__})
    data["error_clause"] = clause_code
    return data


def actor_person(actor) -> Person | None:
    return getattr(actor, "person", None) if actor is not None else None


def lead_url(lead: Lead) -> str:
    return lead.get_absolute_url()


def with_role(unit_id: int, *roles: str):
    """Active people of ``unit_id`` holding one of ``roles`` today."""
    from zeroerror.org.models import RoleAssignment

    ids = RoleAssignment.objects.current().filter(role__in=roles).values("person_id")
    return Person.objects.active().filter(unit_id=unit_id, pk__in=ids).order_by("rank", "id")


def add_event(lead: Lead, title: str, text: str = "", *, actor_person: Person | None, at=None) -> None:
    LeadEvent.objects.create(lead=lead, actor=actor_person, title=title, text=text, at=at or timezone.now())


def lock_lead(lead: Lead) -> Lead:
    return Lead.objects.select_for_update(of=("self",)).select_related("clause", "person").get(pk=lead.pk)


def notify_decision(lead: Lead, person: Person, liability: str, title: str, body: str) -> DecisionNotice:
    """Tell ``person`` of a decision that concerns them and open (or reopen, after a new decision) their appeal
    window — once per decision: the notice's time is the window's start."""
    notice, created = DecisionNotice.objects.get_or_create(lead=lead, person=person, liability=liability)
    if not created:
        notice.notified_at = timezone.now()
        notice.save(update_fields=["notified_at"])
    deadline = access.appeal_deadline(notice)
    notify([person], title, url=lead_url(lead), about=lead,
           body=f"{body}如有异议，可在 {timezone.localtime(deadline):%Y-%m-%d %H:%M} 前提出申诉（每项决定可申诉一次）。")
    return notice
