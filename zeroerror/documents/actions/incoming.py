"""收文 (条例 第二十四条): 签收 → 登记 → 初审 → 拟办 → 批示 → 承办 → 办结 → 归档 (传阅 in :mod:`.circulation`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from zeroerror.attachments.actions import attach, read_upload
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.documents import access
from zeroerror.documents.actions.circulation import READING_ITEM, _circulate
from zeroerror.documents.actions.common import (
    CLAUSE_INSTRUCTION,
    CLAUSE_TIME_LIMIT,
    _classification,
    _close_items_of,
    _deadline,
    _event,
    _first_with_role,
    _lock_in,
    _not_closed_out,
    _office_clerk,
    _person,
    _refuse_unless,
    _set_expiry,
    _track,
    _track_archiving,
    _visible_or_refuse,
    label,
    notify_about,
    put_on_route,
)
from zeroerror.documents.docnumber import DocNumberError, DocumentKind, Urgency, parse_doc_number
from zeroerror.documents.models import LEADER_ROLES, IncomingDocument, IncomingStatus, Instruction, SenderOrgan
from zeroerror.documents.models.senders import squeeze
from zeroerror.documents.timelimits import IncomingStep
from zeroerror.org.models import Department, Person
from zeroerror.org.roles import Role
from zeroerror.tracking.actions import cancel_items_for_source, close_items_for_source, close_tracked_item
from zeroerror.tracking.models import TrackedItem


def _normalise_sender(sender: str, unit_id: int) -> str:
    """The sending organ as the directory names it (an abbreviation becomes the full name), spaces removed."""
    organ = SenderOrgan.objects.matching(unit_id, sender)
    return organ.name if organ is not None else squeeze(sender)


@transaction.atomic(durable=True)
def do_receive_incoming(*, sender: str, received_count: int = 1, received_at: datetime | None = None,
                        urgency: str = Urgency.NORMAL, actor) -> IncomingDocument:
    """签收: count the items and record the time of receipt (and the 紧急程度 marked on it, which 登记 may correct).
    The clerk's 登记 is tracked from the time of receipt (clause 一(一)4)."""
    person = _person(actor)
    _refuse_unless(access.can_receive(person), "只有办公室人员可以签收公文。")
    sender = _normalise_sender(sender, person.unit_id)
    problems = []
    if not sender:
        problems.append("请填写来文机关")
    if not received_count or received_count < 1:
        problems.append("签收件数至少为1")
    if received_at is not None and received_at > timezone.now():
        problems.append("签收时间不能晚于当前时间")
    try:
        urgency = Urgency(urgency or Urgency.NORMAL)
    except ValueError:
        problems.append("紧急程度无效")
    if problems:
        raise ValidationError(problems)
    doc = IncomingDocument.objects.create(unit=person.unit, sender=sender, received_count=received_count,
                                          received_at=received_at or timezone.now(), registrar=person,
                                          urgency=urgency)
    put_on_route(doc, person, "签收")
    _track(doc, IncomingStep.REGISTER, person, f"登记：{label(doc)}", actor=actor,
           due_at=_deadline(doc, IncomingStep.REGISTER, doc.received_at))
    _event(doc, "签收", person, f"{sender}来文{received_count}件")
    record("documents.incoming.receive", actor=actor, kind=AuditKind.CREATE, obj=doc,
           changes={"sender": sender, "received_count": received_count})
    return doc


@transaction.atomic(durable=True)
def do_withdraw_receipt(doc: IncomingDocument, *, reason: str, actor) -> IncomingDocument:
    """撤销签收: a 签收 made by mistake is withdrawn with its reason before 初审; the 登记/初审 item is cancelled and
    the record kept (its 文号 no longer blocks registering the right one)."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(access.is_office(person), "只有办公室人员可以撤销签收。")
    _refuse_unless(doc.status in (IncomingStatus.RECEIVED, IncomingStatus.REGISTERED),
                   f"初审之后不能撤销签收（当前：{doc.get_status_display()}）。")
    reason = (reason or "").strip()
    _refuse_unless(len(reason) >= 4, "请写明撤销签收的理由（至少4个字，如“非本单位来文，误签”）。")
    before = doc.status
    doc.status = IncomingStatus.WITHDRAWN
    doc.save(update_fields=["status"])
    cancel_items_for_source(doc, f"已撤销签收：{reason}", actor=actor)
    _event(doc, "撤销签收", person, reason)
    record("documents.incoming.withdraw_receipt", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [before, doc.status], "reason": reason})
    return doc


def number_year_problems(year: int, received_on: date, *, confirmed: bool = False) -> list[str]:
    """A 来文's 文号 year must fit its 收文日期: never later (a document does not come from the future), and more than
    a year earlier only when the clerk confirms it (an old document sent on late does happen)."""
    if year > received_on.year:
        return [f"文号年份〔{year}〕晚于收文日期（{received_on:%Y年%m月%d日}），请核对文号"]
    if year < received_on.year - 1 and not confirmed:
        return [f"文号年份〔{year}〕比收文日期（{received_on:%Y年}）早一年以上：请核对；确属旧文，请勾选“文号年份已核对”后再登记"]
    return []


@transaction.atomic(durable=True)
def do_register_incoming(doc: IncomingDocument, *, sender: str | None = None, doc_number: str, title: str,
                         kind: str = "", urgency: str = Urgency.NORMAL, secrecy_level: str = "",
                         secrecy_period: str = "", received_on: date | None = None, copies: int | None = None,
                         pages: int | None = None, scans: Sequence[tuple[str, bytes]] = (),
                         year_confirmed: bool = False, actor) -> IncomingDocument:
    """登记: 来文机关, 文号 (checked in incoming mode), 标题, 密级和保密期限, 紧急程度, 收文日期, 份数/页数 and
    the scanned pages. The same 来文机关 + 文号 cannot be registered twice."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(doc.status == IncomingStatus.RECEIVED, f"该文已登记（当前：{doc.get_status_display()}）。")
    _refuse_unless(access.is_office(person), "只有办公室人员可以登记收文。")
    sender = _normalise_sender(sender if sender is not None else doc.sender, doc.unit_id)
    problems = []
    if not sender:
        problems.append("请填写来文机关")
    number = ""
    parsed = None
    try:
        parsed = parse_doc_number(doc_number, incoming=True)
        number = str(parsed)
    except DocNumberError as exc:
        problems.append(exc.message.rstrip("。"))
    if not (title or "").strip():
        problems.append("请填写标题")
    if kind:
        try:
            DocumentKind(kind)
        except ValueError:
            problems.append("文种无效")
    try:
        Urgency(urgency or Urgency.NORMAL)
    except ValueError:
        problems.append("紧急程度无效")
    try:
        level, period = _classification(secrecy_level, secrecy_period)
    except ValidationError as exc:
        problems.extend(exc.messages)
        level, period = "", ""
    if received_on is None:
        problems.append("请填写收文日期")
    elif received_on > timezone.localdate():
        problems.append("收文日期不能晚于今天")
    for name, value in (("份数", copies), ("页数", pages)):
        if value is None or value < 1:
            problems.append(f"请填写{name}（至少为1）")
    if parsed is not None and received_on is not None:
        problems.extend(number_year_problems(parsed.year, received_on, confirmed=year_confirmed))
    if number and sender:
        organ = SenderOrgan.objects.matching(doc.unit_id, sender)
        existing = (IncomingDocument.objects.filter(unit_id=doc.unit_id, sender__in=organ.names if organ else [sender],
                                                    doc_number=number)
                    .exclude(pk=doc.pk).exclude(status=IncomingStatus.WITHDRAWN).first())
        if existing is not None:
            problems.append(f"{sender}的{number}已于{timezone.localtime(existing.received_at):%Y-%m-%d}登记，"
                            "不能重复登记")
    if problems:
        raise ValidationError(problems)
    doc.sender, doc.doc_number, doc.title = sender, number, title.strip()
    doc.kind, doc.urgency = kind or "", urgency or Urgency.NORMAL
    doc.secrecy_level, doc.secrecy_period = level, period
    doc.received_on, doc.copies, doc.pages = received_on, copies, pages
    _set_expiry(doc, received_on)
    doc.status, doc.registered_at = IncomingStatus.REGISTERED, timezone.now()
    try:
        with transaction.atomic():
            doc.save()
    except IntegrityError:
        raise ValidationError(f"{sender}的{number}已登记，不能重复登记。")
    for name, data in scans:
        attach(doc, name, data, purpose="扫描件", actor=actor)
    put_on_route(doc, person, "登记")
    close_items_for_source(doc, "已登记", actor=actor)
    clerk = _office_clerk(doc)
    if clerk is not None:
        _track(doc, IncomingStep.REVIEW, clerk, f"初审：{label(doc)}", actor=actor)
    _event(doc, "登记", person, f"{sender} {number}《{doc.title}》{doc.copies}份{doc.pages}页"
           + (f"，{doc.classification_text}" if level else ""))
    record("documents.incoming.register", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [IncomingStatus.RECEIVED, doc.status], "sender": sender, "doc_number": number,
                    "title": doc.title, "secrecy_level": level, "scans": len(scans)})
    return doc


@transaction.atomic(durable=True)
def do_review_incoming(doc: IncomingDocument, *, ours: bool, reason: str = "", transfer_to: str = "",
                       actor) -> IncomingDocument:
    """初审 (clause 一(一)1): is it ours to handle, following 行文规则, 文种 and format? If not, it is returned or
    transferred with reasons and never enters handling."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(doc.status == IncomingStatus.REGISTERED, f"登记后才能初审（当前：{doc.get_status_display()}）。")
    _refuse_unless(access.is_office(person), "只有办公室人员可以初审收文。")
    reason, transfer_to = reason.strip(), transfer_to.strip()
    _refuse_unless(ours or bool(reason), "不属于本单位办理的文件，请填写退回或转办理由。")
    doc.reviewed_by, doc.reviewed_at = person, timezone.now()
    close_items_for_source(doc, "已初审", actor=actor)
    if ours:
        doc.status = IncomingStatus.ACCEPTED
        director = _first_with_role(doc.unit_id, Role.OFFICE_DIRECTOR)
        if director is not None:
            put_on_route(doc, director, "拟办")
            _track(doc, IncomingStep.PROPOSE, director, f"拟办：{label(doc)}", actor=actor)
        text = "属本单位办理，送办公室主任拟办" + (f"。{reason}" if reason else "")
    else:
        doc.review_reason, doc.transferred_to = reason, transfer_to
        doc.status = IncomingStatus.TRANSFERRED if transfer_to else IncomingStatus.RETURNED
        text = (f"转{transfer_to}：{reason}" if transfer_to else f"退回{doc.sender}：{reason}") + "（不列入办理程序）"
    doc.save()
    _event(doc, "初审", person, text)
    record("documents.incoming.review", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [IncomingStatus.REGISTERED, doc.status], "ours": ours, "reason": reason,
                    "transfer_to": transfer_to})
    return doc


@transaction.atomic(durable=True)
def do_propose_incoming(doc: IncomingDocument, *, proposal: str, leaders: Sequence[Person] = (),
                        readers: Sequence[Person] = (), main_department: Department | None = None,
                        actor) -> IncomingDocument:
    """拟办 by the 办公室主任: a 批办件 goes to leaders for 批示; a 阅知件 (no leader named) goes round its readers
    and is finished when the last one has read it."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _not_closed_out(doc)
    _refuse_unless(doc.status == IncomingStatus.ACCEPTED, f"初审通过后才能拟办（当前：{doc.get_status_display()}）。")
    _refuse_unless(person.has_role(*access.DIRECTOR_ROLES), "拟办意见由办公室主任提出。")
    proposal = proposal.strip()
    leaders, readers = list(leaders), list(dict.fromkeys(readers))
    problems = []
    if not proposal:
        problems.append("请填写拟办意见")
    if not leaders and not readers:
        problems.append("请选择呈送批示的领导（批办件）或传阅人员（阅知件）")
    if any(r.unit_id != doc.unit_id or not r.active for r in readers):
        problems.append("只能送本单位在职人员传阅")
    bad = [p.name for p in leaders if not p.has_role(*LEADER_ROLES) or p.unit_id != doc.unit_id]
    if bad:
        problems.append(f"{'、'.join(bad)}不是本单位领导")
    if main_department is not None and main_department.unit_id != doc.unit_id:
        problems.append("主办科室不属于本单位")
    if problems:
        raise ValidationError(problems)
    doc.proposal, doc.proposed_by, doc.proposed_at = proposal, person, timezone.now()
    doc.main_department = main_department
    doc.status = IncomingStatus.PROPOSED if leaders else IncomingStatus.READING
    doc.save()
    doc.leaders.set(leaders)
    close_items_for_source(doc, "已拟办", actor=actor)
    put_on_route(doc, person, "拟办")
    for leader in leaders:
        put_on_route(doc, leader, "批示")
        _track(doc, IncomingStep.INSTRUCT, leader, f"批示：{label(doc)}", actor=actor, detail=proposal)
    sent_to = f"（呈{'、'.join(p.name for p in leaders)}批示）" if leaders else "（阅知件）"
    _event(doc, "拟办", person, proposal + sent_to)
    if readers:
        _circulate(doc, readers, person, actor=actor)
    record("documents.incoming.propose", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [IncomingStatus.ACCEPTED, doc.status], "proposal": proposal,
                    "leaders": [p.pk for p in leaders], "main_department": main_department})
    return doc


@transaction.atomic(durable=True)
def do_instruct_incoming(doc: IncomingDocument, *, text: str, due_at: datetime | None = None,
                         actor) -> Instruction:
    """批示 (clause 一(一)5): recorded verbatim with who and when; the people concerned are told."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _not_closed_out(doc)
    _refuse_unless(doc.status in (IncomingStatus.PROPOSED, IncomingStatus.INSTRUCTED),
                   f"拟办后才能批示（当前：{doc.get_status_display()}）。")
    _refuse_unless(access.can_instruct_incoming(person, doc), "只有呈送的领导可以批示此文。")
    if not text or not text.strip():
        raise ValidationError("请填写批示内容。")
    if due_at is not None and due_at <= timezone.now():
        raise ValidationError("要求办结时间须晚于当前时间。")
    return _instruct(doc, person, Instruction(document=doc, leader=person, text=text, due_at=due_at), actor=actor)


PAPER_SCAN = "批示扫描件"


@transaction.atomic(durable=True)
def do_record_paper_instruction(doc: IncomingDocument, *, leader: Person, text: str, written_at: datetime,
                                scan, due_at: datetime | None = None, actor) -> Instruction:
    """A leader's handwritten 批示 on the paper 阅办单 (issue 11 2(d)): the office enters it on the leader's behalf,
    verbatim with the scan of the page, marked as entered by the clerk; the leader is told so that a wrong entry is
    seen. Only for a leader the document was sent to (or the 院长)."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _not_closed_out(doc)
    _refuse_unless(doc.status in (IncomingStatus.PROPOSED, IncomingStatus.INSTRUCTED),
                   f"拟办后才能录入批示（当前：{doc.get_status_display()}）。")
    _refuse_unless(access.is_office(person), "只有办公室人员可以代为录入纸质批示。")
    _refuse_unless(leader is not None and access.can_instruct_incoming(leader, doc),
                   "只能录入呈送领导（或院长）的批示。")
    problems = []
    if not text or not text.strip():
        problems.append("请填写批示内容（原文照录）")
    if written_at is None or written_at > timezone.now():
        problems.append("批示时间不能晚于当前时间")
    elif doc.proposed_at and written_at < doc.proposed_at:
        problems.append("批示时间不能早于拟办时间")
    if scan is None:
        problems.append("请上传纸质批示的扫描件或照片")
    if due_at is not None and due_at <= timezone.now():
        problems.append("要求办结时间须晚于当前时间")
    if problems:
        raise ValidationError(problems)
    data = read_upload(scan)
    instruction = _instruct(doc, leader, Instruction(document=doc, leader=leader, text=text, due_at=due_at,
                                                     at=written_at, recorded_by=person, recorded_at=timezone.now()),
                            actor=actor)
    attach(doc, scan.name, data, purpose=PAPER_SCAN, actor=actor)
    notify_about(doc, [leader], f"您的纸质批示已由{person.name}代为录入：{label(doc)}", text)
    return instruction


def _instruct(doc: IncomingDocument, leader: Person, instruction: Instruction, *, actor) -> Instruction:
    """Record the 批示 and move the document on: the leader's item closed, the people concerned told."""
    instruction.save()
    before = doc.status
    doc.status = IncomingStatus.INSTRUCTED
    doc.save(update_fields=["status"])
    _close_items_of(doc, leader, "已批示", actor=actor)
    put_on_route(doc, leader, "批示")
    text = instruction.text
    concerned = [doc.proposed_by, doc.registrar, doc.main_department.head() if doc.main_department else None]
    paper = f"（纸质批示，{instruction.recorded_by.name}代录）" if instruction.on_paper else ""
    notify_about(doc, concerned, f"{leader.name}已批示{paper}：{label(doc)}", text)
    _event(doc, "批示", leader, text + paper)
    record("documents.incoming.instruct", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [before, doc.status], "text": text, "due_at": instruction.due_at,
                    "leader": leader.pk, "on_paper": instruction.on_paper})
    return instruction


@transaction.atomic(durable=True)
def do_assign_incoming(doc: IncomingDocument, *, main_department: Department, handler: Person | None = None,
                       co_departments: Sequence[Department] = (), actor) -> IncomingDocument:
    """承办: one 主办 department (and 协办 ones) with a deadline — the leader's if the 批示 set one (clause
    一(一)5), else the time limit for the 文种 and 紧急程度 (clause 一(一)4) — as a tracked item."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _not_closed_out(doc)
    _refuse_unless(doc.status == IncomingStatus.INSTRUCTED, f"领导批示后才能交办承办（当前：{doc.get_status_display()}）。")
    _refuse_unless(access.can_assign_incoming(person, doc), "只有办公室可以交办承办。")
    co_departments = [d for d in co_departments if d.pk != main_department.pk]
    problems = []
    if main_department.unit_id != doc.unit_id:
        problems.append("主办科室不属于本单位")
    head = main_department.head()
    handler = handler or head
    if handler is None:
        problems.append(f"{main_department.name}未设负责人，请指定承办人")
    elif handler.department_id != main_department.pk and handler != head:
        problems.append(f"承办人{handler.name}不在{main_department.name}")
    if problems:
        raise ValidationError(problems)
    dues = [i.due_at for i in doc.instructions.all() if i.due_at]
    due_at, clause = (min(dues), CLAUSE_INSTRUCTION) if dues else (_deadline(doc, IncomingStep.HANDLE), CLAUSE_TIME_LIMIT)
    close_items_for_source(doc, "已交办承办", actor=actor)
    doc.main_department, doc.handler, doc.handling_due_at = main_department, handler, due_at
    doc.assigned_at, doc.status = timezone.now(), IncomingStatus.HANDLING
    doc.save()
    doc.co_departments.set(co_departments)
    put_on_route(doc, person, "交办")
    put_on_route(doc, handler, "承办")
    for dept in co_departments:
        head = dept.head()
        if head is not None:
            put_on_route(doc, head, "协办")
    instructions = "；".join(f"{i.leader.name}：{i.text}" for i in doc.instructions.select_related("leader"))
    _track(doc, IncomingStep.HANDLE, handler, f"承办：{label(doc)}", actor=actor, due_at=due_at, clause=clause,
           detail=instructions)
    if doc.kind_enum is not None and doc.kind_enum.expects_reply:
        # 答复 to the sending organ: its own limit, counted from the end of 承办 (recorded at 办结)
        _track(doc, IncomingStep.REPLY, handler, f"答复：{label(doc)}", actor=actor,
               due_at=_deadline(doc, IncomingStep.REPLY, due_at), detail=f"须答复{doc.sender}")
    _event(doc, "交办承办", person, f"主办：{main_department.name}（{handler.name}）"
           + (f"；协办：{'、'.join(d.name for d in co_departments)}" if co_departments else "")
           + ("；按领导批示时限办理" if clause == CLAUSE_INSTRUCTION else ""))
    record("documents.incoming.assign", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [IncomingStatus.INSTRUCTED, doc.status], "main_department": main_department,
                    "handler": handler, "co_departments": [d.pk for d in co_departments], "due_at": due_at,
                    "clause": clause})
    return doc


@transaction.atomic(durable=True)
def do_complete_incoming(doc: IncomingDocument, *, result: str, reply: str = "", actor) -> IncomingDocument:
    """办结 (and 答复): the outcome is recorded and the tracked items (承办, 答复) are closed; a 请示 or 函 must
    have been answered to the sending organ. The office's 归档 is tracked from here (clause 一(一)4)."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _not_closed_out(doc)
    _refuse_unless(doc.status == IncomingStatus.HANDLING, f"承办中的公文才能办结（当前：{doc.get_status_display()}）。")
    _refuse_unless(access.can_complete_incoming(person, doc), "只有承办人、主办科室负责人或办公室主任可以办结。")
    result, reply = result.strip(), reply.strip()
    _refuse_unless(bool(result), "请填写办理结果。")
    if doc.kind_enum is not None and doc.kind_enum.expects_reply and not reply:
        raise ValidationError(f"来文为{doc.kind_enum.label}，须答复{doc.sender}：请填写答复情况（答复方式、文号）。")
    doc.result, doc.reply, doc.done_at, doc.status = result, reply, timezone.now(), IncomingStatus.DONE
    doc.save(update_fields=["result", "reply", "done_at", "status"])
    # 办结 closes the handling items; a reader's 传阅 stays open until read or withdrawn (issue 11 2(e))
    for item in TrackedItem.objects.for_source(doc).active().exclude(title__startswith=READING_ITEM):
        close_tracked_item(item, result, actor=actor)
    _track_archiving(doc, _office_clerk(doc), actor=actor)
    notify_about(doc, [doc.proposed_by, *doc.leaders.all()], f"已办结：{label(doc)}", result)
    _event(doc, "办结", person, result + (f"；答复：{reply}" if reply else ""))
    record("documents.incoming.complete", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [IncomingStatus.HANDLING, doc.status], "result": result,
                    "late": bool(doc.handling_due_at and doc.done_at > doc.handling_due_at)})
    return doc


@transaction.atomic(durable=True)
def do_archive_incoming(doc: IncomingDocument, *, actor) -> IncomingDocument:
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(access.can_archive_incoming(person, doc), f"办结后才能由办公室归档（当前：{doc.get_status_display()}）。")
    reading = list(doc.circulations.pending().values_list("reader__name", flat=True))
    if reading:
        raise ValidationError(f"传阅尚未结束（{'、'.join(reading)}在阅），不能归档：待阅毕或撤回传阅后再归档。")
    doc.status, doc.archived_at = IncomingStatus.ARCHIVED, timezone.now()
    doc.save(update_fields=["status", "archived_at"])
    close_items_for_source(doc, "已归档", actor=actor)
    _event(doc, "归档", person)
    record("documents.incoming.archive", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [IncomingStatus.DONE, doc.status]})
    return doc
