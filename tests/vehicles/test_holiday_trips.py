"""Holiday sealing (封存停驶, clause 一(三)9): a trip in a holiday period needs a recorded work reason and a leader's
approval; one driven without is logged as it happened and proposed as a lead. 国庆 2025 (1–8 October, with the 调休
working days 28 September and 11 October) and 春节 2026 (15–23 February, with the 调休 Saturdays 14 and 28 February)."""

import pytest

from tests.refusals import refused
from tests.vehicles.conftest import at
from zeroerror.errors.models import Lead
from zeroerror.vehicles import actions
from zeroerror.vehicles.models import Trip


def approve(trip, person):
    return actions.do_decide_trip(trip, approve=True, note="同意", actor=person.user)


def drive_through(trip, driver, out_at, odometer_out, back_at, odometer_in):
    actions.do_depart_trip(trip, out_at=out_at, odometer_out=odometer_out, actor=driver.user)
    return actions.do_return_trip(trip, back_at=back_at, odometer_in=odometer_in, actor=driver.user)


@pytest.mark.clause("一(三)9")
def test_a_national_day_request_without_a_work_reason_is_refused(org, fleet, requested):
    with refused("国庆节、中秋节（10月1日至10月8日）期间车辆封存停驶，除工作需要外不得用车：请填写节假日工作事由。"):
        requested(at(2025, 10, 3, 8), at(2025, 10, 3, 17))


@pytest.mark.clause("一(三)9")
def test_an_approved_national_day_trip_is_no_lead(org, fleet, requested):
    trip = requested(at(2025, 10, 3, 8), at(2025, 10, 3, 17), holiday_reason="节日期间重大急救病人转院，护送专家会诊")
    assert trip.holiday and trip.holiday_name == "国庆节、中秋节"
    with refused("节假日用车须经办公室主任、分管领导或主要领导审批。"):
        actions.do_decide_trip(trip, approve=True, actor=org.alice.user)
    approve(trip, org.leo)
    trip = drive_through(trip, fleet.driver, at(2025, 10, 3, 8), 10100, at(2025, 10, 3, 17), 10260)
    assert trip.holiday_approved
    assert not Lead.objects.exists()


@pytest.mark.clause("一(三)9")
def test_an_unapproved_national_day_trip_is_logged_and_becomes_a_lead(org, fleet, drive):
    trip = drive(at(2025, 10, 5, 9), 10100, at(2025, 10, 5, 11), 10130)
    trip = Trip.objects.get(pk=trip.pk)
    assert trip.holiday and not trip.holiday_approved
    lead = Lead.objects.for_source(trip).get()
    assert lead.clause.code == "一(三)9" and lead.person == org.charlie
    assert lead.occurred_on.isoformat() == "2025-10-05"
    assert "国庆节、中秋节（10月1日至10月8日）期间出车" in lead.description
    assert "无工作事由审批记录" in lead.description


@pytest.mark.clause("一(三)9")
def test_the_national_day_working_days_are_not_sealed(org, fleet, drive):
    drive(at(2025, 9, 28, 9), 10100, at(2025, 9, 28, 11), 10130)  # 调休 Sunday
    drive(at(2025, 10, 11, 9), 10130, at(2025, 10, 11, 11), 10160)  # 调休 Saturday
    assert not Trip.objects.on_holiday().exists()
    assert not Lead.objects.exists()


@pytest.mark.clause("一(三)9")
def test_an_ordinary_request_that_leaves_on_the_holiday_becomes_a_lead(org, fleet, requested):
    """Approved as an ordinary trip for 30 September, it actually left on 1 October: no holiday approval."""
    trip = requested(at(2025, 9, 30, 14), at(2025, 9, 30, 18))
    approve(trip, org.director)
    trip = drive_through(trip, fleet.driver, at(2025, 10, 1, 8), 10100, at(2025, 10, 1, 12), 10180)
    assert trip.holiday and not trip.holiday_approved
    assert Lead.objects.for_source(trip).get().clause.code == "一(三)9"


@pytest.mark.clause("一(三)9")
def test_a_trip_running_into_the_holiday_becomes_a_lead(org, fleet, drive):
    trip = drive(at(2025, 9, 30, 15), 10100, at(2025, 10, 1, 10), 10300)
    assert Lead.objects.for_source(trip).exists()


@pytest.mark.clause("一(三)9")
def test_spring_festival_is_sealed_and_its_working_saturdays_are_not(org, fleet, drive):
    before = drive(at(2026, 2, 14, 9), 10100, at(2026, 2, 14, 12), 10150)  # 调休 Saturday
    during = drive(at(2026, 2, 17, 9), 10150, at(2026, 2, 17, 12), 10200)  # 初一
    after = drive(at(2026, 2, 28, 9), 10200, at(2026, 2, 28, 12), 10250)  # 调休 Saturday
    assert [Trip.objects.get(pk=t.pk).holiday for t in (before, during, after)] == [False, True, False]
    assert list(Lead.objects.values_list("source_id", flat=True)) == [during.pk]
    assert Trip.objects.get(pk=during.pk).holiday_name == "春节"


@pytest.mark.clause("一(三)9")
def test_a_spring_festival_request_needs_the_reason_and_a_leader(org, fleet, requested):
    with refused("春节（2月15日至2月23日）期间车辆封存停驶，除工作需要外不得用车：请填写节假日工作事由。"):
        requested(at(2026, 2, 20, 8), at(2026, 2, 20, 12))
    trip = requested(at(2026, 2, 20, 8), at(2026, 2, 20, 12), holiday_reason="春节慰问值班医护人员")
    approve(trip, org.principal)
    drive_through(trip, fleet.driver, at(2026, 2, 20, 8), 10100, at(2026, 2, 20, 12), 10140)
    assert not Lead.objects.exists()


def test_an_ordinary_weekend_is_not_sealed(org, fleet, drive):
    trip = drive(at(2025, 11, 15, 9), 10100, at(2025, 11, 15, 11), 10130)
    assert not Trip.objects.get(pk=trip.pk).holiday
    assert not Lead.objects.exists()
