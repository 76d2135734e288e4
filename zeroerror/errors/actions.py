"""Write paths of 差错考核: leads and inspections. Verification, severity decisions and appeals are in
``zeroerror.errors.decisions``, ledger actions in ``zeroerror.errors.ledger`` (both re-exported here). Every ``do_*``
is one durable transaction with its audit record."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone

from zeroerror.attachments.actions import attach
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import diff, jsonable, record
from zeroerror.errors import conflicts
from zeroerror.errors.common import actor_person, add_event, lead_url, with_role
from zeroerror.errors.decisions import (  # noqa: F401
    do_confirm_lead,
    do_decide_appeal,
    do_decide_severity,
    do_file_appeal,
    do_reject_lead,
    do_start_verification,
)
from zeroerror.errors.ledger import do_close_month, do_recompute_ledger, recompute_ledger  # noqa: F401
from zeroerror.errors.models import (
    Channel,
    Inspection,
    InspectionItem,
    InspectionStatus,
    ItemResult,
    Lead,
    LeadStatus,
)
from zeroerror.errors.models.inspections import RECORDABLE_RESULTS, area_choices
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.rulebook.models import Clause, RegulationVersion
from zeroerror.tracking.notify import notify

VERIFIER_ROLES = conflicts.VERIFIER_ROLES


def resolve_clause(clause_id: str) -> Clause:
    latest = RegulationVersion.objects.latest_version()
    clause = Clause.objects.filter(version=latest, code=clause_id).first() if latest else None
    if clause is None:
        raise ValidationError(f"条款“{clause_id}”不存在。")
    return clause


def create_lead(*, channel: str, clause: Clause, person: Person, occurred_on: date, description: str,
                reporter: Person | None = None, anonymous: bool = False, status: str = LeadStatus.OPEN,
                source: models.Model | None = None, source_label: str = "", source_url: str = "",
                files=(), at=None, actor) -> Lead:
    """Register a lead inside the caller's transaction. The 科室负责人 is resolved now (on the occurrence date).
    ``at`` dates the lead and its first event (an anonymous report: its batch time, see errors.anonymous)."""
    if channel not in Channel.values:
        raise ValidationError("发现渠道无效。")
    if not description.strip():
        raise ValidationError("请填写差错情况。")
    if occurred_on > timezone.localdate():
        raise ValidationError("发生日期不能晚于今天。")
    if anonymous and (channel != Channel.REPORT or reporter is not None):
        raise ValidationError("只有举报可以匿名，匿名举报不记举报人。")
    head = person.department.head(occurred_on)
    lead = Lead.objects.create(
        channel=channel, clause=clause, person=person, department=person.department,
        department_head=head if head is None or head.pk != person.pk else None,
        occurred_on=occurred_on, description=description.strip(), reporter=reporter, anonymous=anonymous,
        status=status, source_type=ContentType.objects.get_for_model(source) if source is not None else None,
        source_id=source.pk if source is not None else None, source_label=source_label[:200],
        source_url=source_url[:300], created_at=at or timezone.now(),
    )
    route_lead(lead)
    # an anonymous report is registered by the system (errors.anonymous): its reporter is in the sealed identity only
    add_event(lead, "提出线索" if status == LeadStatus.PROPOSED else f"登记线索（{lead.get_channel_display()}）",
           lead.description, actor_person=actor_person(actor), at=at)
    for name, data in files:
        attach(lead, name, data, purpose="证据材料", actor=actor)
    record("errors.lead.create", actor=actor, kind=AuditKind.CREATE, obj=lead,
           changes={"channel": channel, "clause": clause.code, "person": person.pk, "occurred_on": occurred_on,
                    "status": status, "anonymous": anonymous, "files": len(files)})
    notify(with_role(person.unit_id, Role.PERFORMANCE_HEAD), f"新的差错线索：{person.name} · {clause.code}",
           url=lead_url(lead), about=lead, body=lead.description[:200])
    return lead


def route_lead(lead: Lead) -> None:
    """Who will verify: the verifiers, or — when every one of them is concerned — the 院长办公会议."""
    route = conflicts.lead_route(lead)
    if route != lead.route:
        lead.route = route
        lead.save(update_fields=["route"])


def report_lead(*, channel: str, clause: Clause | str, person: Person, occurred_on: date, description: str,
                anonymous: bool = False, files=(), source: models.Model | None = None, source_label: str = "",
                source_url: str = "", actor) -> Lead:
    """举报 (anyone) or a lead from another channel (verifiers register those), inside the caller's transaction.
    ``clause`` is a Clause row or a clause id of the latest version. Used by :func:`do_report_lead` and by
    :func:`do_complete_inspection`."""
    reporter = actor_person(actor)
    if reporter is None:
        raise ValidationError("该账号未关联在职人员。")
    if channel == Channel.SYSTEM:
        raise ValidationError("系统发现的线索由系统提出。")
    if anonymous:
        raise ValidationError("匿名举报经匿名通道提交（errors.anonymous），不在此登记。")
    if person.unit_id != reporter.unit_id:
        raise ValidationError("责任人须为本单位人员。")
    if channel != Channel.REPORT and not reporter.has_role(*VERIFIER_ROLES):
        raise ValidationError("只有督查考核小组和绩效办可以登记该渠道的线索；其他人请以举报方式提交。")
    return create_lead(channel=channel, clause=clause if isinstance(clause, Clause) else resolve_clause(clause),
                       person=person, occurred_on=occurred_on, description=description, reporter=reporter,
                       anonymous=anonymous, source=source, source_label=source_label, source_url=source_url,
                       files=files, actor=actor)


@transaction.atomic(durable=True)
def do_report_lead(*, channel: str, clause_id: str, person: Person, occurred_on: date, description: str,
                   anonymous: bool = False, files=(), actor) -> Lead:
    """举报 (anyone) or a lead from another channel (verifiers register those)."""
    return report_lead(channel=channel, clause=clause_id, person=person, occurred_on=occurred_on,
                       description=description, anonymous=anonymous, files=files, actor=actor)


def propose_lead(clause_id: str, person: Person, occurred_on: date, description: str, source_obj,
                 *, actor=None, source_label: str = "", source_url: str = "") -> Lead | None:
    """A control in another module detected a lapse: propose a lead (a human confirms it). Idempotent per
    ``source_obj``: returns the existing lead, or None when the clause is empty. Works inside or outside the
    caller's transaction."""
    if not clause_id:
        return None
    existing = Lead.objects.for_source(source_obj).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return create_lead(channel=Channel.SYSTEM, clause=resolve_clause(clause_id), person=person,
                               occurred_on=min(occurred_on, timezone.localdate()), description=description,
                               status=LeadStatus.PROPOSED, source=source_obj,
                               source_label=source_label or str(source_obj), source_url=source_url, actor=actor)
    except IntegrityError:  # a concurrent proposal for the same source won
        return Lead.objects.for_source(source_obj).first()


def on_item_overdue(sender, item, **kwargs) -> None:
    """Signal receiver: an overdue tracked item with a clause becomes a proposed lead."""
    if not item.clause_id:
        return
    due = timezone.localtime(item.due_at)
    propose_lead(item.clause_id, item.owner, due.date(),
                 f"督办事项“{item.title}”逾期未办结（办理时限 {due:%Y-%m-%d %H:%M}）。", item,
                 source_label=f"督办事项：{item.title}", source_url=reverse("tracking:detail", args=[item.pk]))


@transaction.atomic(durable=True)
def do_merge_into_lead(lead: Lead, *, description: str, files=(), actor) -> Lead:
    """合并: a second report of the same lapse (same person, clause, date, channel) is added to the existing lead — its
    account as an event, its files as evidence — instead of a duplicate lead."""
    me = actor_person(actor)
    if me is None:
        raise ValidationError("该账号未关联在职人员。")
    lead = Lead.objects.select_for_update().get(pk=lead.pk)
    if lead.person.unit_id != me.unit_id:
        raise ValidationError("责任人须为本单位人员。")
    if lead.status in (LeadStatus.REJECTED, LeadStatus.OVERTURNED):
        raise ValidationError("该线索已不予认定或已撤销，不能合并，请单独登记。")
    if not description.strip():
        raise ValidationError("请填写差错情况。")
    add_event(lead, "合并的重复举报/线索", description.strip(), actor_person=me)
    for name, data in files:
        attach(lead, name, data, purpose="证据材料", actor=actor)
    record("errors.lead.merge", actor=actor, kind=AuditKind.CHANGE, obj=lead,
           changes={"description": description.strip(), "files": len(files)})
    return lead


@transaction.atomic(durable=True)
def do_withhold_evidence(lead: Lead, attachment, *, actor):
    """A verifier withholds one evidence file of a lead awaiting verification from the accused until the decision:
    it is re-filed under the lead's EvidenceSeal (errors.models.evidence). The timeline says a file is withheld,
    not which."""
    from zeroerror.attachments.models import Attachment
    from zeroerror.errors import access
    from zeroerror.errors.models import EvidenceSeal

    me = actor_person(actor)
    lead = Lead.objects.select_for_update(of=("self",)).select_related("person").get(pk=lead.pk)
    if me is None or not access.can_withhold_evidence(me, lead):
        raise ValidationError("只有本单位督查考核小组和绩效办可以在认定前暂不公开证据。")
    attachment = Attachment.objects.select_for_update().get(pk=attachment.pk)
    lead_type = ContentType.objects.get_for_model(Lead)
    if (attachment.owner_type_id, attachment.owner_id) != (lead_type.pk, lead.pk) or attachment.withdrawn_at:
        raise ValidationError("该文件不是此线索的证据材料。")
    seal, _ = EvidenceSeal.objects.get_or_create(lead=lead)
    attachment.owner_type, attachment.owner_id = ContentType.objects.get_for_model(EvidenceSeal), seal.pk
    attachment.save(update_fields=["owner_type", "owner_id"])
    add_event(lead, "一份证据材料在认定前暂不向当事人公开", actor_person=me)
    record("errors.evidence.withhold", actor=actor, kind=AuditKind.CHANGE, obj=lead,
           changes={"attachment": str(attachment.uid), "name": attachment.original_name})
    return attachment


@transaction.atomic(durable=True)
def do_attach_inspection_photo(item: InspectionItem, name: str, data: bytes, *, actor):
    """A photo of what the inspector found, on the checklist item (draft inspections; PNG or JPEG)."""
    from zeroerror.attachments.filetypes import RejectedFile, detect

    _require_inspector(actor)
    item = InspectionItem.objects.select_for_update(of=("self",)).select_related("inspection").get(pk=item.pk)
    if item.inspection.unit_id != actor_person(actor).unit_id:
        raise ValidationError("只能检查本单位。")
    if not item.inspection.is_draft:
        raise ValidationError("检查已完成，不能再添加照片。")
    try:
        kind = detect(data, name).kind
    except RejectedFile:
        kind = ""
    if kind not in ("png", "jpeg"):  # checked before anything is stored
        raise ValidationError("检查照片须为 JPEG 或 PNG 图片。")
    return attach(item, name, data, purpose="检查照片", actor=actor)


@transaction.atomic(durable=True)
def do_attach_evidence(lead: Lead, name: str, data: bytes, *, actor):
    attachment = attach(lead, name, data, purpose="证据材料", actor=actor)
    add_event(lead, "补充证据", name, actor_person=actor_person(actor))
    return attachment


# 办公室内部检查 (二.1 channel (4)) ---------------------------------------------------------------------------------

def _require_inspector(actor) -> Person:
    person = actor_person(actor)
    if person is None or not person.has_role(*VERIFIER_ROLES):
        raise ValidationError("只有督查考核小组和绩效办可以组织内部检查。")
    return person


def inspection_url(inspection: Inspection) -> str:
    return inspection.get_absolute_url()


@transaction.atomic(durable=True)
def do_start_inspection(title: str, date: date, areas, *, actor) -> Inspection:
    """Start an inspection of the chosen areas: its checklist is one item per clause of those areas in the latest
    regulation version, every item pending."""
    me = _require_inspector(actor)
    title = (title or "").strip()
    if not title:
        raise ValidationError("请填写检查名称。")
    if date is None:
        raise ValidationError("请填写检查日期。")
    if date > timezone.localdate():
        raise ValidationError("检查日期不能晚于今天。")
    known = [code for code, _ in area_choices()]
    chosen = set(areas or ())
    if not chosen:
        raise ValidationError("请至少选择一个检查领域。")
    unknown = sorted(chosen - set(known))
    if unknown:
        raise ValidationError(f"检查领域“{'、'.join(unknown)}”不存在。")
    ordered = [code for code in known if code in chosen]
    latest = RegulationVersion.objects.latest_version()
    clauses = list(Clause.objects.filter(version=latest, area__in=ordered).order_by("id"))
    if not clauses:
        raise ValidationError("所选领域在条款目录中没有条款。")
    inspection = Inspection.objects.create(unit=me.unit, title=title[:100], date=date, inspector=me, areas=ordered)
    InspectionItem.objects.bulk_create([InspectionItem(inspection=inspection, clause=c) for c in clauses])
    record("errors.inspection.start", actor=actor, kind=AuditKind.CREATE, obj=inspection,
           changes={"title": inspection.title, "date": date, "areas": ordered, "version": latest.version,
                    "items": [c.code for c in clauses]})
    return inspection


@transaction.atomic(durable=True)
def do_record_inspection_item(item: InspectionItem, result: str, finding: str = "", person: Person | None = None,
                              occurred_on: date | None = None, *, actor) -> InspectionItem:
    """Record one checklist item: 符合 / 不符合 / 不适用. 不符合 needs the finding and the responsible person (the
    occurrence date defaults to the inspection date)."""
    me = _require_inspector(actor)
    item = InspectionItem.objects.select_for_update(of=("self",)).select_related("inspection", "clause").get(pk=item.pk)
    inspection = item.inspection
    if inspection.unit_id != me.unit_id:
        raise ValidationError("只能检查本单位。")
    if not inspection.is_draft:
        raise ValidationError("检查已完成，不能再修改检查结果。")
    if result not in RECORDABLE_RESULTS:
        raise ValidationError("请选择检查结果：符合、不符合或不适用。")
    finding = (finding or "").strip()
    if result == ItemResult.FAIL:
        if not finding:
            raise ValidationError("不符合的检查项须填写发现的问题。")
        if person is None:
            raise ValidationError("不符合的检查项须指定责任人。")
        if person.unit_id != inspection.unit_id or not person.active:
            raise ValidationError("责任人须为本单位在职人员。")
        occurred_on = occurred_on or inspection.date
        if occurred_on > timezone.localdate():
            raise ValidationError("发生日期不能晚于今天。")
    else:
        person, occurred_on = None, None
    before = {"result": item.result, "finding": item.finding, "person": item.person_id,
              "occurred_on": item.occurred_on}
    item.result, item.finding, item.person, item.occurred_on = result, finding, person, occurred_on
    item.recorded_at, item.recorded_by = timezone.now(), me
    item.save(update_fields=["result", "finding", "person", "occurred_on", "recorded_at", "recorded_by"])
    after = {"result": item.result, "finding": item.finding, "person": item.person_id,
             "occurred_on": item.occurred_on}
    record("errors.inspection.item", actor=actor, kind=AuditKind.CHANGE, obj=item,
           changes={"clause": item.clause.code, **diff(jsonable(before), jsonable(after))})
    return item


@transaction.atomic(durable=True)
def do_complete_inspection(inspection: Inspection, *, actor) -> Inspection:
    """Complete an inspection: refused while items are pending; every failed item becomes one lead of the
    inspection channel (naming the clause, the responsible person and — resolved by the lead — their 科室负责人),
    stored on the item."""
    me = _require_inspector(actor)
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    if inspection.unit_id != me.unit_id:
        raise ValidationError("只能检查本单位。")
    if not inspection.is_draft:
        raise ValidationError("该检查已完成。")
    pending = inspection.items.pending().count()
    if pending:
        raise ValidationError(f"还有 {pending} 项未检查，不能完成检查。")
    failed = list(inspection.items.failed().with_related())
    today = timezone.localdate()
    for item in failed:  # the database keeps these true; checked again so that nothing is written on a refusal
        if item.person is None or not item.finding or item.occurred_on is None or item.occurred_on > today:
            raise ValidationError(f"检查项 {item.clause.code} 的问题、责任人或发生日期不完整。")
    url = inspection_url(inspection)
    leads = []
    for item in failed:
        lead = report_lead(
            channel=Channel.INSPECTION, clause=item.clause, person=item.person, occurred_on=item.occurred_on,
            description=f"{inspection.title}（{inspection.date:%Y-%m-%d}）检查发现：{item.finding}",
            source=item, source_label=f"内部检查：{inspection.title}", source_url=url, actor=actor)
        item.lead = lead
        item.save(update_fields=["lead"])
        leads.append(lead)
    inspection.status, inspection.completed_at, inspection.completed_by = (
        InspectionStatus.COMPLETED, timezone.now(), me)
    inspection.save(update_fields=["status", "completed_at", "completed_by"])
    record("errors.inspection.complete", actor=actor, kind=AuditKind.TRANSITION, obj=inspection,
           changes={"status": [InspectionStatus.DRAFT, InspectionStatus.COMPLETED],
                    "failed": [item.clause.code for item in failed], "leads": [lead.pk for lead in leads]})
    return inspection
