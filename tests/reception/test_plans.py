"""接待方案 (clause 一(三)2): drafted from a template; not sent or approved with gaps; approved by the leader; fixed."""

from datetime import timedelta
from decimal import Decimal

import pytest

from tests.reception.conftest import fill
from tests.refusals import refused
from zeroerror.reception.actions import (
    do_approve_plan,
    do_draft_plan,
    do_return_plan,
    do_submit_plan,
    do_update_plan,
    do_update_slot,
)
from zeroerror.reception.models import GuestReport, PlanStatus, ReceptionPlan, ReportStatus, SpecialApproval
from zeroerror.tracking.models import Notification, TrackedItem


@pytest.mark.clause("一(三)2", "一(三)6")
def test_a_plan_is_drafted_from_a_template_with_slots_to_fill(org, make_report):
    report = make_report(important=True)
    plan = do_draft_plan(report, "inspection", actor=org.alice.user)
    slots = list(plan.slots.all())
    assert [s.activity for s in slots] == ["迎接来宾，介绍日程", "参观考察点一", "参观考察点二", "座谈交流", "工作餐"]
    assert slots[0].start_at == report.arrive_at and slots[1].start_at == report.arrive_at + timedelta(minutes=30)
    assert all(s.place == "" for s in slots) and [s.is_stop for s in slots] == [False, True, True, False, False]
    assert [e.topic for e in plan.etiquette.all()][:2] == ["着装", "礼宾次序"]
    assert GuestReport.objects.get(pk=report.pk).status == ReportStatus.PLANNING
    item = TrackedItem.objects.for_source(plan).get()
    assert (item.clause_id, item.owner, item.due_at) == ("一(三)6", org.alice, report.arrive_at - timedelta(days=1))


def test_an_unknown_template_is_refused(org, make_report):
    report = make_report(important=True)
    with refused("请选择方案模板。"):
        do_draft_plan(report, "party", actor=org.alice.user)


@pytest.mark.clause("一(三)2", "一(三)3")
def test_a_plan_with_gaps_is_not_sent_to_the_leader(org, drafted):
    plan = drafted()
    with refused("未确定主持领导。", *_slot_gaps(plan)):
        do_submit_plan(plan, actor=org.alice.user)


def _local(moment):
    from django.utils import timezone

    return f"{timezone.localtime(moment):%m-%d %H:%M}"


def _slot_gaps(plan):
    messages = []
    for s in plan.slots.all():
        messages.append(f"日程“{_local(s.start_at)} {s.activity}”没有安排地点和人员。")
        if s.is_stop:
            messages.append(f"考察点“{_local(s.start_at)} {s.activity}”尚未实地查验。")
    return messages


@pytest.mark.clause("一(三)2")
def test_the_leader_cannot_approve_while_a_slot_lacks_a_place_or_a_person(org, ready):
    plan = ready()
    do_submit_plan(plan, actor=org.alice.user)
    slot = plan.slots.get(activity="座谈交流")
    # a gap that appeared after submission (e.g. the room was taken back): the approval itself checks again
    type(slot).objects.filter(pk=slot.pk).update(place="")
    slot.people.clear()
    with refused(f"日程“{_local(slot.start_at)} 座谈交流”没有安排地点和人员。"):
        do_approve_plan(plan, actor=org.leo.user)
    slot.people.set([org.bob])
    with refused(f"日程“{_local(slot.start_at)} 座谈交流”没有安排地点。"):
        do_approve_plan(plan, actor=org.leo.user)


@pytest.mark.clause("一(三)2")
def test_a_plan_without_the_visitors_letter_is_not_approved(org, ready):
    plan = ready(letter_ref="")
    with refused("未登记来访单位公函：无公函的公务活动和来访人员一律不予接待。"):
        do_submit_plan(plan, actor=org.alice.user)


@pytest.mark.clause("一(三)2", "一(三)1")
def test_the_leader_approves_and_everyone_in_the_plan_is_told(org, ready):
    plan = ready()
    do_submit_plan(plan, actor=org.alice.user)
    assert Notification.objects.filter(recipient=org.leo, title__startswith="接待方案待审批").exists()
    do_approve_plan(plan, actor=org.leo.user)
    plan = ReceptionPlan.objects.get(pk=plan.pk)
    assert (plan.status, plan.approved_by) == (PlanStatus.APPROVED, org.leo)
    assert plan.report.status == ReportStatus.APPROVED
    assert TrackedItem.objects.for_source(plan.report).get().status == "done"
    for person in (org.alice, org.bob, org.leo):
        assert Notification.objects.filter(recipient=person, title=f"接待方案已批准：{plan.title}").exists()


@pytest.mark.parametrize("who", ["alice", "director", "medleader"])
def test_only_the_principal_or_the_leader_in_charge_of_the_office_approves(org, ready, who):
    from tests.factories import PersonFactory, give_role, put_in_charge
    from zeroerror.org.roles import Role

    if who == "medleader":
        person = PersonFactory(department=org.leaders, name="陈副院长")
        give_role(person, Role.LEADER_IN_CHARGE)
        put_in_charge(person, org.medical)
    else:
        person = getattr(org, who)
    plan = ready()
    do_submit_plan(plan, actor=org.alice.user)
    with refused("接待方案须经主要领导或分管办公室的领导批准。"):
        do_approve_plan(plan, actor=person.user)


@pytest.mark.clause("一(三)7")
def test_a_plan_above_the_standard_needs_the_leaders_recorded_special_approval(org, ready):
    plan = ready()
    do_update_plan(plan, meal_per_person=Decimal("120"), accompanying=5, actor=org.alice.user)
    do_submit_plan(plan, actor=org.alice.user)
    with refused("工作餐 120.00 元/人/餐，超过县处级及以下标准 80.00 元", "陪餐 5 人，超过规定的 3 人（来宾 4 人）",
                 "超出接待标准：须领导特别批准并写明理由，否则不予批准。"):
        do_approve_plan(plan, actor=org.leo.user)
    do_approve_plan(plan, special_reason="省级专家组，按上级要求安排", actor=org.leo.user)
    approval = SpecialApproval.objects.get()
    assert (approval.approved_by, approval.meal_per_person, approval.accompanying) == (org.leo, Decimal("120"), 5)
    assert ReceptionPlan.objects.get(pk=plan.pk).special_approval == approval


@pytest.mark.clause("一(三)5")
def test_the_approved_schedule_cannot_be_edited_directly(org, approved_plan):
    plan = approved_plan()
    slot = plan.slots.first()
    with refused("接待方案已批准，日程只能经主持领导认可的线路变更调整（一(三)5）。"):
        do_update_slot(slot, actor=org.alice.user, start_at=slot.start_at, end_at=slot.end_at, activity="改了",
                       place="别处", people=[org.alice])


def test_a_returned_plan_goes_back_to_draft_with_the_reason(org, ready):
    plan = ready()
    do_submit_plan(plan, actor=org.alice.user)
    with refused("请填写退回意见。"):
        do_return_plan(plan, " ", actor=org.leo.user)
    do_return_plan(plan, "座谈安排过长", actor=org.leo.user)
    plan = ReceptionPlan.objects.get(pk=plan.pk)
    assert (plan.status, plan.return_reason) == (PlanStatus.DRAFT, "座谈安排过长")
    fill(plan, org)  # editable again


@pytest.mark.parametrize(("change", "message"), [
    ({"accompanying": -1}, "陪餐人数须在 0 至 200 之间。"),
    ({"meal_per_person": "abc"}, "工作餐标准须为金额。"),
    ({"meal_per_person": Decimal("1e20")}, "工作餐标准须在 0 至 9999999.99 元之间。"),
    ({"other_cost": Decimal("NaN")}, "其他费用须在 0 至 9999999.99 元之间。"),
])
def test_bad_plan_figures_are_refused(org, drafted, change, message):
    plan = drafted()
    with refused(message):
        do_update_plan(plan, actor=org.alice.user, **change)


def test_the_presiding_leader_must_be_a_leader(org, drafted):
    plan = drafted()
    with refused("主持领导须为本单位领导：朵拉不是。"):
        do_update_plan(plan, presiding_leader=org.dora, actor=org.alice.user)
