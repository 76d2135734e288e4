"""The 用印登记簿 (clause 一(六)4): the custodian applies the seal in person (一(六)3) for an approved request
(一(六)2) and records it; an attempt without an approved request, or for more copies than approved, is refused and
kept as a proposed 差错. After each use the custodian confirms the seal is locked in the safe (一(六)6) — until then
a tracked item due at the end of the day. Rows are never changed: a correction is a new explained entry."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.attachments.actions import attach
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.errors.actions import propose_lead
from zeroerror.org.models import Person
from zeroerror.seals import access, rules
from zeroerror.seals.actions.common import check_text, lock_unit, next_use_number, person_of_actor
from zeroerror.seals.models import RefusedUse, RequestKind, RequestStatus, SafeReturn, SealRequest, SealUse, SealUseKind
from zeroerror.tracking.actions import close_items_for_source, create_tracked_item

CLAUSE_APPROVAL = "一(六)2"
CLAUSE_SAFE = "一(六)6"
PHOTO_PURPOSE = "用印页照片"
CONTENT_NOT_CONFIRMED = "请先核对用印文件内容完整、非空白，再用印登记。"


class Unapproved(ValidationError):
    """A use the request does not cover: refused, and the attempt is kept and flagged."""


def _check_keeper(person: Person, request: SealRequest) -> None:
    if access.custodian_of(request.seal) != person:
        raise ValidationError("只有该印章的专管员本人可以用印并登记。")


def check_request_covers(request: SealRequest, copies: int) -> None:
    """一(六)2: an approved, unused request for at least ``copies`` copies (raises :class:`Unapproved`)."""
    if request.status == RequestStatus.USED:
        raise Unapproved("该用印申请已用印登记，不能重复用印。")
    if request.status != RequestStatus.APPROVED:
        raise Unapproved(rules.NO_APPROVED_REQUEST)
    problem = rules.too_many_copies(copies, request.copies)
    if problem:
        raise Unapproved(problem)


def flag_refused_use(request: SealRequest, person: Person, copies: int, message: str, *, actor) -> RefusedUse:
    """Keep the refused attempt and propose the 差错 (its own transaction: the refused one changed nothing)."""
    with transaction.atomic(durable=True):
        attempt = RefusedUse.objects.create(unit_id=request.unit_id, seal=request.seal, request=request,
                                            person=person, copies=copies, document=request.document, message=message)
        record("seals.use.refused", actor=actor, kind=AuditKind.CREATE, obj=attempt,
               changes={"request": request.pk, "copies": copies, "message": message})
        propose_lead(CLAUSE_APPROVAL, person, timezone.localdate(),
                     f"{person.name}试图对未经批准（或超出批准份数）的文件用印：{request.document}，{copies}份。"
                     f"系统已拒绝：{message}", attempt, actor=actor, source_label=f"用印登记被拒绝：{request.seal.name}",
                     source_url=access.request_url(request))
    return attempt


def write_use(request: SealRequest, *, custodian: Person, copies: int, used_at: datetime, note: str,
              actor) -> SealUse:
    """The register row, the request marked used, the safe-return item (inside the caller's transaction)."""
    unit = lock_unit(request.unit)
    year = timezone.localtime(used_at).year
    use = SealUse.objects.create(
        unit=unit, year=year, number=next_use_number(unit, year), seal=request.seal, request=request,
        used_at=used_at, document=request.document, copies=copies, purpose=request.purpose,
        requester=request.requester, approver=request.approver, custodian=custodian, note=note)
    request.status = RequestStatus.USED
    request.save(update_fields=["status"])
    record("seals.use.record", actor=actor, kind=AuditKind.CREATE, obj=use,
           changes={"number": use.label, "seal": request.seal_id, "request": request.pk, "copies": copies,
                    "document": use.document, "custodian": custodian.pk})
    create_tracked_item(
        title=f"{request.seal.name}用印后锁入保险柜（{use.label}）", owner=custodian, area="seals",
        clause_id=CLAUSE_SAFE, due_at=rules.safe_return_due(timezone.localtime(used_at)), source=use,
        source_url=access.use_url(use), source_label=f"用印登记 {use.label}",
        detail="印章管理人员要在用印完毕后立即将印章锁入保险柜（一(六)6）。", actor=actor)
    return use


@transaction.atomic(durable=True)
def _record(request: SealRequest, *, copies: int, content_checked: bool, note: str, photo, actor) -> SealUse:
    person = person_of_actor(actor)
    request = SealRequest.objects.select_for_update(of=("self",)).select_related("seal", "requester", "approver").get(
        pk=request.pk)
    _check_keeper(person, request)
    if not isinstance(copies, int) or copies < 1:
        raise ValidationError("份数须为正整数。")
    check_request_covers(request, copies)
    if request.kind == RequestKind.LETTER:
        raise ValidationError("介绍信请在介绍信本中按存根编号开具。")
    if rules.looks_blank(request.document):
        raise ValidationError(rules.BLANK_LETTER)
    if not content_checked:
        raise ValidationError(CONTENT_NOT_CONFIRMED)
    if len(note) > 300:
        raise ValidationError("备注不能超过300个字。")
    use = write_use(request, custodian=person, copies=copies, used_at=timezone.now(), note=note.strip(), actor=actor)
    if photo is not None:
        name, data = photo
        attach(use, name, data, purpose=PHOTO_PURPOSE, actor=actor)
    return use


def do_record_seal_use(request: SealRequest, *, copies: int, content_checked: bool, note: str = "",
                       photo: tuple[str, bytes] | None = None, actor) -> SealUse:
    """The custodian records the use; ``photo`` (name, bytes) is a photo or scan of the sealed page."""
    try:
        return _record(request, copies=copies, content_checked=content_checked, note=note, photo=photo, actor=actor)
    except Unapproved as exc:
        flag_refused_use(request, person_of_actor(actor), copies, exc.messages[0], actor=actor)
        raise ValidationError(exc.messages[0]) from None


@transaction.atomic(durable=True)
def do_confirm_safe_return(use: SealUse, *, actor) -> SafeReturn:
    """一(六)6: the custodian confirms the seal is locked in the safe; the tracked item closes."""
    person = person_of_actor(actor)
    use = SealUse.objects.select_related("seal").get(pk=use.pk)
    lock_unit(use.unit)
    if use.kind != SealUseKind.USE:
        raise ValidationError("更正记录无需确认入柜。")
    if SafeReturn.objects.filter(use=use).exists():
        raise ValidationError("该次用印已确认印章入柜。")
    if person.pk != use.custodian_id and access.custodian_of(use.seal) != person:
        raise ValidationError("只有该印章的专管员可以确认印章入柜。")
    now = timezone.now()
    late = now > rules.safe_return_due(timezone.localtime(use.used_at))
    confirmation = SafeReturn.objects.create(use=use, confirmed_by=person, confirmed_at=now, late=late)
    record("seals.use.safe_return", actor=actor, kind=AuditKind.CREATE, obj=confirmation,
           changes={"use": use.label, "late": late})
    close_items_for_source(use, "印章已锁入保险柜。", actor=actor)
    return confirmation


@transaction.atomic(durable=True)
def do_correct_seal_use(use: SealUse, *, document: str, copies: int, note: str, reason: str, actor) -> SealUse:
    """A correction is a new row of the register that names the row it corrects and why; the row stays."""
    person = person_of_actor(actor)
    use = SealUse.objects.select_related("seal", "request").get(pk=use.pk)
    if person.pk != use.custodian_id and access.custodian_of(use.seal) != person:
        raise ValidationError("只有该印章的专管员可以更正用印登记。")
    if use.kind != SealUseKind.USE:
        raise ValidationError("请对原登记进行更正。")
    reason = check_text(reason, "更正说明", 300)
    document = check_text(document, "用印文件名称", 200)
    if not isinstance(copies, int) or copies < 1:
        raise ValidationError("份数须为正整数。")
    problem = rules.too_many_copies(copies, use.request.copies)
    if problem:
        raise ValidationError(problem)
    if len(note) > 300:
        raise ValidationError("备注不能超过300个字。")
    unit = lock_unit(use.unit)
    correction = SealUse.objects.create(
        unit=unit, year=use.year, number=next_use_number(unit, use.year), kind=SealUseKind.CORRECTION,
        seal=use.seal, request=use.request, used_at=use.used_at, document=document, copies=copies,
        purpose=use.purpose, requester_id=use.requester_id, approver_id=use.approver_id, custodian=person,
        note=note.strip(), corrects=use, reason=reason)
    record("seals.use.correct", actor=actor, kind=AuditKind.CREATE, obj=correction,
           changes={"corrects": use.label, "number": correction.label, "document": [use.document, document],
                    "copies": [use.copies, copies], "reason": reason})
    return correction
