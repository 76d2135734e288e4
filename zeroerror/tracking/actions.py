"""Write paths of tracked items and notifications."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.org.models import Person
from zeroerror.tracking import sources
from zeroerror.tracking.models import (
    ItemEventKind,
    ItemStatus,
    Notification,
    TrackedItem,
    TrackedItemEvent,
)
from zeroerror.tracking.notify import notify
from zeroerror.tracking.signals import item_overdue
from zeroerror.workdays.service import work_calendar


def _actor_person(actor) -> Person | None:
    return getattr(actor, "person", None) if actor is not None else None


def create_tracked_item(
    *,
    title: str,
    owner: Person,
    due_at: datetime,
    area: str,
    clause_id: str = "",
    detail: str = "",
    source: models.Model | None = None,
    source_label: str = "",
    source_url: str = "",
    record_required: str = "",
    actor,
) -> TrackedItem:
    """Create a tracked item inside the caller's transaction (other apps' actions call this). ``record_required``
    names a record (谈话记录, 书面检查) without which the item cannot be closed (:func:`close_tracked_item`)."""
    if timezone.is_naive(due_at):
        raise ValueError("due_at must be aware")
    if not title.strip():
        raise ValidationError("事项名称不能为空。")
    item = TrackedItem.objects.create(
        title=title.strip(),
        detail=detail,
        area=area,
        clause_id=clause_id,
        owner=owner,
        department=owner.department,
        created_by=_actor_person(actor),
        due_at=due_at,
        source_type=ContentType.objects.get_for_model(source) if source is not None else None,
        source_id=source.pk if source is not None else None,
        source_label=(source_label or (sources.neutral_label(source) if source is not None else ""))[:200],
        source_url=source_url,
        record_required=record_required,
    )
    TrackedItemEvent.objects.create(item=item, actor=_actor_person(actor), kind=ItemEventKind.CREATED, text=detail)
    record("tracking.item.create", actor=actor, kind=AuditKind.CREATE, obj=item,
           changes={"owner": owner.pk, "due_at": due_at, "area": area, "clause_id": clause_id})
    notify([owner], f"新的督办事项：{item.title}", url=item_url(item), about=item,
           body=f"办理时限：{timezone.localtime(due_at):%Y-%m-%d %H:%M}")
    return item


@transaction.atomic(durable=True)
def do_create_tracked_item(**kwargs) -> TrackedItem:
    return create_tracked_item(**kwargs)


def item_url(item: TrackedItem) -> str:
    return reverse("tracking:detail", args=[item.pk])


def _lock(item: TrackedItem) -> TrackedItem:
    return TrackedItem.objects.select_for_update().get(pk=item.pk)


@transaction.atomic(durable=True)
def do_report_progress(item: TrackedItem, text: str, *, actor) -> TrackedItem:
    item = _lock(item)
    if not item.is_active:
        raise ValidationError("事项已办结或已撤销，不能再报告进展。")
    if not text.strip():
        raise ValidationError("请填写进展情况。")
    TrackedItemEvent.objects.create(item=item, actor=_actor_person(actor), kind=ItemEventKind.PROGRESS, text=text)
    before = item.status
    if item.status == ItemStatus.OPEN:
        item.status = ItemStatus.IN_PROGRESS
        item.save(update_fields=["status"])
    record("tracking.item.progress", actor=actor, kind=AuditKind.TRANSITION, obj=item,
           changes={"status": [before, item.status], "text": text})
    notify([item.created_by, item.escalated_to], f"督办事项有新进展：{item.title}", url=item_url(item), about=item, body=text)
    return item


MIN_SUMMARY = 10


def check_record(item: TrackedItem, summary: str) -> None:
    """An item that needs a record (谈话记录, 书面检查) is closed only with it: a file filed on the item, or a written
    summary of at least ``MIN_SUMMARY`` characters."""
    if not item.record_required:
        return
    from zeroerror.attachments.models import Attachment

    if len(summary.strip()) >= MIN_SUMMARY or Attachment.objects.for_owner(item).exists():
        return
    label = item.record_required
    raise ValidationError(f"请先上传{label}，或填写不少于 {MIN_SUMMARY} 字的{label}摘要，再办结。")


def close_tracked_item(item: TrackedItem, note: str, *, summary: str = "", actor) -> TrackedItem:
    item = _lock(item)
    if not item.is_active:
        raise ValidationError("事项已办结或已撤销。")
    summary = summary.strip()
    check_record(item, summary)
    before = item.status
    item.status = ItemStatus.DONE
    item.done_at = timezone.now()
    item.done_note = note
    fields = ["status", "done_at", "done_note"]
    if summary:
        item.record_summary = summary
        fields.append("record_summary")
    item.save(update_fields=fields)
    text = f"{note}\n{item.record_required}摘要：{summary}" if summary and item.record_required else note
    TrackedItemEvent.objects.create(item=item, actor=_actor_person(actor), kind=ItemEventKind.DONE, text=text)
    record("tracking.item.close", actor=actor, kind=AuditKind.TRANSITION, obj=item,
           changes={"status": [before, item.status], "note": note, "late": item.done_late,
                    **({"record_summary": summary} if summary else {})})
    notify([item.created_by, item.escalated_to], f"督办事项已办结：{item.title}", url=item_url(item), about=item, body=note)
    return item


@transaction.atomic(durable=True)
def do_close_tracked_item(item: TrackedItem, note: str, summary: str = "", *, actor) -> TrackedItem:
    if not note.strip():
        raise ValidationError("请填写办结情况。")
    return close_tracked_item(item, note, summary=summary or "", actor=actor)


def close_items_for_source(source: models.Model, note: str, *, actor) -> int:
    """Close every active item of ``source`` (inside the caller's transaction)."""
    count = 0
    for item in TrackedItem.objects.for_source(source).active():
        close_tracked_item(item, note, actor=actor)
        count += 1
    return count


def cancel_items_for_source(source: models.Model, reason: str, *, actor) -> int:
    """撤销: every active item of ``source`` becomes CANCELLED with the reason (inside the caller's transaction)."""
    count = 0
    for item in TrackedItem.objects.for_source(source).active():
        item = _lock(item)
        before = item.status
        item.status = ItemStatus.CANCELLED
        item.done_note = reason
        item.save(update_fields=["status", "done_note"])
        TrackedItemEvent.objects.create(item=item, actor=_actor_person(actor), kind=ItemEventKind.CANCELLED,
                                        text=reason)
        record("tracking.item.cancel", actor=actor, kind=AuditKind.TRANSITION, obj=item,
               changes={"status": [before, item.status], "reason": reason})
        notify([item.owner], f"督办事项已撤销：{item.title}", url=item_url(item), about=item, body=reason)
        count += 1
    return count


@transaction.atomic(durable=True)
def do_chase_tracked_item(item: TrackedItem, text: str, *, actor) -> TrackedItem:
    """催办: a reminder by a person, logged on the item."""
    item = _lock(item)
    if not item.is_active:
        raise ValidationError("事项已办结或已撤销，无需催办。")
    TrackedItemEvent.objects.create(item=item, actor=_actor_person(actor), kind=ItemEventKind.CHASED, text=text)
    record("tracking.item.chase", actor=actor, kind=AuditKind.CHANGE, obj=item, changes={"text": text})
    notify([item.owner], f"催办：{item.title}", url=item_url(item), about=item, body=text)
    return item


@transaction.atomic(durable=True)
def do_mark_notifications_read(person: Person, ids: list[int] | None = None, *, actor) -> int:
    qs = Notification.objects.for_person(person).unread()
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    count = qs.update(read_at=timezone.now())
    if count:
        record("tracking.notification.read", actor=actor, kind=AuditKind.CHANGE, obj=person,
               changes={"count": count})
    return count


# Tick ---------------------------------------------------------------------------------------------------------------

@dataclass
class TickReport:
    reminded: list[int] = field(default_factory=list)
    overdue: list[int] = field(default_factory=list)

    def summary(self) -> str:
        return f"提醒 {len(self.reminded)} 项，新逾期 {len(self.overdue)} 项"


def _remind_one(item_id: int, now: datetime, horizon: datetime) -> bool:
    with transaction.atomic(durable=True):
        won = TrackedItem.objects.awaiting_reminder().filter(pk=item_id, due_at__lte=horizon, due_at__gte=now).update(
            reminded_at=now
        )
        if not won:
            return False  # another tick got there first
        item = TrackedItem.objects.select_related("owner").get(pk=item_id)
        TrackedItemEvent.objects.create(item=item, kind=ItemEventKind.REMINDED)
        record("tracking.item.remind", actor=None, kind=AuditKind.SYSTEM, obj=item)
        notify([item.owner], f"即将到期：{item.title}", url=item_url(item), about=item,
               body=f"办理时限：{timezone.localtime(item.due_at):%Y-%m-%d %H:%M}")
        return True


def _mark_overdue_one(item_id: int, now: datetime) -> bool:
    with transaction.atomic(durable=True):
        won = TrackedItem.objects.due_for_overdue(now).filter(pk=item_id).update(
            status=ItemStatus.OVERDUE, overdue_at=now
        )
        if not won:
            return False
        item = TrackedItem.objects.select_related("owner__department").get(pk=item_id)
        superior = item.owner.superior(timezone.localdate(now))
        item.escalated_to = superior
        item.escalated_at = now if superior else None
        item.save(update_fields=["escalated_to", "escalated_at"])
        TrackedItemEvent.objects.create(item=item, kind=ItemEventKind.OVERDUE)
        if superior:
            TrackedItemEvent.objects.create(item=item, kind=ItemEventKind.ESCALATED, text=f"升级至{superior.name}")
        record("tracking.item.overdue", actor=None, kind=AuditKind.SYSTEM, obj=item,
               changes={"status": ["active", ItemStatus.OVERDUE], "escalated_to": superior.pk if superior else None})
        due = timezone.localtime(item.due_at).strftime("%Y-%m-%d %H:%M")
        notify([item.owner], f"已逾期：{item.title}", url=item_url(item), about=item, body=f"办理时限 {due} 已过，请尽快办理。")
        if superior:
            notify([superior], f"逾期升级：{item.owner.name}的“{item.title}”", url=item_url(item), about=item,
                   body=f"办理时限 {due} 已过，责任人{item.owner.name}尚未办结。")
        transaction.on_commit(lambda: item_overdue.send(sender=TrackedItem, item=item))
        return True


def run_tick(now: datetime | None = None) -> TickReport:
    """Idempotent: safe to run every minute and concurrently; each item is reminded and marked overdue once."""
    now = now or timezone.now()
    report = TickReport()
    cal = work_calendar()
    horizon = cal.add_working_hours(
        now, settings.TRACKING_REMIND_WORKING_HOURS, day_start=settings.WORKDAY_START_HOUR,
        day_end=settings.WORKDAY_END_HOUR,
    )
    for item_id in list(TrackedItem.objects.due_for_overdue(now).values_list("pk", flat=True)):
        if _mark_overdue_one(item_id, now):
            report.overdue.append(item_id)
    for item_id in list(
        TrackedItem.objects.awaiting_reminder().filter(due_at__lte=horizon, due_at__gte=now).values_list("pk", flat=True)
    ):
        if _remind_one(item_id, now, horizon):
            report.reminded.append(item_id)
    return report
