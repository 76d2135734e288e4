"""涉密载体 (clause 一(七)1): register, check out and return, approved copying/excerpting, 清点, destruction and
corrections. The register is append-only: every step is an ``ItemEvent``; nothing is deleted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.errors.actions import propose_lead
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.secrecy import access, rules
from zeroerror.secrecy.actions.common import local, require_colleague, require_person, required_text
from zeroerror.secrecy.models import (
    Classification,
    ClassifiedItem,
    CopyRequest,
    CopyRequestStatus,
    InventoryCheck,
    ItemEvent,
    ItemEventKind,
    ItemKind,
    ItemStatus,
)
from zeroerror.tracking.actions import (
    cancel_items_for_source,
    close_items_for_source,
    close_tracked_item,
    create_tracked_item,
)
from zeroerror.tracking.models import TrackedItem
from zeroerror.tracking.notify import notify

MAX_LOAN_DAYS = 30
MAX_COPIES = 50
INVENTORY_EVERY_DAYS = 30
INVENTORY_TITLE = "涉密载体定期清点"


def _keeper(actor) -> Person:
    person = require_person(actor)
    if not access.keeps_registers(person):
        raise ValidationError("只有办公室或保密审查员可以登记涉密载体。")
    return person


def _lock(item: ClassifiedItem) -> ClassifiedItem:
    return ClassifiedItem.objects.select_for_update().get(pk=item.pk)


def _event(item, kind, *, by, person=None, approved_by=None, note="", changes=None) -> ItemEvent:
    return ItemEvent.objects.create(item=item, kind=kind, person=person, approved_by=approved_by, recorded_by=by,
                                    note=note, changes=changes or {})


@transaction.atomic(durable=True)
def do_register_item(*, number: str, name: str, kind: str, classification: str, period_years: int | None,
                     copies: int, custodian: Person, location: str, origin: str = "", actor) -> ClassifiedItem:
    person = _keeper(actor)
    unit = person.unit
    number = required_text(number, "编号", 40)
    name = required_text(name, "载体名称", 200)
    location = required_text(location, "存放位置", 200)
    if kind not in ItemKind.values:
        raise ValidationError("请选择载体类别。")
    if classification not in Classification.values:
        raise ValidationError("请选择密级。")
    problem = rules.period_problem(classification, period_years)
    if problem:
        raise ValidationError(problem)
    if not copies or not 1 <= copies <= 999:
        raise ValidationError("份数须在 1 至 999 之间。")
    require_colleague(custodian, unit, "保管人")
    if ClassifiedItem.objects.of_unit(unit).filter(number=number).exists():
        raise ValidationError(f"编号“{number}”已登记，不能重复使用。")
    item = ClassifiedItem.objects.create(
        unit=unit, number=number, name=name, kind=kind, classification=classification, period_years=period_years,
        copies=copies, origin=(origin or "").strip()[:200], custodian=custodian, department=custodian.department,
        location=location, registered_by=person)
    _event(item, ItemEventKind.REGISTER, by=person, person=custodian, note=f"{item.marking}，{copies}份，存放于{location}")
    record("secrecy.item.register", actor=actor, kind=AuditKind.CREATE, obj=item,
           changes={"number": number, "classification": classification, "period_years": period_years,
                    "copies": copies, "custodian": custodian.pk, "location": location})
    return item


@transaction.atomic(durable=True)
def do_check_out_item(item: ClassifiedItem, *, holder: Person, due_back_at: datetime, purpose: str,
                      actor) -> ClassifiedItem:
    """借出: the holder must bring it back by ``due_back_at`` (a tracked item; overdue becomes a lead, 一(七)1)."""
    person = require_person(actor)
    item = _lock(item)
    if not (access.keeps_registers(person) or item.custodian_id == person.pk):
        raise ValidationError("只有保管人或办公室可以办理借出。")
    if item.status != ItemStatus.IN_STORE:
        raise ValidationError(f"该载体当前状态为“{item.get_status_display()}”，不能借出。")
    require_colleague(holder, item.unit, "借阅人")
    purpose = required_text(purpose, "借阅事由", 300)
    now = timezone.now()
    if due_back_at is None or due_back_at <= now:
        raise ValidationError("应归还时间须晚于当前时间。")
    if due_back_at > now + timedelta(days=MAX_LOAN_DAYS):
        raise ValidationError(f"借阅期限不得超过 {MAX_LOAN_DAYS} 天。")
    item.status, item.holder, item.due_back_at = ItemStatus.CHECKED_OUT, holder, due_back_at
    item.save(update_fields=["status", "holder", "due_back_at"])
    _event(item, ItemEventKind.CHECK_OUT, by=person, person=holder,
           note=f"{purpose}；应于 {local(due_back_at)} 前归还")
    record("secrecy.item.check_out", actor=actor, kind=AuditKind.TRANSITION, obj=item,
           changes={"holder": holder.pk, "due_back_at": due_back_at, "purpose": purpose})
    create_tracked_item(title=f"归还涉密载体 {item.number}", owner=holder, due_at=due_back_at, area="secrecy",
                        clause_id="一(七)1", detail="借阅的涉密载体须按时归还，不得随意放置、复印、摘录。",
                        source=item, source_url=access.item_url(item), actor=actor)
    return item


@transaction.atomic(durable=True)
def do_check_in_item(item: ClassifiedItem, *, note: str = "", actor) -> ClassifiedItem:
    """归还: received back by the custodian or the office."""
    person = require_person(actor)
    item = _lock(item)
    if not (access.keeps_registers(person) or item.custodian_id == person.pk):
        raise ValidationError("只有保管人或办公室可以办理归还。")
    if item.status != ItemStatus.CHECKED_OUT:
        raise ValidationError("该载体未借出，无需归还。")
    holder = item.holder
    item.status, item.holder, item.due_back_at = ItemStatus.IN_STORE, None, None
    item.save(update_fields=["status", "holder", "due_back_at"])
    _event(item, ItemEventKind.RETURN, by=person, person=holder, note=(note or "").strip()[:500])
    record("secrecy.item.return", actor=actor, kind=AuditKind.TRANSITION, obj=item, changes={"holder": holder.pk})
    close_items_for_source(item, f"已归还（{person.name}签收）", actor=actor)
    return item


@transaction.atomic(durable=True)
def do_request_copy(item: ClassifiedItem, *, excerpt: bool, copies: int, reason: str, actor) -> CopyRequest:
    """复制、摘录 only with approval (一(七)1): the request goes to the 办公室主任/副主任 or 主要领导."""
    person = require_person(actor)
    item = _lock(item)
    if item.status == ItemStatus.DESTROYED:
        raise ValidationError("该载体已销毁。")
    if not copies or not 1 <= copies <= MAX_COPIES:
        raise ValidationError(f"份数须在 1 至 {MAX_COPIES} 之间。")
    reason = required_text(reason, "事由", 500)
    req = CopyRequest.objects.create(item=item, excerpt=bool(excerpt), copies=copies, reason=reason,
                                     requested_by=person)
    record("secrecy.copy.request", actor=actor, kind=AuditKind.CREATE, obj=req,
           changes={"item": item.pk, "excerpt": bool(excerpt), "copies": copies, "reason": reason})
    approvers = Person.objects.active().filter(unit=item.unit).exclude(pk=person.pk)
    approvers = [p for role in access.APPROVER_ROLES for p in approvers.with_role(role)]
    notify(list(dict.fromkeys(approvers)), f"涉密载体{req.label}申请：{item.number}", url=access.item_url(item))
    return req


@transaction.atomic(durable=True)
def do_decide_copy_request(req: CopyRequest, *, approve: bool, note: str = "", actor) -> CopyRequest:
    person = require_person(actor)
    req = CopyRequest.objects.select_for_update(of=("self",)).select_related("item").get(pk=req.pk)
    if not access.may_approve(person) or req.item.unit_id != person.unit_id:
        raise ValidationError("只有办公室主任、副主任或主要领导可以审批复制、摘录。")
    if req.requested_by_id == person.pk:
        raise ValidationError("不能审批本人的申请。")
    if req.status != CopyRequestStatus.PENDING:
        raise ValidationError("该申请已处理。")
    note = (note or "").strip()[:500]
    if not approve and not note:
        raise ValidationError("不予批准须说明理由。")
    req.status = CopyRequestStatus.APPROVED if approve else CopyRequestStatus.REFUSED
    req.decided_by, req.decided_at, req.decision_note = person, timezone.now(), note
    req.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record("secrecy.copy.decide", actor=actor, kind=AuditKind.TRANSITION, obj=req,
           changes={"status": req.status, "note": note})
    notify([req.requested_by], f"涉密载体{req.label}申请{req.get_status_display()}：{req.item.number}",
           url=access.item_url(req.item), body=note)
    return req


@transaction.atomic(durable=True)
def do_record_copies(req: CopyRequest, *, actor) -> list[ClassifiedItem]:
    """The approved copies (or the excerpt) are made and registered as new items with the same marking."""
    person = _keeper(actor)
    req = CopyRequest.objects.select_for_update(of=("self",)).select_related("item").get(pk=req.pk)
    item = _lock(req.item)
    if req.status != CopyRequestStatus.APPROVED:
        raise ValidationError("未经批准，不得复制、摘录涉密载体（一(七)1）。")
    if item.status == ItemStatus.DESTROYED:
        raise ValidationError("该载体已销毁。")
    prefix = "Z" if req.excerpt else "F"
    taken = set(ClassifiedItem.objects.of_unit(item.unit).filter(number__startswith=f"{item.number}-{prefix}")
                .values_list("number", flat=True))
    made, n = [], 0
    count = 1 if req.excerpt else req.copies
    while len(made) < count:
        n += 1
        number = f"{item.number}-{prefix}{n}"
        if number in taken:
            continue
        made.append(ClassifiedItem.objects.create(
            unit=item.unit, number=number, name=f"{item.name}（{req.label}件）", kind=item.kind,
            classification=item.classification, period_years=item.period_years,
            copies=req.copies if req.excerpt else 1, origin=item.origin, custodian=req.requested_by,
            department=req.requested_by.department, location=item.location, copied_from=item, registered_by=person))
    for new in made:
        _event(new, ItemEventKind.REGISTER, by=person, person=new.custodian, approved_by=req.decided_by,
               note=f"由 {item.number} {req.label}，经{req.decided_by.name}批准")
    _event(item, ItemEventKind.EXCERPT if req.excerpt else ItemEventKind.COPY, by=person, person=req.requested_by,
           approved_by=req.decided_by, note=f"{req.reason}；登记为 {'、'.join(m.number for m in made)}")
    req.status = CopyRequestStatus.DONE
    req.save(update_fields=["status"])
    record("secrecy.copy.record", actor=actor, kind=AuditKind.CREATE, obj=req,
           changes={"item": item.pk, "made": [m.number for m in made]})
    return made


@transaction.atomic(durable=True)
def do_check_inventory(*, found: Iterable[int], notes: Mapping[int, str] | None = None, actor) -> InventoryCheck:
    """清点 every current item of the unit. A missing item is recorded on it and proposed as a lead against its
    custodian (一(七)1)."""
    person = _keeper(actor)
    notes = notes or {}
    found = set(found)
    items = list(ClassifiedItem.objects.of_unit(person.unit).current().select_for_update(of=("self",))
                 .select_related("custodian", "holder").order_by("number"))
    if not items:
        raise ValidationError("没有在册的涉密载体。")
    unknown = found - {i.pk for i in items}
    if unknown:
        raise ValidationError("清点结果含有不在册的载体。")
    results = [{"item": i.pk, "number": i.number, "found": i.pk in found,
                "status": i.get_status_display(), "note": (notes.get(i.pk) or "").strip()[:200]} for i in items]
    check = InventoryCheck.objects.create(unit=person.unit, checked_by=person, results=results)
    record("secrecy.inventory.check", actor=actor, kind=AuditKind.CREATE, obj=check,
           changes={"count": len(items), "missing": [r["number"] for r in results if not r["found"]]})
    today = timezone.localdate()
    for item, row in zip(items, results, strict=True):
        text = "清点在册" if row["found"] else "清点未见"
        event = _event(item, ItemEventKind.CHECK, by=person, note=f"{text}{('：' + row['note']) if row['note'] else ''}")
        if not row["found"]:
            propose_lead("一(七)1", item.custodian, today,
                         f"涉密载体 {item.number}（{item.marking}）于 {local(check.checked_at)} 清点时未见，"
                         f"保管人{item.custodian.name}，存放位置{item.location}。", event, actor=actor,
                         source_label=f"涉密载体 {item.number}", source_url=access.item_url(item))
    open_reminders = TrackedItem.objects.active().filter(area="secrecy", title=INVENTORY_TITLE,
                                                         owner__unit=person.unit)
    for reminder in open_reminders:
        close_tracked_item(reminder, f"已于 {local(check.checked_at)} 清点", actor=actor)
    return check


@transaction.atomic(durable=True)
def do_destroy_item(item: ClassifiedItem, *, approver: Person, witness: Person, method: str, place: str,
                    actor) -> ClassifiedItem:
    """销毁 at a designated place, approved and witnessed, recorded — the row stays in the register."""
    person = _keeper(actor)
    item = _lock(item)
    if item.status == ItemStatus.DESTROYED:
        raise ValidationError("该载体已销毁。")
    if item.status == ItemStatus.CHECKED_OUT:
        raise ValidationError("该载体尚未归还，不能销毁。")
    require_colleague(approver, item.unit, "批准人")
    require_colleague(witness, item.unit, "监销人")
    if not approver.has_role(*access.APPROVER_ROLES):
        raise ValidationError("销毁须经办公室主任、副主任或主要领导批准。")
    if witness.pk == person.pk:
        raise ValidationError("监销人须为经办人以外的人员。")
    method = required_text(method, "销毁方式", 100)
    place = required_text(place, "销毁地点", 200)
    item.status = ItemStatus.DESTROYED
    item.save(update_fields=["status"])
    _event(item, ItemEventKind.DESTROY, by=person, person=witness, approved_by=approver,
           note=f"{method}，于{place}销毁，监销人{witness.name}")
    record("secrecy.item.destroy", actor=actor, kind=AuditKind.TRANSITION, obj=item,
           changes={"approver": approver.pk, "witness": witness.pk, "method": method, "place": place})
    cancel_items_for_source(item, "载体已销毁", actor=actor)
    notify([approver], f"涉密载体已销毁：{item.number}", url=access.item_url(item))
    return item


CORRECTABLE = {"name": "载体名称", "location": "存放位置", "origin": "来源", "custodian": "保管人"}


@transaction.atomic(durable=True)
def do_correct_item(item: ClassifiedItem, *, field: str, value, reason: str, actor) -> ClassifiedItem:
    """更正: a new explained entry with the old and new value; the earlier entries stay as they were."""
    person = _keeper(actor)
    item = _lock(item)
    if field not in CORRECTABLE:
        raise ValidationError("该项不能更正。")
    reason = required_text(reason, "更正原因", 300)
    if field == "custodian":
        value = require_colleague(value, item.unit, "保管人")
        before, after = item.custodian.name, value.name
        item.custodian, item.department = value, value.department
        fields = ["custodian", "department"]
    else:
        value = required_text(value, CORRECTABLE[field], 200)
        before, after = getattr(item, field), value
        setattr(item, field, value)
        fields = [field]
    if before == after:
        raise ValidationError("更正后的内容与原内容相同。")
    item.save(update_fields=fields)
    _event(item, ItemEventKind.CORRECT, by=person, note=reason,
           changes={"field": CORRECTABLE[field], "before": before, "after": after})
    record("secrecy.item.correct", actor=actor, kind=AuditKind.CHANGE, obj=item,
           changes={field: [before, after], "reason": reason})
    return item


def remind_inventory(now: datetime) -> str:
    """Tick task: a unit with items on the register and no 清点 in the last 30 days gets a tracked item for its
    office director (一(七)1 定期清点)."""
    from zeroerror.org.models import Unit

    created = 0
    cutoff = now - timedelta(days=INVENTORY_EVERY_DAYS)
    units = Unit.objects.filter(pk__in=ClassifiedItem.objects.current().values("unit_id"))
    for unit in units:
        if InventoryCheck.objects.of_unit(unit).filter(checked_at__gte=cutoff).exists():
            continue
        if TrackedItem.objects.active().filter(area="secrecy", title=INVENTORY_TITLE, owner__unit=unit).exists():
            continue
        owner = (Person.objects.active().filter(unit=unit).with_role(Role.OFFICE_DIRECTOR).order_by("rank", "id")
                 .first())
        if owner is None:
            continue
        with transaction.atomic(durable=True):
            create_tracked_item(title=INVENTORY_TITLE, owner=owner, due_at=now + timedelta(days=3), area="secrecy",
                                clause_id="一(七)1", detail=f"超过 {INVENTORY_EVERY_DAYS} 天未清点在册涉密载体。",
                                actor=None)
        created += 1
    return f"涉密载体清点提醒 {created} 条" if created else ""
