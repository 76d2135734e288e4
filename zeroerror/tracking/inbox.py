from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from zeroerror.tracking.models import TrackedItem
from zeroerror.tracking.registry import TodoEntry


def tracked_items_inbox(person) -> list[TodoEntry]:
    now = timezone.now()
    soon = now + timedelta(days=1)
    rows = (
        TrackedItem.objects.active()
        .filter(Q(owner=person) | Q(escalated_to=person))
        .select_related("created_by", "owner")
        .order_by("due_at")[:200]
    )
    entries = []
    for item in rows:
        mine = item.owner_id == person.pk
        entries.append(TodoEntry(
            kind="督办事项" if mine else "逾期升级",
            title=item.title if mine else f"{item.owner.name}：{item.title}",
            url=f"/tracking/{item.pk}/",
            action_label="办理" if mine else "督促",
            due_at=item.due_at,
            sender=item.created_by.name if item.created_by else "系统",
            overdue=item.due_at < now,
            due_soon=now <= item.due_at < soon,
        ))
    return entries
