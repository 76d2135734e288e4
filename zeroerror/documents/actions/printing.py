"""After 编号: 印制 (clause 一(一)7), 分发 with its 回执 (clause 一(一)8) and 归档 of a 发文."""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.documents import access
from zeroerror.documents.actions.agency import letterhead_fault
from zeroerror.documents.actions.common import (
    CLAUSE_DISTRIBUTION,
    _deadline,
    _event,
    _lock_out,
    _person,
    _refuse_unless,
    _track,
    _track_archiving,
    _visible_or_refuse,
    detail_url,
    label,
    put_on_route,
)
from zeroerror.documents.models import Distribution, OutgoingDocument, OutgoingStatus
from zeroerror.documents.timelimits import OutgoingStep
from zeroerror.tracking.actions import close_items_for_source, close_tracked_item
from zeroerror.tracking.models import TrackedItem

PRINT_CHECKS = {
    "no_missing_pages": "无漏页",
    "no_wrong_pages": "无错页",
    "no_inverted_pages": "无倒页",
    "right_letterhead": "未错用文头",
}


@transaction.atomic(durable=True)
def do_print_outgoing(doc: OutgoingDocument, *, checks: dict, secure_printing: bool = False,
                      actor) -> OutgoingDocument:
    """印制 (clause 一(一)7): every check against 漏页、错页、倒页、错用文头 ticked; 涉密 documents in secure premises."""
    person = _person(actor)
    doc = _lock_out(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(doc.status == OutgoingStatus.NUMBERED, f"编号后才能印制（当前：{doc.get_status_display()}）。")
    _refuse_unless(access.is_office(person), "只有办公室人员可以印制公文。")
    wrong_head = letterhead_fault(doc)
    if wrong_head:
        raise ValidationError(f"错用文头：{wrong_head}，不能印制。")
    missing = [label for key, label in PRINT_CHECKS.items() if not checks.get(key)]
    if missing:
        raise ValidationError(f"印制检查未完成：请逐项核对并确认{'、'.join(missing)}。")
    if doc.is_classified and not secure_printing:
        raise ValidationError(f"该文为{doc.classification_text}，须在符合保密要求的场所印制，请确认涉密印制。")
    doc.status = OutgoingStatus.PRINTED
    doc.printed_by, doc.printed_at = person, timezone.now()
    doc.print_checks = {key: True for key in PRINT_CHECKS}
    doc.secure_printing = bool(secure_printing) or doc.is_classified
    doc.save()
    put_on_route(doc, person, "印制")
    close_items_for_source(doc, "已印制", actor=actor)
    _track(doc, OutgoingStep.DISTRIBUTE, person, f"分发：{label(doc)}", actor=actor, due_at=_deadline(
        doc, OutgoingStep.DISTRIBUTE, doc.printed_at), clause=CLAUSE_DISTRIBUTION)
    _event(doc, "印制", person, f"印制{doc.copies}份，已核对{'、'.join(PRINT_CHECKS.values())}"
           + ("；涉密印制" if doc.secure_printing else ""))
    record("documents.outgoing.print", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [OutgoingStatus.NUMBERED, doc.status], "checks": doc.print_checks,
                    "secure_printing": doc.secure_printing, "copies": doc.copies})
    return doc

RECEIPT_ITEM = "催回执："  # the title of the tracked item that chases a 发文's missing 回执


def organs(text: str) -> list[str]:
    """The organs named in a 主送/抄送 field, split on 、，；and new lines."""
    return [o.strip() for o in re.split(r"[、，,；;\n]+", text or "") if o.strip()]


def required_recipients(doc: OutgoingDocument) -> list[str]:
    return list(dict.fromkeys([*organs(doc.addressees), *organs(doc.copy_to)]))


@transaction.atomic(durable=True)
def do_distribute_outgoing(doc: OutgoingDocument, *, recipients: Sequence[str] | str | None = None, note: str = "",
                           actor) -> OutgoingDocument:
    """分发 (clause 一(一)8): to every 主送 and 抄送 organ (a list missing one is refused: no 漏发), each recipient
    recorded with its time and the 分发时限, so that 迟发 shows; 回执 are recorded afterwards."""
    person = _person(actor)
    doc = _lock_out(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(doc.status == OutgoingStatus.PRINTED, f"印制后才能分发（当前：{doc.get_status_display()}）。")
    _refuse_unless(access.is_office(person), "只有办公室人员可以分发公文。")
    required = required_recipients(doc)
    listed = organs(recipients) if isinstance(recipients, str) else [r.strip() for r in recipients or [] if r.strip()]
    listed = list(dict.fromkeys(listed or required))
    _refuse_unless(bool(listed), "没有主送或抄送机关，无法分发。")
    missing = [r for r in required if r not in listed]
    if missing:
        raise ValidationError(f"漏发：主送或抄送机关{'、'.join(missing)}未列入分发名单。")
    now = timezone.now()
    due_at = _deadline(doc, OutgoingStep.DISTRIBUTE, doc.printed_at)
    for name in listed:
        Distribution.objects.create(document=doc, recipient=name, sent_at=now, sent_by=person, due_at=due_at)
    doc.status, doc.distributed_at = OutgoingStatus.DISTRIBUTED, now
    doc.save(update_fields=["status", "distributed_at"])
    close_items_for_source(doc, "已分发", actor=actor)
    # chasing the 回执: reminded and escalated when overdue, but no 差错 lead — a recipient that does not answer is
    # not the distributor's lapse (a 漏发 or 错发 is, and is caught where it happens)
    _track(doc, OutgoingStep.RECEIPT, person, f"{RECEIPT_ITEM}{label(doc)}", actor=actor, clause="",
           detail="待回执：" + "、".join(listed))
    _track_archiving(doc, person, actor=actor)
    late = now > due_at
    _event(doc, "分发", person, "分发至：" + "、".join(listed) + ("（迟发）" if late else "")
           + (f"。{note.strip()}" if note.strip() else ""))
    record("documents.outgoing.distribute", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [OutgoingStatus.PRINTED, doc.status], "recipients": listed, "due_at": due_at,
                    "late": late})
    return doc


@transaction.atomic(durable=True)
def do_record_receipt(distribution: Distribution, *, receipt_by: str = "", misdirected: bool = False,
                      note: str = "", actor) -> Distribution:
    """回执: the recipient signed for it — or sent it back as not theirs (错发), which proposes an error lead
    on the distributor under clause 一(一)8."""
    person = _person(actor)
    distribution = Distribution.objects.select_for_update(of=("self",)).select_related("document").get(pk=distribution.pk)
    doc = distribution.document
    _visible_or_refuse(doc, person)
    _refuse_unless(access.is_office(person), "只有办公室人员可以登记回执。")
    _refuse_unless(distribution.received_at is None, f"{distribution.recipient}的回执已登记。")
    note, receipt_by = note.strip(), receipt_by.strip()
    if misdirected and not note:
        raise ValidationError("错发须说明情况。")
    if not misdirected and not receipt_by:
        raise ValidationError("请填写签收人。")
    distribution.received_at, distribution.receipt_by = timezone.now(), receipt_by
    distribution.misdirected, distribution.receipt_note = bool(misdirected), note
    distribution.save()
    if not doc.distributions.awaiting_receipt().exists():  # the last one: nothing left to chase
        _close_receipt_items(doc, "回执已全部登记", actor=actor)
    if misdirected:
        from zeroerror.errors.actions import propose_lead

        propose_lead(CLAUSE_DISTRIBUTION, distribution.sent_by, timezone.localdate(distribution.sent_at),
                     f"《{label(doc)}》（{doc.doc_number}）错发至{distribution.recipient}：{note}", distribution,
                     actor=actor, source_label=f"分发记录：{doc.doc_number} → {distribution.recipient}",
                     source_url=detail_url(doc))
    _event(doc, "回执", person, f"{distribution.recipient}：" + (f"错发退回，{note}" if misdirected else
                                                               f"{receipt_by}签收" + (f"，{note}" if note else "")))
    record("documents.outgoing.receipt", actor=actor, kind=AuditKind.CHANGE, obj=doc,
           changes={"recipient": distribution.recipient, "misdirected": bool(misdirected), "note": note})
    return distribution


def _close_receipt_items(doc: OutgoingDocument, note: str, *, actor) -> None:
    for item in TrackedItem.objects.for_source(doc).active().filter(title__startswith=RECEIPT_ITEM):
        close_tracked_item(item, note, actor=actor)


@transaction.atomic(durable=True)
def do_archive_outgoing(doc: OutgoingDocument, *, actor) -> OutgoingDocument:
    person = _person(actor)
    doc = _lock_out(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(access.can_archive_outgoing(person, doc), f"分发后才能由办公室归档（当前：{doc.get_status_display()}）。")
    # 归档 with receipts outstanding is allowed (a recipient may never answer) but says who had not acknowledged
    missing = list(doc.distributions.awaiting_receipt().values_list("recipient", flat=True))
    doc.status, doc.archived_at = OutgoingStatus.ARCHIVED, timezone.now()
    doc.save(update_fields=["status", "archived_at"])
    close_items_for_source(doc, "已归档" + (f"（归档时未回执：{'、'.join(missing)}）" if missing else ""), actor=actor)
    _event(doc, "归档", person, f"归档时未回执：{'、'.join(missing)}" if missing else "回执齐全")
    record("documents.outgoing.archive", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [OutgoingStatus.DISTRIBUTED, doc.status], "no_receipt": missing})
    return doc
