"""我的待办 of 政务接待 (a 客情's own deadline is its tracked item, in the tracking inbox): plans waiting for a leader's approval, route changes waiting for the
presiding leader."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from zeroerror.org.models import Person
from zeroerror.reception.access import may_approve, report_url
from zeroerror.reception.models import ChangeStatus, ReceptionPlan, RouteChange
from zeroerror.tracking.registry import TodoEntry


def reception_inbox(person: Person) -> list[TodoEntry]:
    now = timezone.now()
    soon = now + timedelta(days=1)
    entries = []
    if may_approve(person):
        for plan in (ReceptionPlan.objects.awaiting_approval().filter(report__unit=person.unit)
                     .select_related("report", "drafted_by").order_by("report__arrive_at")[:50]):
            r = plan.report
            entries.append(TodoEntry(kind="接待方案审批", title=plan.title, url=report_url(r), action_label="审批",
                                     due_at=r.arrive_at, sender=plan.drafted_by.name, due_soon=r.arrive_at < soon))
    changes = (RouteChange.objects.filter(status=ChangeStatus.PENDING, plan__presiding_leader=person)
               .select_related("plan__report", "requested_by").order_by("requested_at")[:50])
    for c in changes:
        r = c.plan.report
        entries.append(TodoEntry(kind="线路变更", title=f"{c.plan.title}：{c.get_kind_display()}日程", url=report_url(r),
                                 action_label="认可", due_at=r.arrive_at, sender=c.requested_by.name,
                                 due_soon=r.arrive_at < soon))
    return entries
