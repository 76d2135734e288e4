"""发文 (条例 第二十五条) up to 签发: 拟稿, 修改, 核稿, 首读, 会签, 签发."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.documents import access
from zeroerror.documents.actions.agency import choose_agency_code
from zeroerror.documents.actions.common import (
    CLAUSE_FIRST_READ,
    _classification,
    _close_items_of,
    _event,
    _first_with_role,
    _lock_out,
    _person,
    _refuse_unless,
    _set_expiry,
    _track,
    _visible_or_refuse,
    label,
    notify_about,
    put_on_route,
)
from zeroerror.documents.actions.numbering import _track_numbering
from zeroerror.documents.docnumber import DocumentKind, Urgency
from zeroerror.documents.models import Countersign, OutgoingDocument, OutgoingStatus
from zeroerror.documents.proofing import override_reason_problem, unresolved_proofreading_errors
from zeroerror.documents.timelimits import OutgoingStep
from zeroerror.org.models import Department, Person
from zeroerror.org.roles import Role
from zeroerror.tracking.actions import close_items_for_source

_CLOSING_PUNCT = "。，、；：！？.,;:!?"

OUTGOING_FIELDS = ["kind", "urgency", "secrecy_level", "secrecy_period", "title", "addressees", "body",
                   "attachment_names", "signature", "note", "copy_to", "copies", "attendees", "on_leave", "observers"]
# a change of these after 签发 is substantive: it goes back to the signer
SUBSTANTIVE_FIELDS = {"kind", "title", "addressees", "body", "attachment_names", "signature", "secrecy_level",
                      "secrecy_period", "attendees", "on_leave", "observers"}
ATTENDANCE_FIELDS = ("attendees", "on_leave", "observers")


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
    if data.get("kind") == DocumentKind.MINUTES:
        if not data.get("attendees"):
            problems.append("纪要请填写出席人员（每行一人）")
    elif any(data.get(k) for k in ATTENDANCE_FIELDS):
        problems.append("出席、请假、列席人员名单只用于纪要")
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
    agency_code, table_mark = choose_agency_code(unit, data["kind"], agency_code)
    doc = OutgoingDocument(unit=unit, drafter=person, department=person.department, agency_code=agency_code,
                           agency_mark=agency_mark.strip() or table_mark, **data)
    doc.save()
    doc.countersign_departments.set(_countersign_departments(doc, countersign_departments))
    put_on_route(doc, person, "拟稿")
    _event(doc, "拟稿", person, doc.title)
    record("documents.outgoing.create", actor=actor, kind=AuditKind.CREATE, obj=doc,
           changes={"title": doc.title, "kind": doc.kind, "secrecy_level": doc.secrecy_level})
    return doc



@transaction.atomic(durable=True)
def do_update_outgoing(doc: OutgoingDocument, *, actor, countersign_departments: Sequence[Department] | None = None,
                       agency_code: str | None = None, **fields) -> OutgoingDocument:
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
    if agency_code is not None or "kind" in changed:
        # the 代字 follows the 文种 (or the drafter's choice among those allowed); the 版头 with it
        try:
            code, mark = choose_agency_code(doc.unit, data["kind"], doc.agency_code if agency_code is None
                                            else agency_code)
        except ValidationError:
            if agency_code is not None:
                raise
            code, mark = choose_agency_code(doc.unit, data["kind"])
        if (code, mark) != (doc.agency_code, doc.agency_mark):
            changed["agency_code"] = [doc.agency_code, code]
            changed["agency_mark"] = [doc.agency_mark, mark]
            doc.agency_code, doc.agency_mark = code, mark
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
        # the signed text changed: 核稿 (with proofreading) and 首读 check the new text again, then the original
        # signer alone signs it (条例 第二十五条(一))
        close_items_for_source(doc, "签发后文稿被修改，退回拟稿", actor=actor)
        signer = doc.signer
        doc.resign_by = signer
        doc.signer, doc.signed_at, doc.sign_opinion = None, None, ""
        _back_to_draft(doc)
        doc.first_reader, doc.first_read_at = None, None
        doc.first_read_policy = doc.first_read_norms = doc.first_read_precision = None
        note = f"签发后实质性修改，须重新核稿、首读，再由原签发人{signer.name}重新签发"
        what = "、".join(OutgoingDocument._meta.get_field(k).verbose_name for k in sorted(changed)
                        if k in SUBSTANTIVE_FIELDS)
        notify_about(doc, [signer], f"文稿签发后被修改，重新核稿、首读后请重新签发：{label(doc)}",
                     f"修改内容：{what}")
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
    if errors and (problem := override_reason_problem(override_reason)):
        raise ValidationError(problem + "。")
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
    _refuse_unless(not doc.is_upward or person.has_role(Role.PRINCIPAL_LEADER) or doc.resign_by_id is not None,
                   "上行文须由主要负责人签发。")
    _refuse_unless(access.can_sign_outgoing(person, doc),
                   f"只有分管{doc.department.name}的领导或院长可以签发该文。")
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
