"""接待方案 (clause 一(三)2): drafted from a template, its schedule filled in, 报批, approved by the leader only without
gaps (a slot without a place or a person, a stop not checked on site, no 公函) and within the standard unless the
leader records a special approval (一(三)7); 退回."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record, snapshot
from zeroerror.reception import plan_templates, rules
from zeroerror.reception.access import is_leader, may_approve, report_url
from zeroerror.reception.actions.common import actor_person, local, money, same_unit
from zeroerror.reception.actions.slots import clean_slot, slot_people
from zeroerror.reception.models import (
    EtiquetteItem,
    GuestReport,
    PlanStatus,
    ReceptionPlan,
    ReportStatus,
    Slot,
    SpecialApproval,
)
from zeroerror.tracking.actions import close_items_for_source, create_tracked_item
from zeroerror.tracking.notify import notify

PLAN_FIELDS = ("presiding_leader", "accompanying", "meals", "meal_per_person", "meals_note", "room_nights",
               "room_per_night", "accommodation", "other_cost", "notes")
COUNTS = {"accompanying": ("陪餐人数", 0, 200), "meals": ("工作餐次数", 0, 30), "room_nights": ("住宿间夜数", 0, 2000)}
ETIQUETTE_LEAD = timedelta(days=1)


def limits_of(report: GuestReport) -> rules.Limits:
    s = report.standard
    return rules.Limits(level=s.level, meal_per_person=s.meal_per_person, room_per_night=s.room_per_night,
                        meals_per_day=s.meals_max, accompany_max=s.accompany_max,
                        accompany_threshold=s.accompany_threshold, accompany_divisor=s.accompany_divisor)


def special_of(approval: SpecialApproval | None) -> rules.Special | None:
    if approval is None:
        return None
    return rules.Special(approval.meal_per_person, approval.room_per_night, approval.accompanying)


def plan_figures(plan: ReceptionPlan) -> rules.Figures:
    r = plan.report
    return rules.Figures(guests=r.guest_count, accompanying=plan.accompanying, meals=plan.meals,
                         days=rules.visit_days(timezone.localtime(r.arrive_at), timezone.localtime(r.depart_at)),
                         meal_per_person=plan.meal_per_person, room_per_night=plan.room_per_night)


def plan_excesses(plan: ReceptionPlan) -> list[str]:
    return rules.excesses(plan_figures(plan), limits_of(plan.report), special_of(plan.special_approval))


def plan_gaps(plan: ReceptionPlan) -> list[str]:
    slots = list(plan.slots.current().prefetch_related("people", "site_checks"))
    views = [rules.SlotView(start_at=timezone.localtime(s.start_at), activity=s.activity, place=s.place,
                            people=len(s.people.all()), is_stop=s.is_stop, checked=bool(s.site_checks.all()))
             for s in slots]
    gaps = rules.plan_gaps(views)
    if not plan.report.letter_ref.strip():
        gaps.insert(0, "未登记来访单位公函：无公函的公务活动和来访人员一律不予接待。")
    if plan.presiding_leader_id is None:
        gaps.insert(0, "未确定主持领导。")
    return gaps


def compute_budget(plan: ReceptionPlan):
    diners = plan.report.guest_count + plan.accompanying
    return plan.meals * diners * plan.meal_per_person + plan.room_nights * plan.room_per_night + plan.other_cost


def _lock_report(report: GuestReport) -> GuestReport:
    return GuestReport.objects.select_for_update().get(pk=report.pk)


def _lock(plan: ReceptionPlan, *statuses) -> ReceptionPlan:
    plan = ReceptionPlan.objects.select_for_update(of=("self",)).select_related("report", "report__standard").get(pk=plan.pk)
    if statuses and plan.status not in statuses:
        if plan.status == PlanStatus.APPROVED:
            raise ValidationError("接待方案已批准，日程只能经主持领导认可的线路变更调整（一(三)5）。")
        raise ValidationError(f"接待方案{plan.get_status_display()}，不能执行此操作。")
    return plan


@transaction.atomic(durable=True)
def do_draft_plan(report: GuestReport, template: str, *, actor) -> ReceptionPlan:
    """拟订接待方案 from a template: its slots from the arrival (place and people to fill), the etiquette checklist,
    and the deadline to report the special requirements to the leader (一(三)6)."""
    person = actor_person(actor)
    report = _lock_report(report)
    if report.status != ReportStatus.ASSIGNED:
        raise ValidationError(f"客情{report.get_status_display()}，不能拟订接待方案。")
    if ReceptionPlan.objects.filter(report=report).exists():
        raise ValidationError("该客情已有接待方案。")
    spec = plan_templates.TEMPLATES.get(template)
    if spec is None:
        raise ValidationError("请选择方案模板。")
    plan = ReceptionPlan.objects.create(
        report=report, template=spec.key, title=f"{report.guest_unit}{report.lead_guest}一行来访接待方案（{spec.label}）",
        drafted_by=person, accompanying=min(report.guest_count, 3), meals=1,
        meal_per_person=report.standard.meal_per_person, notes=report.special_needs)
    arrive = report.arrive_at
    Slot.objects.bulk_create([
        Slot(plan=plan, start_at=arrive + timedelta(minutes=s.offset_minutes),
             end_at=arrive + timedelta(minutes=s.offset_minutes + s.minutes), activity=s.activity, is_stop=s.is_stop)
        for s in spec.slots])
    EtiquetteItem.objects.bulk_create([
        EtiquetteItem(plan=plan, topic=topic, requirement=text, order=i * 10)
        for i, (topic, text) in enumerate(plan_templates.ETIQUETTE, start=1)])
    plan.budget = compute_budget(plan)
    plan.save(update_fields=["budget"])
    report.status = ReportStatus.PLANNING
    report.save(update_fields=["status"])
    due = arrive - ETIQUETTE_LEAD if arrive - ETIQUETTE_LEAD > timezone.now() else arrive
    create_tracked_item(title=f"礼仪及特殊需求报告领导：{report.guest_unit}来访", owner=report.handler, due_at=due,
                        area="reception", clause_id="一(三)6", source=plan, actor=actor,
                        detail=f"来宾{local(arrive)}抵达；着装等特殊需求须提前报告主持领导。")
    record("reception.plan.draft", actor=actor, kind=AuditKind.CREATE, obj=plan,
           changes={"template": spec.key, "slots": len(spec.slots)})
    return plan


def _clean_plan(plan: ReceptionPlan, data: dict) -> dict:
    data = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()}
    for key, (label, low, high) in COUNTS.items():
        if key in data and not (isinstance(data[key], int) and low <= data[key] <= high):
            raise ValidationError(f"{label}须在 {low} 至 {high} 之间。")
    for key, label in (("meal_per_person", "工作餐标准"), ("room_per_night", "住宿标准"), ("other_cost", "其他费用")):
        if key in data:
            data[key] = money(data[key], what=label)
    leader = data.get("presiding_leader")
    if leader is not None:
        same_unit([leader], plan.report.unit, what="主持领导")
        if not is_leader(leader):
            raise ValidationError(f"主持领导须为本单位领导：{leader.name}不是。")
    return data


@transaction.atomic(durable=True)
def do_update_plan(plan: ReceptionPlan, *, actor, **data) -> ReceptionPlan:
    actor_person(actor)
    unknown = set(data) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    plan = _lock(plan, PlanStatus.DRAFT)
    data = _clean_plan(plan, data)
    before = snapshot(plan, [*data, "budget"])
    for key, value in data.items():
        setattr(plan, key, value)
    plan.budget = compute_budget(plan)
    plan.save(update_fields=[*data, "budget"])
    after = snapshot(plan, [*data, "budget"])
    record("reception.plan.update", actor=actor, kind=AuditKind.CHANGE, obj=plan,
           changes={k: [before[k], after[k]] for k in after if before[k] != after[k]})
    return plan


@transaction.atomic(durable=True)
def do_add_slot(plan: ReceptionPlan, *, actor, **data) -> Slot:
    actor_person(actor)
    plan = _lock(plan, PlanStatus.DRAFT)
    data = clean_slot(plan, data)
    people = data.pop("people")
    slot = Slot.objects.create(plan=plan, **data)
    slot.people.set(people)
    record("reception.slot.add", actor=actor, kind=AuditKind.CREATE, obj=slot,
           changes={**data, "people": [p.name for p in people]})
    return slot


@transaction.atomic(durable=True)
def do_update_slot(slot: Slot, *, actor, **data) -> Slot:
    actor_person(actor)
    _lock(slot.plan, PlanStatus.DRAFT)
    slot = Slot.objects.select_for_update().get(pk=slot.pk)
    if slot.cancelled_at:
        raise ValidationError("该日程已取消。")
    data = clean_slot(slot.plan, data)
    people = data.pop("people")
    before = {**snapshot(slot, list(data)), "people": slot_people(slot)}
    for key, value in data.items():
        setattr(slot, key, value)
    slot.save(update_fields=list(data))
    slot.people.set(people)
    after = {**snapshot(slot, list(data)), "people": [p.name for p in people]}
    record("reception.slot.update", actor=actor, kind=AuditKind.CHANGE, obj=slot,
           changes={k: [before[k], after[k]] for k in after if before[k] != after[k]})
    return slot


@transaction.atomic(durable=True)
def do_remove_slot(slot: Slot, *, actor) -> Slot:
    actor_person(actor)
    _lock(slot.plan, PlanStatus.DRAFT)
    slot = Slot.objects.select_for_update().get(pk=slot.pk)
    if slot.cancelled_at:
        raise ValidationError("该日程已取消。")
    slot.cancelled_at = timezone.now()
    slot.save(update_fields=["cancelled_at"])
    record("reception.slot.remove", actor=actor, kind=AuditKind.TRANSITION, obj=slot, changes={"cancelled": True})
    return slot


def _approvers(unit):
    from zeroerror.org.models import Person
    from zeroerror.reception.access import LEADER_ROLES

    people = Person.objects.active().filter(unit=unit)
    return [p for role in LEADER_ROLES for p in people.with_role(role) if may_approve(p)]


@transaction.atomic(durable=True)
def do_submit_plan(plan: ReceptionPlan, *, actor) -> ReceptionPlan:
    """报批: a plan with gaps is not sent to the leader (情况不明、安排无序, 一(三)2)."""
    actor_person(actor)
    plan = _lock(plan, PlanStatus.DRAFT)
    gaps = plan_gaps(plan)
    if gaps:
        raise ValidationError(gaps)
    plan.status, plan.submitted_at, plan.return_reason = PlanStatus.PENDING, timezone.now(), ""
    plan.save(update_fields=["status", "submitted_at", "return_reason"])
    record("reception.plan.submit", actor=actor, kind=AuditKind.TRANSITION, obj=plan,
           changes={"status": [PlanStatus.DRAFT, PlanStatus.PENDING], "budget": plan.budget})
    notify(_approvers(plan.report.unit), f"接待方案待审批：{plan.title}", url=report_url(plan.report),
           about=plan.report, body=f"来宾{local(plan.report.arrive_at)}抵达；经费预算 {plan.budget} 元")
    return plan


def concerned(plan: ReceptionPlan) -> list:
    """Everyone the plan concerns: the handler, the presiding leader, the people of its current slots."""
    people = [plan.report.handler, plan.presiding_leader]
    for slot in plan.slots.current().prefetch_related("people"):
        people += list(slot.people.all())
    return people


@transaction.atomic(durable=True)
def do_approve_plan(plan: ReceptionPlan, *, special_reason: str = "", actor) -> ReceptionPlan:
    """The leader approves: refused while any gap remains; above the standard only with the reason of a special
    approval, which is recorded with the figures it allows (一(三)7)."""
    person = actor_person(actor)
    plan = _lock(plan, PlanStatus.PENDING)
    if not may_approve(person):
        raise ValidationError("接待方案须经主要领导或分管办公室的领导批准。")
    gaps = plan_gaps(plan)
    if gaps:
        raise ValidationError(gaps)
    excess = plan_excesses(plan)
    special_reason = special_reason.strip()
    if excess and not special_reason:
        raise ValidationError([*excess, "超出接待标准：须领导特别批准并写明理由，否则不予批准。"])
    now = timezone.now()
    changes = {"status": [PlanStatus.PENDING, PlanStatus.APPROVED]}
    if excess:
        approval = SpecialApproval.objects.create(
            report=plan.report, approved_by=person, approved_at=now, reason=special_reason,
            meal_per_person=plan.meal_per_person, room_per_night=plan.room_per_night, accompanying=plan.accompanying)
        plan.special_approval = approval
        changes["special_approval"] = {"reason": special_reason, "excesses": excess}
    plan.status, plan.approved_by, plan.approved_at = PlanStatus.APPROVED, person, now
    plan.save(update_fields=["status", "approved_by", "approved_at", "special_approval"])
    report = _lock_report(plan.report)
    report.status = ReportStatus.APPROVED
    report.save(update_fields=["status"])
    close_items_for_source(report, f"接待方案已经{person.name}批准", actor=actor)
    record("reception.plan.approve", actor=actor, kind=AuditKind.TRANSITION, obj=plan, changes=changes)
    notify(concerned(plan), f"接待方案已批准：{plan.title}", url=report_url(report), about=report,
           body=f"批准人：{person.name}；来宾{local(report.arrive_at)}抵达。")
    return plan


@transaction.atomic(durable=True)
def do_return_plan(plan: ReceptionPlan, reason: str, *, actor) -> ReceptionPlan:
    person = actor_person(actor)
    if not reason.strip():
        raise ValidationError("请填写退回意见。")
    plan = _lock(plan, PlanStatus.PENDING)
    if not may_approve(person):
        raise ValidationError("接待方案须经主要领导或分管办公室的领导批准。")
    plan.status, plan.return_reason = PlanStatus.DRAFT, reason.strip()
    plan.save(update_fields=["status", "return_reason"])
    record("reception.plan.return", actor=actor, kind=AuditKind.TRANSITION, obj=plan,
           changes={"status": [PlanStatus.PENDING, PlanStatus.DRAFT], "reason": reason.strip()})
    notify([plan.report.handler], f"接待方案被退回：{plan.title}", url=report_url(plan.report), about=plan.report,
           body=reason.strip())
    return plan
