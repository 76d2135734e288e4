"""Site checks (一(三)3), the fixed route and its changes (一(三)4, 5), the etiquette report (一(三)6)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.reception.conftest import ago
from tests.refusals import refused
from zeroerror.reception.actions import (
    do_decide_route_change,
    do_record_site_check,
    do_report_etiquette,
    do_request_route_change,
)
from zeroerror.reception.models import ChangeStatus, ReceptionPlan, RouteChange, Slot
from zeroerror.tracking.models import Notification, TrackedItem


@pytest.mark.clause("一(三)3")
def test_a_stop_is_checked_on_site_with_the_travel_time_measured(org, drafted):
    plan = drafted()
    stop = plan.slots.filter(is_stop=True).first()
    check = do_record_site_check(stop, checked_by=org.bob, checked_at=ago(2), travel_minutes=25,
                                 notes="停车场可停中巴", actor=org.alice.user)
    assert (check.checked_by, check.travel_minutes, check.notes) == (org.bob, 25, "停车场可停中巴")


@pytest.mark.clause("一(三)3")
@pytest.mark.parametrize(("change", "message"), [
    ({"checked_at": "future"}, "查验时间不能晚于现在：实地查验须如实登记已完成的查验。"),
    ({"travel_minutes": -5}, "实测车程须在 0 至 1440 分钟之间。"),
    ({"travel_minutes": 10**12}, "实测车程须在 0 至 1440 分钟之间。"),
    ({"checked_at": None}, "请填写查验时间。"),
])
def test_a_site_check_with_bad_data_is_refused(org, drafted, change, message):
    plan = drafted()
    stop = plan.slots.filter(is_stop=True).first()
    data = {"checked_by": org.bob, "checked_at": ago(), "travel_minutes": 10, "notes": ""}
    data.update(change)
    if data["checked_at"] == "future":
        data["checked_at"] = timezone.now() + timedelta(hours=1)
    with refused(message):
        do_record_site_check(stop, actor=org.alice.user, **data)


def _change_data(slot, org, **kw):
    data = {"start_at": slot.start_at + timedelta(minutes=30), "end_at": slot.end_at + timedelta(minutes=30),
            "activity": slot.activity, "place": "县医共体总院", "people": [org.dora], "vehicle": "川A·12345",
            "is_stop": slot.is_stop}
    data.update(kw)
    return data


@pytest.mark.clause("一(三)5", "一(三)4")
def test_a_route_change_waits_for_the_presiding_leader_then_everyone_is_told(org, approved_plan):
    plan = approved_plan()
    slot = plan.slots.filter(is_stop=True).first()
    change = do_request_route_change(plan, "change", reason="原考察点施工", slot=slot,
                                     data=_change_data(slot, org), actor=org.alice.user)
    slot.refresh_from_db()
    assert change.status == ChangeStatus.PENDING and slot.place == "行政楼三楼会议室"  # nothing moves yet
    assert Notification.objects.filter(recipient=org.leo, title__startswith="接待线路变更待认可").exists()
    do_decide_route_change(change, True, "同意", actor=org.leo.user)
    slot.refresh_from_db()
    assert (slot.place, list(slot.people.all())) == ("县医共体总院", [org.dora])
    title = f"接待日程变更：{plan.title}"
    for person in (org.alice, org.bob, org.dora, org.leo):  # old people, new people, handler, leader
        assert Notification.objects.filter(recipient=person, title=title, body__contains="原考察点施工").exists()


@pytest.mark.clause("一(三)5")
def test_only_the_presiding_leader_approves_a_route_change(org, approved_plan):
    plan = approved_plan()
    slot = plan.slots.first()
    change = do_request_route_change(plan, "remove", reason="时间不够", slot=slot, actor=org.alice.user)
    for person in (org.principal, org.director, org.alice):
        with refused("考察路线的更改须经主持领导认可（一(三)5）。"):
            do_decide_route_change(change, True, actor=person.user)
    assert Slot.objects.get(pk=slot.pk).cancelled_at is None


def test_the_presiding_leader_changing_the_route_approves_it_at_once(org, approved_plan):
    plan = approved_plan()
    slot = plan.slots.first()
    change = do_request_route_change(plan, "add", reason="增加看望专家", data=_change_data(
        slot, org, activity="看望专家", start_at=slot.start_at + timedelta(hours=5),
        end_at=slot.start_at + timedelta(hours=6)), actor=org.leo.user)
    change.refresh_from_db()
    assert (change.status, change.decided_by) == (ChangeStatus.APPROVED, org.leo)
    assert plan.slots.current().filter(activity="看望专家").exists()


def test_a_refused_change_leaves_the_route_and_tells_the_requester(org, approved_plan):
    plan = approved_plan()
    slot = plan.slots.first()
    change = do_request_route_change(plan, "remove", reason="时间不够", slot=slot, actor=org.alice.user)
    with refused("请填写不予认可的理由。"):
        do_decide_route_change(change, False, "", actor=org.leo.user)
    do_decide_route_change(change, False, "按原方案", actor=org.leo.user)
    assert RouteChange.objects.get(pk=change.pk).status == ChangeStatus.REFUSED
    assert Slot.objects.get(pk=slot.pk).cancelled_at is None
    assert Notification.objects.filter(recipient=org.alice, title__startswith="接待线路变更未获认可").exists()


def test_a_change_without_a_place_or_people_is_refused(org, approved_plan):
    plan = approved_plan()
    slot = plan.slots.first()
    with refused("变更后的日程须有地点和人员。"):
        do_request_route_change(plan, "change", reason="x", slot=slot, data=_change_data(slot, org, place=""),
                                actor=org.alice.user)
    with refused("请填写变更原因。"):
        do_request_route_change(plan, "remove", reason="", slot=slot, actor=org.alice.user)


@pytest.mark.clause("一(三)6")
def test_the_etiquette_is_reported_to_the_presiding_leader_in_advance(org, ready):
    plan = ready()
    do_report_etiquette(plan, actor=org.alice.user)
    plan = ReceptionPlan.objects.get(pk=plan.pk)
    assert plan.etiquette_reported_to == org.leo and plan.etiquette_reported_at is not None
    note = Notification.objects.get(recipient=org.leo, title="接待礼仪及特殊需求报告：市卫生健康委员会来访")
    assert "来宾特殊需求：一人清真饮食" in note.body and "礼品：按规定不赠送礼金、礼品、纪念品（待落实）" in note.body
    assert TrackedItem.objects.for_source(plan).get().status == "done"


@pytest.mark.clause("一(三)6")
def test_the_etiquette_report_needs_a_leader_and_comes_before_the_guests(org, drafted):
    plan = drafted()
    with refused("请先确定主持领导，再报告礼仪及特殊需求。"):
        do_report_etiquette(plan, actor=org.alice.user)
