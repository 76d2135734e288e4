"""Write paths of 公文处理. Each ``do_*`` runs in one durable transaction that validates first (Chinese
messages; nothing changes on refusal), locks the document row, writes the 流转记录 and the audit record.

发文 (条例 第二十五条): 拟稿 → 核稿 → 首读 → 签发 → 编号 → 印制 → 分发 → 归档.
收文 (条例 第二十四条): 签收 → 登记 → 初审 → 拟办 → 批示 → 承办 → 办结 → 归档.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from zeroerror.attachments.actions import attach, read_upload
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record, record_standalone
from zeroerror.documents import access
from zeroerror.documents.docnumber import (
    Classification,
    DocNumber,
    DocNumberError,
    DocumentKind,
    SecrecyLevel,
    Urgency,
    parse_doc_number,
)
from zeroerror.documents.models import (
    LEADER_ROLES,
    Circulation,
    Countersign,
    Distribution,
    DocumentNumber,
    DocumentNumberSequence,
    FlowEvent,
    IncomingDocument,
    IncomingStatus,
    Instruction,
    NumberStatus,
    OutgoingDocument,
    OutgoingStatus,
    RouteEntry,
)
from zeroerror.documents.proofing import unresolved_proofreading_errors
from zeroerror.documents.timelimits import (
    DEFAULT_TABLE,
    IncomingStep,
    OutgoingStep,
    TimeLimitError,
    TimeLimitTable,
    time_limit,
)
from zeroerror.org.models import Department, Person
from zeroerror.org.roles import Role
from zeroerror.tracking.actions import close_items_for_source, close_tracked_item, create_tracked_item
from zeroerror.tracking.models import TrackedItem
from zeroerror.tracking.notify import notify
from zeroerror.workdays.service import deadline_in_workdays

CLAUSE_INCOMING_REVIEW = "一(一)1"
CLAUSE_FIRST_READ = "一(一)2"
CLAUSE_TIME_LIMIT = "一(一)4"
CLAUSE_INSTRUCTION = "一(一)5"
CLAUSE_DISTRIBUTION = "一(一)8"
PRINT_CHECKS = {
    "no_missing_pages": "无漏页",
    "no_wrong_pages": "无错页",
    "no_inverted_pages": "无倒页",
    "right_letterhead": "未错用文头",
}
_CLOSING_PUNCT = "。，、；：！？.,;:!?"


def _person(actor) -> Person:
    person = getattr(actor, "person", None)
    if person is None or not person.active:
        raise ValidationError("该账号未关联在职人员，不能办理公文。")
    return person


def _refuse_unless(allowed: bool, message: str) -> None:
    if not allowed:
        raise ValidationError(message)


def _event(doc, step: str, person: Person | None, text: str = "") -> FlowEvent:
    field = "outgoing" if isinstance(doc, OutgoingDocument) else "incoming"
    return FlowEvent.objects.create(**{field: doc}, step=step, actor=person, text=text)


def put_on_route(doc, person: Person, reason: str) -> None:
    field = "outgoing" if isinstance(doc, OutgoingDocument) else "incoming"
    RouteEntry.objects.get_or_create(**{field: doc, "person": person}, defaults={"reason": reason})


def _visible_or_refuse(doc, person: Person) -> None:
    if not access.can_see(person, doc):
        raise ValidationError("您无权查看或办理该公文（涉密公文仅限流转范围内人员）。")


def detail_url(doc) -> str:
    name = "documents:outgoing_detail" if isinstance(doc, OutgoingDocument) else "documents:incoming_detail"
    return reverse(name, args=[doc.pk])


TIME_LIMITS_FILE = "document-time-limits.json"
_table_cache: dict = {}


def time_limit_table() -> TimeLimitTable:
    """The unit's 办理时限 (clause 一(一)4): the defaults of :mod:`timelimits`, overridden by
    ``<ZEROERROR_DATA_DIR>/document-time-limits.json`` in the :meth:`TimeLimitTable.from_dict` shape, e.g.
    ``{"收文": {"承办": {"平急": 7}}}``. A malformed file is refused with the table's Chinese message."""
    path = Path(settings.DATA_DIR) / TIME_LIMITS_FILE
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except FileNotFoundError:
        return DEFAULT_TABLE
    if _table_cache.get("key") != (str(path), stamp):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise TimeLimitError([f"{TIME_LIMITS_FILE}无法读取（{exc}）"])
        _table_cache.update(key=(str(path), stamp), table=TimeLimitTable.from_dict(data))
    return _table_cache["table"]


def _deadline(doc, step, start: datetime | None = None) -> datetime:
    kind = DocumentKind(doc.kind) if doc.kind else None
    return deadline_in_workdays(time_limit(kind, Urgency(doc.urgency), step, time_limit_table()), start)


def label(doc) -> str:
    """How a document is named outside its own page: a classified one by its 密级 and number only, so that tracked
    items, notifications and leads seen off the route say nothing of it (clause 一(一)3)."""
    if not doc.is_classified:
        return doc.title
    kind = "发文" if isinstance(doc, OutgoingDocument) else "收文"
    return f"{SecrecyLevel(doc.secrecy_level).label}{kind}（#{doc.pk}）"


def notify_about(doc, recipients: Iterable[Person | None], title: str, body: str = "") -> None:
    """Notify about a document: for a classified one only people on its route, and without the text."""
    if doc.is_classified:
        recipients = [p for p in recipients if p is not None and access.can_see(p, doc)]
        body = ""
    notify(recipients, title, url=detail_url(doc), body=body)


def _track(doc, step, owner: Person, title: str, *, actor, due_at: datetime | None = None,
           clause: str = CLAUSE_TIME_LIMIT, detail: str = "") -> TrackedItem:
    """A tracked item for the owner of the next step (clause 一(一)4; 一(一)5 for a leader's 批示)."""
    return create_tracked_item(
        title=title, owner=owner, due_at=due_at or _deadline(doc, step), area="documents", clause_id=clause,
        detail="" if doc.is_classified else detail, source=doc, source_label=label(doc)[:200],
        source_url=detail_url(doc), actor=actor,
    )


def _close_items_of(doc, owner: Person, note: str, *, actor) -> None:
    for item in TrackedItem.objects.for_source(doc).active().filter(owner=owner):
        close_tracked_item(item, note, actor=actor)


def _first_with_role(unit_id: int, role: str, *, exclude: Iterable[int] = ()) -> Person | None:
    return (Person.objects.active().with_role(role).filter(unit_id=unit_id).exclude(pk__in=list(exclude))
            .order_by("rank", "id").first())


def _classification(level: str, period: str) -> tuple[str, str]:
    """Validate 密级和保密期限; returns the stored (level, period)."""
    level = (level or "").strip()
    period = (period or "").strip().lstrip("★")
    if not level:
        if period:
            raise ValidationError("未标密级的公文不能填写保密期限。")
        return "", ""
    try:
        level_label = SecrecyLevel.from_label(level).label
        parsed = Classification.parse(f"{level_label}★{period}" if period else level_label)
    except ValueError as exc:
        raise ValidationError(str(exc))
    return parsed.level.value, str(parsed).partition("★")[2]


def _set_expiry(doc, start: date | None) -> None:
    c = doc.classification
    doc.secrecy_expires_on = c.expires_on(start) if c and start else None


# 发文 ---------------------------------------------------------------------------------------------------------------

OUTGOING_FIELDS = ["kind", "urgency", "secrecy_level", "secrecy_period", "title", "addressees", "body",
                   "attachment_names", "signature", "note", "copy_to", "copies"]
# a change of these after 签发 is substantive: it goes back to the signer
SUBSTANTIVE_FIELDS = {"kind", "title", "addressees", "body", "attachment_names", "signature", "secrecy_level",
                      "secrecy_period"}


def _clean_outgoing(data: dict) -> dict:
    problems = []
    data = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()}
    title = data.get("title", "")
    if not title:
        problems.append("请填写标题")
    elif title[-1] in _CLOSING_PUNCT:
        problems.append(f"标题末尾不加标点（“{title[-1]}”）")
    if not data.get("body"):
        problems.append("请填写正文")
    if not data.get("signature"):
        problems.append("请填写发文机关署名")
    try:
        DocumentKind(data.get("kind"))
    except ValueError:
        problems.append("请选择文种")
    try:
        Urgency(data.get("urgency") or Urgency.NORMAL)
    except ValueError:
        problems.append("紧急程度无效")
    if data.get("addressees") and data["addressees"][-1] in _CLOSING_PUNCT.replace("：", ""):
        problems.append("主送机关末尾不加标点（冒号自动加）")
    if data.get("copies") is not None and int(data["copies"]) < 1:
        problems.append("印制份数至少为1")
    try:
        data["secrecy_level"], data["secrecy_period"] = _classification(
            data.get("secrecy_level", ""), data.get("secrecy_period", ""))
    except ValidationError as exc:
        problems.extend(exc.messages)
    if problems:
        raise ValidationError(problems)
    data["urgency"] = data.get("urgency") or Urgency.NORMAL
    return data


def _countersign_departments(doc: OutgoingDocument, departments) -> list[Department]:
    departments = list(dict.fromkeys(departments or []))
    if any(d.unit_id != doc.unit_id for d in departments):
        raise ValidationError("会签科室须为本单位科室。")
    return [d for d in departments if d.pk != doc.department_id]


@transaction.atomic(durable=True)
def do_create_outgoing(*, actor, agency_code: str = "", agency_mark: str = "",
                       countersign_departments: Sequence[Department] = (), **fields) -> OutgoingDocument:
    """拟稿: the drafter writes the structured fields of the document."""
    person = _person(actor)
    unit = person.unit
    fields.setdefault("signature", unit.name)
    data = _clean_outgoing({k: fields.get(k, "") if k != "copies" else fields.get(k, 1) for k in OUTGOING_FIELDS})
    agency_code = (agency_code or unit.code).strip()
    try:
        DocNumber(agency_code, timezone.localdate().year, 1)
    except DocNumberError as exc:
        raise ValidationError(f"机关代字“{agency_code}”无效：{'；'.join(exc.problems)}。")
    doc = OutgoingDocument(unit=unit, drafter=person, department=person.department, agency_code=agency_code,
                           agency_mark=agency_mark.strip() or f"{unit.name}文件", **data)
    doc.save()
    doc.countersign_departments.set(_countersign_departments(doc, countersign_departments))
    put_on_route(doc, person, "拟稿")
    _event(doc, "拟稿", person, doc.title)
    record("documents.outgoing.create", actor=actor, kind=AuditKind.CREATE, obj=doc,
           changes={"title": doc.title, "kind": doc.kind, "secrecy_level": doc.secrecy_level})
    return doc


def _lock_out(doc: OutgoingDocument) -> OutgoingDocument:
    return OutgoingDocument.objects.select_for_update().get(pk=doc.pk)


@transaction.atomic(durable=True)
def do_update_outgoing(doc: OutgoingDocument, *, actor, countersign_departments: Sequence[Department] | None = None,
                       **fields) -> OutgoingDocument:
    """Edit the draft. A substantive change after 核稿 undoes 核稿/首读 (they checked the old text); after 签发
    it goes back to the signer, who alone may sign again (条例 第二十五条(一))."""
    person = _person(actor)
    doc = _lock_out(doc)
    _visible_or_refuse(doc, person)
    if doc.status in (OutgoingStatus.NUMBERED, OutgoingStatus.PRINTED, OutgoingStatus.DISTRIBUTED,
                      OutgoingStatus.ARCHIVED):
        raise ValidationError(f"公文已编号（{doc.doc_number or doc.get_status_display()}），不能再修改；"
                              "如确需修改，请先作废文号。")
    _refuse_unless(access.can_edit_outgoing(person, doc), "只有拟稿人或办公室人员可以修改文稿。")
    current = {k: getattr(doc, k) for k in OUTGOING_FIELDS}
    data = _clean_outgoing(current | {k: v for k, v in fields.items() if k in OUTGOING_FIELDS})
    changed = {k: [current[k], data[k]] for k in OUTGOING_FIELDS if current[k] != data[k]}
    if countersign_departments is not None:
        wanted = _countersign_departments(doc, countersign_departments)
        before_ids = set(doc.countersign_departments.values_list("pk", flat=True))
        if {d.pk for d in wanted} != before_ids:
            _refuse_unless(doc.status == OutgoingStatus.DRAFT, "会签科室只能在拟稿阶段调整。")
            doc.countersign_departments.set(wanted)
            changed["countersign_departments"] = [sorted(before_ids), sorted(d.pk for d in wanted)]
    if not changed:
        return doc
    for key, value in data.items():
        setattr(doc, key, value)
    substantive = bool(SUBSTANTIVE_FIELDS & set(changed))
    before = doc.status
    note = "修改文稿"
    if substantive and doc.status in (OutgoingStatus.REVIEWED, OutgoingStatus.COUNTERSIGNING,
                                      OutgoingStatus.FIRST_READ_PASSED):
        doc.status = OutgoingStatus.DRAFT
        doc.reviewer, doc.reviewed_at, doc.review_override_reason = None, None, ""
        doc.first_reader, doc.first_read_at = None, None
        doc.first_read_policy = doc.first_read_norms = doc.first_read_precision = None
        note = "实质性修改，须重新核稿、首读"
        close_items_for_source(doc, "文稿已修改，退回拟稿", actor=actor)
    elif substantive and doc.status == OutgoingStatus.SIGNED:
        close_items_for_source(doc, "签发后文稿被修改，退回原签发人", actor=actor)
        signer = doc.signer
        doc.status = OutgoingStatus.FIRST_READ_PASSED
        doc.resign_by = signer
        doc.signer, doc.signed_at, doc.sign_opinion = None, None, ""
        note = f"签发后实质性修改，退回原签发人{signer.name}重新签发"
        _track(doc, OutgoingStep.SIGN_OFF, signer, f"重新签发：{label(doc)}", actor=actor,
               detail="签发后文稿有实质性修改：" + "、".join(OutgoingDocument._meta.get_field(k).verbose_name
                                                 for k in sorted(changed) if k in SUBSTANTIVE_FIELDS))
        notify_about(doc, [signer], f"文稿签发后被修改，请重新签发：{label(doc)}")
    doc.save()
    _event(doc, "修改", person, note)
    record("documents.outgoing.update", actor=actor, kind=AuditKind.CHANGE, obj=doc,
           changes=changed | ({"status": [before, doc.status]} if before != doc.status else {}))
    return doc


@transaction.atomic(durable=True)
def do_review_outgoing(doc: OutgoingDocument, *, override_reason: str = "", actor) -> OutgoingDocument:
    """核稿. The draft goes through the proofreader; unresolved errors block unless overridden with a reason."""
    person = _person(actor)
    doc = _lock_out(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(doc.status == OutgoingStatus.DRAFT, f"只有拟稿状态的文稿可以核稿（当前：{doc.get_status_display()}）。")
    _refuse_unless(person.pk != doc.drafter_id, "核稿须由拟稿人以外的人员进行。")
    _refuse_unless(access.can_review_outgoing(person, doc), "只有办公室人员或拟稿科室负责人可以核稿。")
    errors = unresolved_proofreading_errors("\n".join([doc.title, *doc.body_paragraphs]))
    override_reason = override_reason.strip()
    if errors and not override_reason:
        shown = "；".join(f"“{f.text}”：{f.message}" for f in errors[:5])
        raise ValidationError(f"校对发现{len(errors)}处差错未解决，不能通过核稿：{shown}"
                              "。请修改文稿，或填写放行理由。")
    doc.status = OutgoingStatus.REVIEWED
    doc.reviewer, doc.reviewed_at = person, timezone.now()
    doc.review_override_reason = override_reason if errors else ""
    doc.save()
    put_on_route(doc, person, "核稿")
    reader = _first_with_role(doc.unit_id, Role.FIRST_READER, exclude=[doc.drafter_id])
    if reader is not None:
        put_on_route(doc, reader, "首读")
        _track(doc, OutgoingStep.FIRST_READ, reader, f"首读：{label(doc)}", actor=actor, clause=CLAUSE_FIRST_READ)
    text = f"校对差错{len(errors)}处，放行理由：{override_reason}" if errors else "校对无差错"
    _event(doc, "核稿", person, text)
    record("documents.outgoing.review", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [OutgoingStatus.DRAFT, doc.status], "proofreading_errors": len(errors),
                    "override_reason": doc.review_override_reason})
    return doc


def _default_signer(doc: OutgoingDocument) -> Person | None:
    if not doc.is_upward:
        from zeroerror.org.models import LeaderCharge

        charge = LeaderCharge.objects.current().filter(department_id=doc.department_id).select_related("leader")
        charge = charge.filter(leader__active=True).first()
        if charge is not None:
            return charge.leader
    return _first_with_role(doc.unit_id, Role.PRINCIPAL_LEADER)


@transaction.atomic(durable=True)
def do_first_read(doc: OutgoingDocument, *, policy: bool, norms: bool, precision: bool, opinion: str = "",
                  actor) -> OutgoingDocument:
    """首读 (clause 一(一)2): the 首读人员 checks 政策性、规范性、精准性 before the document may be numbered.
    A failed 首读 sends the draft back to the drafter."""
    person = _person(actor)
    doc = _lock_out(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(doc.status == OutgoingStatus.REVIEWED,
                   f"首读须在核稿之后、编号之前进行（当前：{doc.get_status_display()}）。")
    _refuse_unless(person.has_role(Role.FIRST_READER), "只有首读人员可以首读。")
    _refuse_unless(person.pk != doc.drafter_id, "拟稿人不能首读自己起草的文稿。")
    opinion = opinion.strip()
    passed = bool(policy and norms and precision)
    if not passed and not opinion:
        failed = [label for ok, label in ((policy, "政策性"), (norms, "规范性"), (precision, "精准性")) if not ok]
        raise ValidationError(f"首读未通过（{'、'.join(failed)}），请填写首读意见。")
    doc.first_reader, doc.first_read_at = person, timezone.now()
    doc.first_read_policy, doc.first_read_norms, doc.first_read_precision = bool(policy), bool(norms), bool(precision)
    doc.first_read_opinion = opinion
    close_items_for_source(doc, "首读已完成", actor=actor)
    put_on_route(doc, person, "首读")
    if passed:
        text = "政策性、规范性、精准性审核通过" + (f"。{opinion}" if opinion else "")
        departments = list(doc.countersign_departments.all())
        if departments:
            doc.status = OutgoingStatus.COUNTERSIGNING
            for department in departments:
                head = department.head()
                if head is not None:
                    put_on_route(doc, head, "会签")
                    _track(doc, OutgoingStep.COUNTERSIGN, head, f"会签：{label(doc)}", actor=actor)
            text += "，送" + "、".join(d.name for d in departments) + "会签"
        else:
            _ready_to_sign(doc, actor=actor)
    else:
        doc.status = OutgoingStatus.DRAFT
        doc.reviewer, doc.reviewed_at = None, None
        _track(doc, OutgoingStep.DRAFT, doc.drafter, f"按首读意见修改：{label(doc)}", actor=actor,
               clause=CLAUSE_FIRST_READ, detail=opinion)
        notify_about(doc, [doc.drafter], f"首读未通过，请修改：{label(doc)}", opinion)
        text = f"首读未通过，退回拟稿：{opinion}"
    doc.save()
    _event(doc, "首读", person, text)
    record("documents.outgoing.first_read", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [OutgoingStatus.REVIEWED, doc.status], "policy": bool(policy), "norms": bool(norms),
                    "precision": bool(precision), "opinion": opinion})
    return doc


def _ready_to_sign(doc: OutgoingDocument, *, actor) -> None:
    doc.status = OutgoingStatus.FIRST_READ_PASSED
    signer = doc.resign_by or _default_signer(doc)
    if signer is not None:
        put_on_route(doc, signer, "签发")
        _track(doc, OutgoingStep.SIGN_OFF, signer, f"签发：{label(doc)}", actor=actor)


def _back_to_draft(doc: OutgoingDocument) -> None:
    doc.status = OutgoingStatus.DRAFT
    doc.reviewer, doc.reviewed_at, doc.review_override_reason = None, None, ""


@transaction.atomic(durable=True)
def do_countersign(doc: OutgoingDocument, *, agree: bool, opinion: str = "", actor) -> OutgoingDocument:
    """会签 by the head of each 会签科室; when all agree the draft goes to 签发, a disagreement sends it back."""
    person = _person(actor)
    doc = _lock_out(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(doc.status == OutgoingStatus.COUNTERSIGNING, f"首读通过后才能会签（当前：{doc.get_status_display()}）。")
    mine = [d for d in doc.pending_countersign_departments() if d.pk in person.headed_department_ids]
    _refuse_unless(bool(mine), "只有待会签科室的负责人可以会签。")
    opinion = opinion.strip()
    _refuse_unless(agree or bool(opinion), "不同意会签时请填写意见。")
    for department in mine:
        Countersign.objects.create(document=doc, department=department, person=person, agree=bool(agree),
                                   opinion=opinion)
    _close_items_of(doc, person, "已会签", actor=actor)
    names = "、".join(d.name for d in mine)
    if not agree:
        close_items_for_source(doc, f"{names}不同意会签，退回拟稿", actor=actor)
        _back_to_draft(doc)
        _track(doc, OutgoingStep.DRAFT, doc.drafter, f"按会签意见修改：{label(doc)}", actor=actor, detail=opinion)
        text = f"{names}不同意：{opinion}，退回拟稿"
    else:
        text = f"{names}同意" + (f"：{opinion}" if opinion else "")
        if not doc.pending_countersign_departments().exists():
            _ready_to_sign(doc, actor=actor)
            text += "；会签完毕，送签发"
    doc.save()
    _event(doc, "会签", person, text)
    record("documents.outgoing.countersign", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [OutgoingStatus.COUNTERSIGNING, doc.status], "agree": bool(agree),
                    "departments": [d.pk for d in mine], "opinion": opinion})
    return doc


@transaction.atomic(durable=True)
def do_sign_outgoing(doc: OutgoingDocument, *, opinion: str = "同意", actor) -> OutgoingDocument:
    """签发 (条例 第二十一条): a leader signs with opinion, name and full date; 上行文 by the principal leader."""
    person = _person(actor)
    doc = _lock_out(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(doc.status == OutgoingStatus.FIRST_READ_PASSED and doc.first_read_passed,
                   f"首读通过后才能签发（当前：{doc.get_status_display()}）。")
    _refuse_unless(access.is_leader(person), "只有单位负责人（院长、分管领导）可以签发公文。")
    if doc.resign_by_id is not None:
        _refuse_unless(person.pk == doc.resign_by_id,
                       f"签发后文稿有实质性修改，须由原签发人{doc.resign_by.name}重新签发。")
    _refuse_unless(access.can_sign_outgoing(person, doc), "上行文须由主要负责人签发。")
    opinion = opinion.strip() or "同意"
    doc.status = OutgoingStatus.SIGNED
    doc.signer, doc.signed_at, doc.sign_opinion = person, timezone.now(), opinion
    doc.signed_digest = doc.content_digest()
    doc.resign_by = None
    _set_expiry(doc, timezone.localtime(doc.signed_at).date())  # 保密期限 runs from the 成文日期
    doc.save()
    close_items_for_source(doc, f"已由{person.name}签发", actor=actor)
    put_on_route(doc, person, "签发")
    _track_numbering(doc, actor=actor)
    _event(doc, "签发", person, opinion)
    record("documents.outgoing.sign", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [OutgoingStatus.FIRST_READ_PASSED, doc.status], "opinion": opinion})
    return doc


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
    year = timezone.localdate().year
    sequence, _ = DocumentNumberSequence.objects.select_for_update().get_or_create(
        agency_code=doc.agency_code, year=year)
    seq = sequence.last + 1
    text = str(DocNumber(doc.agency_code, year, seq))
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


def letterhead_fault(doc: OutgoingDocument) -> str | None:
    """错用文头 (clause 一(一)7): the 发文机关标志 must name the organ that signs (GB/T 9704-2012 7.2.4)."""
    try:
        from zeroerror.documents.gbt9704 import letterhead_problem
    except ImportError:
        return None
    aliases = [a for a in (doc.unit.name, doc.unit.short_name) if a]
    return letterhead_problem(doc.agency_mark, doc.signature, aliases if doc.signature == doc.unit.name else [])


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
    distribution = Distribution.objects.select_for_update().select_related("document").get(pk=distribution.pk)
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


@transaction.atomic(durable=True)
def do_archive_outgoing(doc: OutgoingDocument, *, actor) -> OutgoingDocument:
    person = _person(actor)
    doc = _lock_out(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(access.can_archive_outgoing(person, doc), f"分发后才能由办公室归档（当前：{doc.get_status_display()}）。")
    doc.status, doc.archived_at = OutgoingStatus.ARCHIVED, timezone.now()
    doc.save(update_fields=["status", "archived_at"])
    close_items_for_source(doc, "已归档", actor=actor)
    _event(doc, "归档", person)
    record("documents.outgoing.archive", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [OutgoingStatus.DISTRIBUTED, doc.status]})
    return doc


def record_export(doc, *, fmt: str, actor) -> None:
    """Every download of a document's text is audited (kind export)."""
    record_standalone("documents.export", actor=actor, kind=AuditKind.EXPORT, obj=doc,
                      changes={"format": fmt, "secrecy_level": doc.secrecy_level})


def record_list_export(model, *, count: int, filters: dict, actor) -> None:
    record_standalone("documents.export_list", actor=actor, kind=AuditKind.EXPORT,
                      object_type=model._meta.label_lower, object_repr=f"{model._meta.verbose_name}列表",
                      changes={"format": "xlsx", "count": count, "filters": filters})


def record_view(doc, *, actor) -> None:
    """Viewing a classified document is logged (clause 一(一)3)."""
    record_standalone("documents.view", actor=actor, kind=AuditKind.VIEW, obj=doc,
                      changes={"secrecy_level": doc.secrecy_level})


@transaction.atomic(durable=True)
def do_attach_file(doc, *, upload, purpose: str = "", actor):
    """An attachment of the document (附件, 扫描件, 办理材料); readable only by those who may see the document."""
    person = _person(actor)
    doc = type(doc).objects.select_for_update().get(pk=doc.pk)
    _visible_or_refuse(doc, person)
    _refuse_unless(access.can_attach(person, doc), "您不能为该公文上传附件。")
    purpose = purpose.strip() or ("附件" if isinstance(doc, OutgoingDocument) else "扫描件")
    attachment = attach(doc, upload.name, read_upload(upload), purpose=purpose, actor=actor)
    _event(doc, "上传附件", person, f"{attachment.original_name}（{purpose}）")
    return attachment


# 流转范围 -----------------------------------------------------------------------------------------------------------

@transaction.atomic(durable=True)
def do_add_to_route(doc, person_added: Person, *, reason: str = "传阅", actor):
    """Put a person on the route of a classified document (they may then see it); logged."""
    person = _person(actor)
    doc = type(doc).objects.select_for_update().get(pk=doc.pk)
    _visible_or_refuse(doc, person)
    _refuse_unless(access.can_manage_route(person, doc), "只有办公室人员、领导或经办人可以调整涉密公文的流转范围。")
    _refuse_unless(person_added.unit_id == doc.unit_id and person_added.active, "只能加入本单位在职人员。")
    reason = reason.strip() or "传阅"
    put_on_route(doc, person_added, reason)
    _event(doc, "加入流转范围", person, f"{person_added.name}（{reason}）")
    notify_about(doc, [person_added], f"请阅办公文：{label(doc)}")
    record("documents.route.add", actor=actor, kind=AuditKind.PERMISSION, obj=doc,
           changes={"person": person_added.pk, "reason": reason})
    return doc


# 收文 ---------------------------------------------------------------------------------------------------------------

def _lock_in(doc: IncomingDocument) -> IncomingDocument:
    return IncomingDocument.objects.select_for_update().get(pk=doc.pk)


def _normalise_sender(sender: str) -> str:
    return "".join((sender or "").split())


@transaction.atomic(durable=True)
def do_receive_incoming(*, sender: str, received_count: int = 1, received_at: datetime | None = None,
                        actor) -> IncomingDocument:
    """签收: count the items and record the time of receipt."""
    person = _person(actor)
    _refuse_unless(access.can_receive(person), "只有办公室人员可以签收公文。")
    sender = _normalise_sender(sender)
    problems = []
    if not sender:
        problems.append("请填写来文机关")
    if not received_count or received_count < 1:
        problems.append("签收件数至少为1")
    if received_at is not None and received_at > timezone.now():
        problems.append("签收时间不能晚于当前时间")
    if problems:
        raise ValidationError(problems)
    doc = IncomingDocument.objects.create(unit=person.unit, sender=sender, received_count=received_count,
                                          received_at=received_at or timezone.now(), registrar=person)
    put_on_route(doc, person, "签收")
    _event(doc, "签收", person, f"{sender}来文{received_count}件")
    record("documents.incoming.receive", actor=actor, kind=AuditKind.CREATE, obj=doc,
           changes={"sender": sender, "received_count": received_count})
    return doc


@transaction.atomic(durable=True)
def do_register_incoming(doc: IncomingDocument, *, sender: str | None = None, doc_number: str, title: str,
                         kind: str = "", urgency: str = Urgency.NORMAL, secrecy_level: str = "",
                         secrecy_period: str = "", received_on: date | None = None, copies: int | None = None,
                         pages: int | None = None, scans: Sequence[tuple[str, bytes]] = (),
                         actor) -> IncomingDocument:
    """登记: 来文机关, 文号 (checked in incoming mode), 标题, 密级和保密期限, 紧急程度, 收文日期, 份数/页数 and
    the scanned pages. The same 来文机关 + 文号 cannot be registered twice."""
    person = _person(actor)
    doc = _lock_in(doc)
    _visible_or_refuse(doc, person)
    _refuse_unless(doc.status == IncomingStatus.RECEIVED, f"该文已登记（当前：{doc.get_status_display()}）。")
    _refuse_unless(access.is_office(person), "只有办公室人员可以登记收文。")
    sender = _normalise_sender(sender if sender is not None else doc.sender)
    problems = []
    if not sender:
        problems.append("请填写来文机关")
    number = ""
    try:
        number = str(parse_doc_number(doc_number, incoming=True))
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
    if number and sender:
        existing = (IncomingDocument.objects.filter(unit_id=doc.unit_id, sender=sender, doc_number=number)
                    .exclude(pk=doc.pk).first())
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
    doc.reviewed_by, doc.reviewed_at = person, timezone.now()
    if ours:
        doc.status = IncomingStatus.ACCEPTED
        director = _first_with_role(doc.unit_id, Role.OFFICE_DIRECTOR)
        if director is not None:
            put_on_route(doc, director, "拟办")
            _track(doc, IncomingStep.PROPOSE, director, f"拟办：{label(doc)}", actor=actor)
        text = "属本单位办理，送办公室主任拟办" + (f"。{reason}" if reason else "")
    else:
        _refuse_unless(bool(reason), "不属于本单位办理的文件，请填写退回或转办理由。")
        doc.review_reason, doc.transferred_to = reason, transfer_to
        doc.status = IncomingStatus.TRANSFERRED if transfer_to else IncomingStatus.RETURNED
        text = (f"转{transfer_to}：{reason}" if transfer_to else f"退回{doc.sender}：{reason}") + "（不列入办理程序）"
    doc.save()
    _event(doc, "初审", person, text)
    record("documents.incoming.review", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [IncomingStatus.REGISTERED, doc.status], "ours": ours, "reason": reason,
                    "transfer_to": transfer_to})
    return doc


def _not_closed_out(doc: IncomingDocument) -> None:
    if doc.closed_out:
        raise ValidationError(f"该文初审认定不属于本单位办理（{doc.get_status_display()}），不得列入办理程序。")


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
    instruction = Instruction.objects.create(document=doc, leader=person, text=text, due_at=due_at)
    before = doc.status
    doc.status = IncomingStatus.INSTRUCTED
    doc.save(update_fields=["status"])
    _close_items_of(doc, person, "已批示", actor=actor)
    put_on_route(doc, person, "批示")
    concerned = [doc.proposed_by, doc.registrar, doc.main_department.head() if doc.main_department else None]
    notify_about(doc, concerned, f"{person.name}已批示：{label(doc)}", text)
    _event(doc, "批示", person, text)
    record("documents.incoming.instruct", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [before, doc.status], "text": text, "due_at": due_at})
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
    """办结 (and 答复): the outcome is recorded and the tracked items are closed; a 请示 or 函 must have been
    answered to the sending organ."""
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
    close_items_for_source(doc, result, actor=actor)
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
    doc.status, doc.archived_at = IncomingStatus.ARCHIVED, timezone.now()
    doc.save(update_fields=["status", "archived_at"])
    _event(doc, "归档", person)
    record("documents.incoming.archive", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
           changes={"status": [IncomingStatus.DONE, doc.status]})
    return doc


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
        record("documents.incoming.complete", actor=actor, kind=AuditKind.TRANSITION, obj=doc,
               changes={"status": [IncomingStatus.READING, doc.status], "result": doc.result})
    return circulation


# 保密期限届满 -------------------------------------------------------------------------------------------------------

def _notice_expiry(model, pk: int, now: datetime) -> bool:
    with transaction.atomic(durable=True):
        won = model.objects.filter(pk=pk, secrecy_expiry_noticed_at__isnull=True).update(secrecy_expiry_noticed_at=now)
        if not won:
            return False  # another tick got there first
        doc = model.objects.get(pk=pk)
        keepers = [e.person for e in doc.route.select_related("person__department")
                   if access.is_office(e.person) or e.reason in ("拟稿", "签收", "登记")]
        text = f"{doc.classification_text}已于{doc.secrecy_expires_on:%Y-%m-%d}届满，请按规定审核是否解密或延长。"
        notify_about(doc, keepers, f"保密期限届满：{label(doc)}", text)
        _event(doc, "保密期限届满", None, text)
        record("documents.secrecy_expired", actor=None, kind=AuditKind.SYSTEM, obj=doc,
               changes={"expires_on": doc.secrecy_expires_on})
        return True


def notice_secrecy_expiry(now: datetime | None = None) -> str:
    """Tick task (clause 一(一)3): tell the keepers of a classified document once its 保密期限 has run out."""
    now = now or timezone.now()
    count = 0
    for model in (OutgoingDocument, IncomingDocument):
        pending = model.objects.secrecy_expired(timezone.localdate(now)).filter(secrecy_expiry_noticed_at__isnull=True)
        for pk in list(pending.values_list("pk", flat=True)):
            count += _notice_expiry(model, pk, now)
    return f"保密期限届满提醒 {count} 件"
