from zeroerror.errors import conflicts
from zeroerror.errors.access import VERIFIERS
from zeroerror.errors.models import Appeal, Lead, Route, SealedIdentity
from zeroerror.org.roles import Role
from zeroerror.tracking.registry import TodoEntry

APPEAL_ROUTES = ((Route.PERFORMANCE_HEAD, Role.PERFORMANCE_HEAD), (Route.SUPERVISION_LEADER, Role.SUPERVISION_LEADER))


def _not_reported_anonymously_by(person, leads):
    """Drop the anonymous leads ``person`` reported (one query for the page's sealed identities)."""
    anonymous = [lead.pk for lead in leads if lead.anonymous]
    mine = {s.lead_id for s in SealedIdentity.objects.filter(lead_id__in=anonymous) if s.person_id == person.pk}
    return [lead for lead in leads if lead.pk not in mine]


def errors_inbox(person) -> list[TodoEntry]:
    """Leads awaiting my verification and appeals awaiting my decision — never a case that concerns me
    (errors.conflicts): those wait for someone else, or for the 院长办公会议 (its agenda page)."""
    entries = []
    if person.has_role(*VERIFIERS):
        leads = list(Lead.objects.awaiting_verification().filter(person__unit=person.unit, route=Route.VERIFIERS)
                     .filter(conflicts.not_concerned_q(person)).select_related("person", "clause")
                     .order_by("created_at")[:100])
        for lead in _not_reported_anonymously_by(person, leads):
            entries.append(TodoEntry(kind="差错线索", title=f"{lead.person.name} · {lead.clause.code} {lead.clause.title}",
                                     url=f"/errors/{lead.pk}/", action_label="核查",
                                     sender="系统" if lead.channel == "system" else lead.get_channel_display()[:6]))
    routes = [route for route, role in APPEAL_ROUTES if person.has_role(role)]
    if routes:
        appeals = (Appeal.objects.pending().filter(lead__person__unit=person.unit, route__in=routes)
                   .filter(lead__in=Lead.objects.filter(conflicts.not_concerned_q(person)))
                   .exclude(appellant__department_id__in=conflicts.departments(person))
                   .select_related("appellant", "lead")[:100])
        for appeal in appeals:
            entries.append(TodoEntry(kind="差错申诉", title=f"{appeal.appellant.name}的申诉（线索 #{appeal.lead_id}）",
                                     url=f"/errors/{appeal.lead_id}/", action_label="决定", sender=appeal.appellant.name))
    return entries
