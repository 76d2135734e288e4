from zeroerror.errors.access import VERIFIERS
from zeroerror.errors.models import Appeal, Lead
from zeroerror.org.roles import Role
from zeroerror.tracking.registry import TodoEntry


def errors_inbox(person) -> list[TodoEntry]:
    """Leads awaiting my verification (督查考核小组 / 绩效办) and appeals awaiting my decision (绩效办负责人)."""
    entries = []
    if person.has_role(*VERIFIERS):
        for lead in (Lead.objects.awaiting_verification().filter(person__unit=person.unit).exclude(person=person)
                     .select_related("person", "clause").order_by("created_at")[:100]):
            entries.append(TodoEntry(kind="差错线索", title=f"{lead.person.name} · {lead.clause.code} {lead.clause.title}",
                                     url=f"/errors/{lead.pk}/", action_label="核查",
                                     sender="系统" if lead.channel == "system" else lead.get_channel_display()[:6]))
    if person.has_role(Role.PERFORMANCE_HEAD):
        for appeal in (Appeal.objects.pending().filter(lead__person__unit=person.unit)
                       .exclude(lead__person=person).select_related("appellant", "lead")[:100]):
            entries.append(TodoEntry(kind="差错申诉", title=f"{appeal.appellant.name}的申诉（线索 #{appeal.lead_id}）",
                                     url=f"/errors/{appeal.lead_id}/", action_label="决定", sender=appeal.appellant.name))
    return entries
