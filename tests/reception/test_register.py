"""客情 (clause 一(三)1): registered the moment it arrives and assigned at once, with a tracked item."""

import pytest

from tests.reception.conftest import later, report_data
from tests.refusals import refused
from zeroerror.reception.actions import do_reassign_report, do_register_report
from zeroerror.reception.models import GuestReport, ReportStatus
from zeroerror.tracking.models import Notification, TrackedItem


@pytest.mark.clause("一(三)1")
def test_it_assigns_the_report_at_once_with_a_tracked_item_due_at_arrival(org, make_report):
    report = make_report()
    assert report.status == ReportStatus.ASSIGNED and report.handler == org.alice and report.registered_by == org.bob
    item = TrackedItem.objects.for_source(report).get()
    assert (item.owner, item.area, item.clause_id, item.due_at) == (org.alice, "reception", "一(三)1", report.arrive_at)
    assert item.title == "客情：市卫生健康委员会张处长（医政医管处处长）一行4人来访"
    assert Notification.objects.filter(recipient=org.alice, title="新客情交办：市卫生健康委员会来访").exists()


@pytest.mark.clause("一(三)1")
def test_it_refuses_a_report_without_a_handler(org, standards):
    with refused("客情须当即交办：请选择承办人。"):
        do_register_report(handler=None, actor=org.bob.user, **report_data(standards))


@pytest.mark.parametrize(("change", "message"), [
    ({"guest_unit": " "}, "请填写来宾单位。"),
    ({"contact_phone": "", "purpose": ""}, "请填写来访事由、联系电话。"),
    ({"guest_count": 0}, "来宾人数须在 1 至 500 之间。"),
    ({"guest_count": 10**9}, "来宾人数须在 1 至 500 之间。"),
    ({"depart_at": later(days=5, hours=-1)}, "来访时间的结束时间须晚于开始时间。"),
    ({"arrive_at": later(days=400), "depart_at": later(days=401)}, "来访时间须在一年以内。"),
    ({"arrive_at": later(days=-3), "depart_at": later(days=-2)}, "来宾离开时间已过，不能登记为新客情。"),
])
def test_it_refuses_bad_input_and_changes_nothing(org, standards, change, message):
    with refused(message):
        do_register_report(handler=org.alice, actor=org.bob.user, **report_data(standards, **change))


def test_it_refuses_another_units_standard_or_handler(org, other_unit, standards):
    from zeroerror.reception.actions import do_set_standard

    theirs = do_set_standard(unit=other_unit.unit, actor=None, level="县处级及以下", meal_per_person=80,
                             room_per_night=300)
    with refused("请选择本单位启用的接待对象级别（接待标准）。"):
        do_register_report(handler=org.alice, actor=org.bob.user, **report_data(standards, standard=theirs))
    with refused("承办人须为本单位在职人员：邻县职员。"):
        do_register_report(handler=other_unit.staff, actor=org.bob.user, **report_data(standards))


@pytest.mark.clause("一(三)1")
def test_reassigning_moves_the_deadline_to_the_new_handler(org, make_report):
    report = make_report()
    do_reassign_report(report, org.dora, actor=org.director.user)
    items = TrackedItem.objects.for_source(report)
    assert [(i.owner, i.status) for i in items.order_by("pk")] == [(org.alice, "cancelled"), (org.dora, "open")]
    assert GuestReport.objects.get(pk=report.pk).handler == org.dora


def test_an_unknown_field_is_a_programming_error(org, standards):
    with pytest.raises(TypeError):
        do_register_report(handler=org.alice, actor=org.bob.user, colour="red", **report_data(standards))
