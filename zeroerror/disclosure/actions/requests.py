"""依申请公开 register (条例 第三十三条): 登记 with the statutory reply deadline under 督办, one 延期 of at most 20
working days approved by the office's head, 答复."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.disclosure import access
from zeroerror.disclosure.actions.common import (
    AREA,
    CLAUSE_PUBLICATION,
    check_past_date,
    local,
    person_of_actor,
    refuse_unless,
    start_of,
)
from zeroerror.disclosure.models import DisclosureRequest, RequestMethod, RequestOutcome, RequestStatus
from zeroerror.disclosure.models.requests import EXTENSION_MAX_WORKDAYS, REPLY_WORKDAYS
from zeroerror.org.models import Person
from zeroerror.tracking.actions import cancel_items_for_source, close_items_for_source, create_tracked_item
from zeroerror.tracking.notify import notify
from zeroerror.workdays.service import deadline_in_workdays


def _track(req: DisclosureRequest, *, actor) -> None:
    create_tracked_item(title=f"依申请公开答复：{req.number}", owner=req.handler, due_at=req.due_at, area=AREA,
                        clause_id=CLAUSE_PUBLICATION, source=req, source_url=access.request_url(req), actor=actor,
                        detail=f"{req.received_on:%Y-%m-%d} 收到申请，答复期限 {local(req.due_at)}"
                               + ("（已延期）" if req.extended else "") + "。")


def _next_number(unit, year: int) -> str:
    taken = DisclosureRequest.objects.of_unit(unit).filter(number__startswith=f"{year}-").count()
    return f"{year}-{taken + 1:03d}"


@transaction.atomic(durable=True)
def do_register_request(*, applicant: str, content: str, method: str, received_on, handler: Person,
                        applicant_kind: str = "自然人", contact: str = "", actor) -> DisclosureRequest:
    """登记: the reply is due 20 working days after receipt (the day of receipt not counted)."""
    person = person_of_actor(actor)
    refuse_unless(access.can_register_request(person), "只有办公室人员可以登记依申请公开。")
    problems = []
    applicant, content, contact = (applicant or "").strip(), (content or "").strip(), (contact or "").strip()
    if not applicant:
        problems.append("请填写申请人。")
    elif len(applicant) > 100:
        problems.append("申请人不能超过100字。")
    if not content:
        problems.append("请填写申请公开的内容。")
    if len(contact) > 100:
        problems.append("联系方式不能超过100字。")
    if applicant_kind not in ("自然人", "法人或其他组织"):
        problems.append("请选择申请人类型。")
    if method not in RequestMethod.values:
        problems.append("请选择申请方式。")
    if handler is None or handler.unit_id != person.unit_id or not handler.active:
        problems.append("承办人须为本单位在职人员。")
    try:
        check_past_date(received_on, "收到申请日期")
    except ValidationError as exc:
        problems.extend(exc.messages)
    if problems:
        raise ValidationError(problems)
    due = deadline_in_workdays(REPLY_WORKDAYS, start_of(received_on))
    req = DisclosureRequest.objects.create(
        unit=person.unit, number=_next_number(person.unit, received_on.year), applicant=applicant,
        applicant_kind=applicant_kind, contact=contact, content=content, method=method, received_on=received_on,
        handler=handler, registered_by=person, due_at=due, original_due_at=due)
    _track(req, actor=actor)
    record("disclosure.request.register", actor=actor, kind=AuditKind.CREATE, obj=req,
           changes={"number": req.number, "received_on": received_on, "due_at": due, "handler": handler.pk})
    return req


def _lock(req: DisclosureRequest) -> DisclosureRequest:
    return DisclosureRequest.objects.select_for_update().get(pk=req.pk)


@transaction.atomic(durable=True)
def do_extend_request(req: DisclosureRequest, *, workdays: int, reason: str, actor) -> DisclosureRequest:
    """延期答复: once, by at most 20 working days, approved by the head of the office, before the deadline; the
    applicant is to be told (the reason is recorded)."""
    person = person_of_actor(actor)
    req = _lock(req)
    refuse_unless(req.status == RequestStatus.OPEN, "申请已答复，不能延期。")
    refuse_unless(not req.extended, "答复期限只能延长一次。")
    refuse_unless(access.can_extend(person, req), "延期答复须经办公室主任或副主任批准。")
    refuse_unless(isinstance(workdays, int) and 1 <= workdays <= EXTENSION_MAX_WORKDAYS,
                  f"延长期限最长不得超过 {EXTENSION_MAX_WORKDAYS} 个工作日。")
    reason = (reason or "").strip()
    refuse_unless(bool(reason), "请填写延期理由。")
    refuse_unless(len(reason) <= 500, "延期理由不能超过500字。")
    refuse_unless(timezone.now() <= req.due_at, f"答复期限（{local(req.due_at)}）已过，不能再延期，请尽快答复。")
    before = req.due_at
    req.due_at = deadline_in_workdays(workdays, req.original_due_at)
    req.extension_workdays, req.extension_reason = workdays, reason
    req.extension_approved_by, req.extended_at = person, timezone.now()
    req.save(update_fields=["due_at", "extension_workdays", "extension_reason", "extension_approved_by",
                            "extended_at"])
    cancel_items_for_source(req, f"经{person.name}批准延期 {workdays} 个工作日", actor=actor)
    _track(req, actor=actor)
    record("disclosure.request.extend", actor=actor, kind=AuditKind.CHANGE, obj=req,
           changes={"due_at": [before, req.due_at], "workdays": workdays, "reason": reason})
    notify([req.handler], f"依申请公开 {req.number} 已延期至 {local(req.due_at)}", url=access.request_url(req),
           about=req, body="请将延期理由和期限告知申请人。")
    return req


@transaction.atomic(durable=True)
def do_answer_request(req: DisclosureRequest, *, outcome: str, reply: str, actor) -> DisclosureRequest:
    """答复: recorded with its type; after the deadline it is marked 逾期 (the overdue tracked item has already
    proposed the lead)."""
    person = person_of_actor(actor)
    req = _lock(req)
    refuse_unless(req.status == RequestStatus.OPEN, "申请已答复。")
    refuse_unless(access.can_answer(person, req), "只有承办人或办公室人员可以答复。")
    refuse_unless(outcome in RequestOutcome.values, "请选择答复类型。")
    reply = (reply or "").strip()
    refuse_unless(bool(reply), "请填写答复内容。")
    now = timezone.now()
    req.status, req.outcome, req.reply = RequestStatus.ANSWERED, outcome, reply
    req.answered_by, req.answered_at, req.answered_late = person, now, now > req.due_at
    req.save(update_fields=["status", "outcome", "reply", "answered_by", "answered_at", "answered_late"])
    close_items_for_source(req, f"已答复（{RequestOutcome(outcome).label}）", actor=actor)
    record("disclosure.request.answer", actor=actor, kind=AuditKind.TRANSITION, obj=req,
           changes={"status": [RequestStatus.OPEN, RequestStatus.ANSWERED], "outcome": outcome,
                    "late": req.answered_late})
    return req
