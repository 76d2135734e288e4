"""用印申请 (clause 一(六)2): what document, how many copies, why; approved by the 办公室主任 before the seal is used
(nobody approves their own request); a blank document is refused outright (clause 一(六)5)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.seals import access, rules
from zeroerror.seals.actions.common import check_text, person_of_actor
from zeroerror.seals.models import RequestKind, RequestStatus, Seal, SealRequest
from zeroerror.tracking.notify import notify


def _approvers(request: SealRequest) -> list[Person]:
    people = Person.objects.active().filter(unit_id=request.unit_id).with_role(Role.OFFICE_DIRECTOR)
    approvers = [p for p in people if p.pk != request.requester_id]
    if not approvers:
        people = Person.objects.active().filter(unit_id=request.unit_id).with_role(Role.PRINCIPAL_LEADER)
        approvers = [p for p in people if access.may_approve(p, request)]
    return approvers


@transaction.atomic(durable=True)
def do_submit_seal_request(*, seal: Seal, document: str, copies: int, purpose: str,
                           kind: str = RequestKind.DOCUMENT, actor) -> SealRequest:
    person = person_of_actor(actor)
    if seal.unit_id != person.unit_id:
        raise ValidationError("请选择本单位的印章。")
    if not seal.active:
        raise ValidationError(f"{seal.name}已停用。")
    if kind not in RequestKind.values:
        raise ValidationError("请选择用印类别。")
    document = check_text(document, "用印文件名称", 200)
    if rules.looks_blank(document):
        raise ValidationError(rules.BLANK_LETTER)
    if not isinstance(copies, int) or copies < 1:
        raise ValidationError("份数须为正整数。")
    if copies > rules.MAX_COPIES_PER_REQUEST:
        raise ValidationError(f"一次用印不能超过{rules.MAX_COPIES_PER_REQUEST}份。")
    if kind == RequestKind.LETTER and copies != 1:
        raise ValidationError("介绍信一次申请一份。")
    request = SealRequest.objects.create(unit_id=person.unit_id, seal=seal, kind=kind, document=document,
                                         copies=copies, purpose=check_text(purpose, "用印事由", 300),
                                         requester=person, department=person.department)
    record("seals.request.submit", actor=actor, kind=AuditKind.CREATE, obj=request,
           changes={"seal": seal.pk, "kind": kind, "document": document, "copies": copies,
                    "purpose": request.purpose})
    notify(_approvers(request), f"用印申请待审批：{document}", url=access.request_url(request), about=request,
           body=f"{seal.name} · {copies}份 · 申请人：{person.name}")
    return request


def _lock_pending(request: SealRequest) -> SealRequest:
    request = SealRequest.objects.select_for_update(of=("self",)).select_related("requester").get(pk=request.pk)
    if request.status != RequestStatus.PENDING:
        raise ValidationError(f"该用印申请{request.get_status_display()}，不能再审批。")
    return request


def _decide(request: SealRequest, status: str, note: str, *, actor) -> SealRequest:
    person = person_of_actor(actor)
    request = _lock_pending(request)
    if person.pk == request.requester_id:
        raise ValidationError("不能审批本人的用印申请。")
    if not access.may_approve(person, request):
        raise ValidationError("用印须经办公室主任批准。")
    request.status, request.approver, request.decided_at = status, person, timezone.now()
    request.decision_note = note
    request.save(update_fields=["status", "approver", "decided_at", "decision_note"])
    record(f"seals.request.{'approve' if status == RequestStatus.APPROVED else 'reject'}", actor=actor,
           kind=AuditKind.TRANSITION, obj=request,
           changes={"status": [RequestStatus.PENDING, status], "note": note})
    return request


@transaction.atomic(durable=True)
def do_approve_seal_request(request: SealRequest, note: str = "", *, actor) -> SealRequest:
    if len(note) > 300:
        raise ValidationError("审批意见不能超过300个字。")
    request = _decide(request, RequestStatus.APPROVED, note.strip(), actor=actor)
    keeper = access.custodian_of(request.seal)
    notify([request.requester, keeper], f"用印申请已批准：{request.document}", url=access.request_url(request), about=request,
           body=f"{request.seal.name} · {request.copies}份 · 批准人：{request.approver.name}")
    return request


@transaction.atomic(durable=True)
def do_reject_seal_request(request: SealRequest, note: str, *, actor) -> SealRequest:
    note = check_text(note, "不予批准的理由", 300)
    request = _decide(request, RequestStatus.REJECTED, note, actor=actor)
    notify([request.requester], f"用印申请不予批准：{request.document}", url=access.request_url(request), about=request, body=note)
    return request


@transaction.atomic(durable=True)
def do_withdraw_seal_request(request: SealRequest, *, actor) -> SealRequest:
    person = person_of_actor(actor)
    request = SealRequest.objects.select_for_update().get(pk=request.pk)
    if request.requester_id != person.pk:
        raise ValidationError("只有申请人可以撤回用印申请。")
    if request.status not in (RequestStatus.PENDING, RequestStatus.APPROVED):
        raise ValidationError(f"该用印申请{request.get_status_display()}，不能撤回。")
    before = request.status
    request.status = RequestStatus.WITHDRAWN
    request.save(update_fields=["status"])
    record("seals.request.withdraw", actor=actor, kind=AuditKind.TRANSITION, obj=request,
           changes={"status": [before, RequestStatus.WITHDRAWN]})
    return request
