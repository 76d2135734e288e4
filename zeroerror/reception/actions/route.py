"""Site checks, the fixed route and its changes, the etiquette report (clauses 一(三)3–6).

* 实地查验: each stop checked on site beforehand — who, when, the travel time measured, notes (一(三)3).
* Once the plan is approved the route is fixed: a change (add, adjust or cancel a slot) is applied only with the
  presiding leader's recorded approval (一(三)5); when it is applied everyone concerned and the leader are told (一(三)4).
* The etiquette checklist and the special requirements are reported to the presiding leader in advance (一(三)6).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.reception.access import report_url
from zeroerror.reception.actions.common import actor_person, local, same_unit
from zeroerror.reception.actions.plans import concerned
from zeroerror.reception.actions.slots import clean_slot, slot_snapshot
from zeroerror.reception.models import (
    ChangeKind,
    ChangeStatus,
    EtiquetteItem,
    PlanStatus,
    ReceptionPlan,
    RouteChange,
    SiteCheck,
    Slot,
)
from zeroerror.tracking.actions import close_items_for_source
from zeroerror.tracking.notify import notify

MAX_TRAVEL_MINUTES = 24 * 60


@transaction.atomic(durable=True)
def do_record_site_check(slot: Slot, *, checked_by, checked_at, travel_minutes: int, notes: str = "",
                         actor) -> SiteCheck:
    actor_person(actor)
    slot = Slot.objects.select_for_update(of=("self",)).select_related("plan__report").get(pk=slot.pk)
    if slot.cancelled_at:
        raise ValidationError("该日程已取消。")
    same_unit([checked_by], slot.plan.report.unit, what="查验人")
    if checked_at is None or timezone.is_naive(checked_at):
        raise ValidationError("请填写查验时间。")
    if checked_at > timezone.now():
        raise ValidationError("查验时间不能晚于现在：实地查验须如实登记已完成的查验。")
    if checked_at >= slot.start_at:
        raise ValidationError("实地查验须在活动开始前进行。")
    if not isinstance(travel_minutes, int) or not 0 <= travel_minutes <= MAX_TRAVEL_MINUTES:
        raise ValidationError(f"实测车程须在 0 至 {MAX_TRAVEL_MINUTES} 分钟之间。")
    check = SiteCheck.objects.create(slot=slot, checked_by=checked_by, checked_at=checked_at,
                                     travel_minutes=travel_minutes, notes=notes.strip())
    record("reception.site_check.record", actor=actor, kind=AuditKind.CREATE, obj=check,
           changes={"slot": str(slot), "checked_by": checked_by.name, "checked_at": checked_at,
                    "travel_minutes": travel_minutes})
    return check


def _apply(change: RouteChange) -> None:
    if change.kind == ChangeKind.ADD:
        data = dict(change.after_data)
        people = data.pop("people")
        slot = Slot.objects.create(plan=change.plan, **data)
        slot.people.set(people)
        change.slot = slot
        change.save(update_fields=["slot"])
        return
    slot = Slot.objects.select_for_update().get(pk=change.slot_id)
    if change.kind == ChangeKind.REMOVE:
        slot.cancelled_at = timezone.now()
        slot.save(update_fields=["cancelled_at"])
        return
    data = dict(change.after_data)
    people = data.pop("people")
    for key, value in data.items():
        setattr(slot, key, value)
    slot.save(update_fields=list(data))
    slot.people.set(people)


def _notify_change(change: RouteChange, plan: ReceptionPlan, before_people: list) -> None:
    what = {ChangeKind.ADD: change.after.get("activity"), ChangeKind.CHANGE: change.after.get("activity"),
            ChangeKind.REMOVE: change.before.get("activity")}[change.kind]
    notify([*before_people, *concerned(plan), change.requested_by], f"接待日程变更：{plan.title}",
           url=report_url(plan.report), about=plan.report,
           body=f"{change.get_kind_display()}“{what}”，经主持领导{change.decided_by.name}认可。原因：{change.reason}")


def _locked_plan(plan: ReceptionPlan) -> ReceptionPlan:
    plan = ReceptionPlan.objects.select_for_update(of=("self",)).select_related("report", "presiding_leader").get(pk=plan.pk)
    if plan.status != PlanStatus.APPROVED:
        raise ValidationError("接待方案尚未批准：请直接修改日程。")
    return plan


@transaction.atomic(durable=True)
def do_request_route_change(plan: ReceptionPlan, kind: str, *, reason: str, slot: Slot | None = None,
                            data: dict | None = None, actor) -> RouteChange:
    """Propose a change of the approved route; the presiding leader proposing it approves it at once."""
    person = actor_person(actor)
    plan = _locked_plan(plan)
    if not reason.strip():
        raise ValidationError("请填写变更原因。")
    if kind not in ChangeKind.values:
        raise ValidationError("请选择变更类型。")
    if kind != ChangeKind.ADD:
        if slot is None or slot.plan_id != plan.pk or slot.cancelled_at:
            raise ValidationError("请选择方案中现有的日程。")
    before = slot_snapshot(slot) if kind != ChangeKind.ADD else {}
    after_data = clean_slot(plan, data or {}) if kind != ChangeKind.REMOVE else {}
    if kind != ChangeKind.REMOVE and not (after_data["place"] and after_data["people"]):
        raise ValidationError("变更后的日程须有地点和人员。")
    after = ({**after_data, "people": [p.name for p in after_data["people"]],
              "start_at": local(after_data["start_at"]), "end_at": local(after_data["end_at"])} if after_data else {})
    change = RouteChange.objects.create(plan=plan, slot=slot if kind != ChangeKind.ADD else None, kind=kind,
                                        before=before, after={**after, "people_ids": [p.pk for p in
                                                                                      after_data.get("people", [])]},
                                        reason=reason.strip(), requested_by=person)
    record("reception.route_change.request", actor=actor, kind=AuditKind.CREATE, obj=change,
           changes={"kind": kind, "before": before, "after": after, "reason": reason.strip()})
    if plan.presiding_leader_id == person.pk:
        _decide(change, plan, True, "", person, actor=actor, after_data=after_data)
    else:
        notify([plan.presiding_leader], f"接待线路变更待认可：{plan.title}", url=report_url(plan.report),
               about=plan.report, body=f"{person.name}提出{change.get_kind_display()}日程。原因：{reason.strip()}")
    return change


def _after_data(change: RouteChange) -> dict:
    """The slot data of a pending change, rebuilt from what was stored and checked when it was proposed."""
    from zeroerror.org.models import Person

    if change.kind == ChangeKind.REMOVE:
        return {}
    a = change.after
    people = list(Person.objects.filter(pk__in=a.get("people_ids", [])))
    return clean_slot(change.plan, {
        "start_at": timezone.make_aware(timezone.datetime.strptime(a["start_at"], "%Y-%m-%d %H:%M")),
        "end_at": timezone.make_aware(timezone.datetime.strptime(a["end_at"], "%Y-%m-%d %H:%M")),
        "activity": a["activity"], "place": a["place"], "vehicle": a.get("vehicle", ""),
        "is_stop": a.get("is_stop", False), "people": people})


def _decide(change: RouteChange, plan: ReceptionPlan, approve: bool, note: str, person, *, actor,
            after_data: dict | None = None) -> RouteChange:
    before_people = list(change.slot.people.all()) if change.slot_id else []
    change.status = ChangeStatus.APPROVED if approve else ChangeStatus.REFUSED
    change.decided_by, change.decided_at, change.decision_note = person, timezone.now(), note.strip()
    change.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record("reception.route_change.decide", actor=actor, kind=AuditKind.TRANSITION, obj=change,
           changes={"status": [ChangeStatus.PENDING, change.status], "note": note.strip()})
    if approve:
        change.after_data = after_data if after_data is not None else _after_data(change)
        _apply(change)
        _notify_change(change, plan, before_people)
    else:
        notify([change.requested_by], f"接待线路变更未获认可：{plan.title}", url=report_url(plan.report),
               about=plan.report, body=note.strip())
    return change


@transaction.atomic(durable=True)
def do_decide_route_change(change: RouteChange, approve: bool, note: str = "", *, actor) -> RouteChange:
    """认可 or not, by the presiding leader only (一(三)5)."""
    person = actor_person(actor)
    change = RouteChange.objects.select_for_update(of=("self",)).select_related("plan", "slot", "requested_by").get(pk=change.pk)
    if change.status != ChangeStatus.PENDING:
        raise ValidationError(f"该线路变更{change.get_status_display()}。")
    plan = _locked_plan(change.plan)
    if plan.presiding_leader_id != person.pk:
        raise ValidationError("考察路线的更改须经主持领导认可（一(三)5）。")
    if not approve and not note.strip():
        raise ValidationError("请填写不予认可的理由。")
    return _decide(change, plan, approve, note, person, actor=actor)


@transaction.atomic(durable=True)
def do_set_etiquette(item: EtiquetteItem, *, requirement: str, arranged: bool, actor) -> EtiquetteItem:
    actor_person(actor)
    item = EtiquetteItem.objects.select_for_update().get(pk=item.pk)
    before = {"requirement": item.requirement, "arranged": item.arranged}
    item.requirement, item.arranged = requirement.strip(), bool(arranged)
    item.save(update_fields=["requirement", "arranged"])
    record("reception.etiquette.set", actor=actor, kind=AuditKind.CHANGE, obj=item,
           changes={"before": before, "after": {"requirement": item.requirement, "arranged": item.arranged}})
    return item


@transaction.atomic(durable=True)
def do_report_etiquette(plan: ReceptionPlan, *, actor) -> ReceptionPlan:
    """Report the etiquette checklist and the special requirements to the presiding leader (一(三)6)."""
    actor_person(actor)
    plan = ReceptionPlan.objects.select_for_update(of=("self",)).select_related("report", "presiding_leader").get(pk=plan.pk)
    if plan.presiding_leader_id is None:
        raise ValidationError("请先确定主持领导，再报告礼仪及特殊需求。")
    if plan.report.arrive_at <= timezone.now():
        raise ValidationError("来宾已抵达：礼仪及特殊需求须提前报告领导（一(三)6）。")
    lines = [f"{e.topic}：{e.requirement or '无'}{'（已落实）' if e.arranged else '（待落实）'}"
             for e in plan.etiquette.all()]
    if plan.report.special_needs:
        lines.insert(0, f"来宾特殊需求：{plan.report.special_needs}")
    plan.etiquette_reported_at, plan.etiquette_reported_to = timezone.now(), plan.presiding_leader
    plan.save(update_fields=["etiquette_reported_at", "etiquette_reported_to"])
    notify([plan.presiding_leader], f"接待礼仪及特殊需求报告：{plan.report.guest_unit}来访", url=report_url(plan.report),
           about=plan.report, body="\n".join(lines))
    close_items_for_source(plan, f"已报告{plan.presiding_leader.name}", actor=actor)
    record("reception.etiquette.report", actor=actor, kind=AuditKind.TRANSITION, obj=plan,
           changes={"reported_to": plan.presiding_leader.name, "lines": lines})
    return plan
