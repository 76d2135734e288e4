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
        _track(doc, IncomingStep.CIRCULATE, reader, f"传阅：{label(doc)}", actor=actor)
    _event(doc, "传阅", person, "送" + "、".join(r.name for r in readers) + "阅")
    record("documents.incoming.circulate", actor=actor, kind=AuditKind.CHANGE, obj=doc,
           changes={"readers": [r.pk for r in readers]})


@transaction.atomic(durable=True)
def do_mark_read(doc: IncomingDocument, *, comment: str = "", actor) -> Circulation:
    """阅毕: the reader's receipt."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    circulation = doc.circulations.select_for_update().filter(reader=person, read_at__isnull=True).first()
    _refuse_unless(circulation is not None, "您没有待阅的该文件。")
    circulation.read_at, circulation.comment = timezone.now(), comment.strip()
    circulation.save(update_fields=["read_at", "comment"])
    for item in TrackedItem.objects.for_source(doc).active().filter(owner=person, title__startswith="传阅："):
        close_tracked_item(item, "阅毕", actor=actor)
    _event(doc, "阅毕", person, circulation.comment)
    record("documents.incoming.read", actor=actor, kind=AuditKind.CHANGE, obj=doc,
           changes={"comment": circulation.comment})
    if doc.status == IncomingStatus.READING and not doc.circulations.filter(read_at__isnull=True).exists():
        doc.status, doc.done_at, doc.result = IncomingStatus.DONE, timezone.now(), "阅知件，传阅完毕"
        doc.save(update_fields=["status", "done_at", "result"])
        _event(doc, "办结", None, "阅知件，传阅完毕")
        _track_archiving(doc, _office_clerk(doc), actor=actor)
        record("documents.incoming.complete", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
               changes={"status": [IncomingStatus.READING, doc.status], "result": doc.result})
    return circulation
