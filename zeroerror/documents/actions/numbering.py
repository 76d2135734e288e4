"""编号 of a signed 发文 (gap-free, never reused) and the withdrawal (作废) of a 文号."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.documents import access
from zeroerror.documents.actions.agency import letterhead_problem
from zeroerror.documents.actions.common import (
    _event,
    _first_with_role,
    _lock_out,
    _person,
    _refuse_unless,
    _track,
    _visible_or_refuse,
    label,
    put_on_route,
)
from zeroerror.documents.docnumber import DocNumber, DocumentKind
from zeroerror.documents.models import (
    DocumentNumber,
    DocumentNumberSequence,
    NumberStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from zeroerror.documents.timelimits import OutgoingStep
from zeroerror.org.roles import Role
from zeroerror.tracking.actions import close_items_for_source


def issue_text(agency_code: str, year: int, seq: int) -> str:
    """A 纪要's number in the register: its 期号 in the year's sequence of its 代字, e.g. 青医纪〔2026〕第3期."""
    return f"{agency_code}〔{year}〕第{seq}期"


def _track_numbering(doc: OutgoingDocument, *, actor) -> None:
    """编号 is the office's: the 核稿 clerk if from the office, else the 办公室主任 (clause 一(一)4)."""
    clerk = doc.reviewer if doc.reviewer is not None and access.is_office(doc.reviewer) else \
        _first_with_role(doc.unit_id, Role.OFFICE_DIRECTOR)
    if clerk is not None:
        put_on_route(doc, clerk, "编号")
        _track(doc, OutgoingStep.NUMBER, clerk, f"编号：{label(doc)}", actor=actor)


@transaction.atomic(durable=True)
def do_assign_number(doc: OutgoingDocument, *, actor) -> DocumentNumber:
    """编号: the next 序号 of the 机关代字 this year — no gap, no duplicate (the sequence row is locked), and
    never before 首读 passed and the document was signed (clause 一(一)2). A page reopened in two browsers
    numbers once: the second attempt finds the document already numbered and is refused."""
    person = _person(actor)
    doc = _lock_out(doc)
    _visible_or_refuse(doc, person)
    if doc.status != OutgoingStatus.SIGNED:
        if doc.doc_number:
            raise ValidationError(f"该文已编号为{doc.doc_number}，不能重复编号。")
        if not doc.first_read_passed:
            raise ValidationError("首读通过并签发前不能编号（一(一)2：文件正式编号之前须经首读人员审核把关）。")
        raise ValidationError(f"签发后才能编号（当前：{doc.get_status_display()}）。")
    _refuse_unless(doc.first_read_passed, "首读未通过，不能编号。")
    _refuse_unless(doc.signed_digest == doc.content_digest(), "签发后文稿有实质性修改，须原签发人重新签发后才能编号。")
    _refuse_unless(access.is_office(person), "只有办公室人员可以编号。")
    wrong_head = letterhead_problem(doc)
    _refuse_unless(not wrong_head, wrong_head)
    # the year of the 文号 is the year of the 成文日期 (the day it was signed): a document signed on 31 December and
    # numbered in January takes the next number of the December year (GB/T 9704 7.2.4 with 7.3.5.4)
    year = timezone.localtime(doc.signed_at).year if doc.signed_at else timezone.localdate().year
    sequence, _ = DocumentNumberSequence.objects.select_for_update().get_or_create(
        agency_code=doc.agency_code, year=year)
    seq = sequence.last + 1
    text = issue_text(doc.agency_code, year, seq) if doc.kind == DocumentKind.MINUTES else \
        str(DocNumber(doc.agency_code, year, seq))
    sequence.last = seq
    sequence.save(update_fields=["last"])
    number = DocumentNumber.objects.create(agency_code=doc.agency_code, year=year, seq=seq, text=text, document=doc,
                                           issued_by=person)
    doc.doc_number, doc.numbered_at, doc.status = text, number.issued_at, OutgoingStatus.NUMBERED
    doc.save(update_fields=["doc_number", "numbered_at", "status"])
    close_items_for_source(doc, f"已编号{text}", actor=actor)
    put_on_route(doc, person, "编号")
    _track(doc, OutgoingStep.PRINT, person, f"印制：{label(doc)}", actor=actor)
    _event(doc, "编号", person, text)
    record("documents.outgoing.number", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [OutgoingStatus.SIGNED, doc.status], "doc_number": text, "seq": seq})
    return number


@transaction.atomic(durable=True)
def do_void_number(doc: OutgoingDocument, *, reason: str, actor) -> DocumentNumber:
    """Withdraw a 文号: it stays in the register as void with the reason and is never reused."""
    person = _person(actor)
    doc = _lock_out(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(access.can_void_number(person, doc), "只有办公室人员可以在分发前作废已编文号。")
    reason = reason.strip()
    _refuse_unless(bool(reason), "请填写作废原因。")
    number = DocumentNumber.objects.select_for_update().issued().get(document=doc)
    number.status, number.void_reason, number.voided_at = NumberStatus.VOID, reason, timezone.now()
    number.save(update_fields=["status", "void_reason", "voided_at"])
    before = doc.status
    doc.doc_number, doc.numbered_at, doc.status = "", None, OutgoingStatus.SIGNED
    doc.printed_by, doc.printed_at, doc.print_checks, doc.secure_printing = None, None, {}, False
    doc.save()
    close_items_for_source(doc, f"文号{number.text}作废", actor=actor)
    _track_numbering(doc, actor=actor)
    _event(doc, "作废文号", person, f"{number.text}作废：{reason}")
    record("documents.outgoing.void_number", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [before, doc.status], "doc_number": number.text, "reason": reason})
    return number
