"""传阅 of a 收文 with read receipts; a 阅知件 is finished when its last reader has read it."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.documents import access
from zeroerror.documents.actions.common import (
    _event,
    _lock_in,
    _not_closed_out,
    _office_clerk,
    _person,
    _refuse_unless,
    _track,
    _track_archiving,
    _visible_or_refuse,
    label,
    put_on_route,
)
from zeroerror.documents.models import Circulation, IncomingDocument, IncomingStatus
from zeroerror.documents.timelimits import IncomingStep
from zeroerror.org.models import Person
from zeroerror.tracking.actions import close_tracked_item
from zeroerror.tracking.models import TrackedItem

READING_ITEM = "传阅："  # the title of a reader's tracked item; it stays open until read or withdrawn


@transaction.atomic(durable=True)
def do_circulate_incoming(doc: IncomingDocument, *, readers: Sequence[Person], actor) -> IncomingDocument:
    """传阅: the document goes to each reader with a read receipt, so that where it is always shows."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _not_closed_out(doc)
    _refuse_unless(access.can_circulate_incoming(person, doc),
                   f"初审通过后、归档前由办公室送传阅（当前：{doc.get_status_display()}）。")
    readers = list(dict.fromkeys(readers))
    _refuse_unless(bool(readers), "请选择传阅人员。")
    already = set(doc.circulations.filter(reader__in=readers).values_list("reader__name", flat=True))
    if already:
        raise ValidationError(f"已送{'、'.join(sorted(already))}传阅，不要重复送阅。")
    _refuse_unless(all(r.unit_id == doc.unit_id and r.active for r in readers), "只能送本单位在职人员传阅。")
    _circulate(doc, readers, person, actor=actor)
    return doc


def _circulate(doc: IncomingDocument, readers: list[Person], person: Person, *, actor) -> None:
    for reader in readers:
        Circulation.objects.create(document=doc, reader=reader, sent_by=person)
        put_on_route(doc, reader, "传阅")
        _track(doc, IncomingStep.CIRCULATE, reader, f"{READING_ITEM}{label(doc)}", actor=actor)
    _event(doc, "传阅", person, "送" + "、".join(r.name for r in readers) + "阅")
    record("documents.incoming.circulate", actor=actor, kind=AuditKind.CHANGE, obj=doc,
           changes={"readers": [r.pk for r in readers]})


@transaction.atomic(durable=True)
def do_mark_read(doc: IncomingDocument, *, comment: str = "", actor) -> Circulation:
    """阅毕: the reader's receipt."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    circulation = doc.circulations.select_for_update().pending().filter(reader=person).first()
    _refuse_unless(circulation is not None, "您没有待阅的该文件。")
    circulation.read_at, circulation.comment = timezone.now(), comment.strip()
    circulation.save(update_fields=["read_at", "comment"])
    _close_reading_items(doc, person, "阅毕", actor=actor)
    _event(doc, "阅毕", person, circulation.comment)
    record("documents.incoming.read", actor=actor, kind=AuditKind.CHANGE, obj=doc,
           changes={"comment": circulation.comment})
    _finish_reading_if_over(doc, actor=actor)
    return circulation


@transaction.atomic(durable=True)
def do_withdraw_circulation(doc: IncomingDocument, *, reader: Person, reason: str, actor) -> Circulation:
    """撤回传阅 (issue 11 2(e)): the office takes the document back from a reader who has not read it (away, left, sent
    by mistake), with a reason. 传阅 ends only when every reader has read it or been withdrawn."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(access.is_office(person), "只有办公室人员可以撤回传阅。")
    circulation = doc.circulations.select_for_update().pending().filter(reader=reader).first()
    _refuse_unless(circulation is not None, f"{reader.name}没有在阅的该文件，无需撤回。")
    reason = (reason or "").strip()
    _refuse_unless(bool(reason), "请填写撤回理由。")
    circulation.withdrawn_at, circulation.withdrawn_by, circulation.withdraw_reason = timezone.now(), person, reason
    circulation.save(update_fields=["withdrawn_at", "withdrawn_by", "withdraw_reason"])
    _close_reading_items(doc, reader, f"传阅已撤回：{reason}", actor=actor)
    _event(doc, "撤回传阅", person, f"撤回{reader.name}的传阅（未阅）：{reason}")
    record("documents.incoming.withdraw_circulation", actor=actor, kind=AuditKind.CHANGE, obj=doc,
           changes={"reader": reader.pk, "reason": reason})
    _finish_reading_if_over(doc, actor=actor)
    return circulation


def _close_reading_items(doc: IncomingDocument, reader: Person, note: str, *, actor) -> None:
    for item in TrackedItem.objects.for_source(doc).active().filter(owner=reader, title__startswith=READING_ITEM):
        close_tracked_item(item, note, actor=actor)


def _finish_reading_if_over(doc: IncomingDocument, *, actor) -> None:
    """A 阅知件 is finished when no reader is left 在阅; the office's 归档 is tracked from then."""
    if doc.status != IncomingStatus.READING or doc.circulations.pending().exists():
        return
    unread = list(doc.circulations.filter(read_at__isnull=True).values_list("reader__name", flat=True))
    doc.status, doc.done_at = IncomingStatus.DONE, timezone.now()
    doc.result = "阅知件，传阅完毕" + (f"（撤回未阅：{'、'.join(unread)}）" if unread else "")
    doc.save(update_fields=["status", "done_at", "result"])
    _event(doc, "办结", None, doc.result)
    _track_archiving(doc, _office_clerk(doc), actor=actor)
    record("documents.incoming.complete", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [IncomingStatus.READING, doc.status], "result": doc.result})
