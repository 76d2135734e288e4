"""The trip log (clause 一(三)9): the odometer never goes backwards, a trip never ends before it starts nor overlaps
another trip of the same vehicle or driver; a wrong reading is corrected by a new, explained entry."""

import pytest

from tests.refusals import refused
from tests.vehicles.conftest import at
from zeroerror.audit.models import AuditRecord
from zeroerror.vehicles import actions
from zeroerror.vehicles.models import OdometerReading, ReadingKind, Trip, TripStatus, Vehicle


@pytest.mark.clause("一(三)9")
def test_it_logs_a_trip_with_time_destination_driver_passengers_and_distance(org, fleet, drive):
    trip = drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 17), 10186, passengers=[org.charlie, org.medhead],
                 other_passengers="市卫健委张科长")
    trip = Trip.objects.with_related().get(pk=trip.pk)
    assert trip.status == TripStatus.RETURNED
    assert trip.distance == 86
    assert trip.passenger_names == "查理、梅科长、市卫健委张科长"
    assert Vehicle.objects.get(pk=fleet.car.pk).odometer == 10186
    assert AuditRecord.objects.filter(action="vehicles.trip.log").count() == 1


@pytest.mark.clause("一(三)9")
def test_it_refuses_an_odometer_going_backwards(org, fleet, drive):
    drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 17), 10186)
    with refused("川H·A1234 里程表读数 10150 公里低于 2025-09-15 17:00 的读数 10186 公里：里程不能倒退。"
                 "原读数登记有误的，请登记更正并说明原因。"):
        drive(at(2025, 9, 16, 8), 10150, at(2025, 9, 16, 12), 10200)


def test_it_refuses_a_return_reading_below_the_departure(org, fleet, drive):
    with refused("回车里程 10090 公里低于出车里程 10100 公里：里程不能倒退。"):
        drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 17), 10090)


def test_it_refuses_a_reading_above_a_later_one(org, fleet, drive):
    drive(at(2025, 9, 20, 8), 10300, at(2025, 9, 20, 17), 10400)
    with refused("川H·A1234 里程表读数 10350 公里高于其后 2025-09-20 08:00 的读数 10300 公里：里程不能倒退。"):
        drive(at(2025, 9, 15, 8), 10200, at(2025, 9, 15, 17), 10350)


@pytest.mark.clause("一(三)9")
def test_it_refuses_a_trip_ending_before_it_starts(org, fleet, drive):
    with refused("回车时间不能早于出车时间（2025-09-15 17:00）。"):
        drive(at(2025, 9, 15, 17), 10100, at(2025, 9, 15, 8), 10186)


@pytest.mark.clause("一(三)9")
def test_it_refuses_a_trip_overlapping_another_of_the_same_vehicle(org, fleet, drive):
    drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 12), 10150)
    with refused("车辆 川H·A1234 在 2025-09-15 08:00 至 2025-09-15 12:00 另有出车记录（下乡义诊），"
                 "同一车辆的用车时间不能重叠。"):
        drive(at(2025, 9, 15, 11), 10150, at(2025, 9, 15, 14), 10180, driver=fleet.driver2)


@pytest.mark.clause("一(三)9")
def test_it_refuses_a_trip_overlapping_another_of_the_same_driver(org, fleet, drive):
    drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 12), 10150)
    with refused("驾驶员 丁师傅 在 2025-09-15 08:00 至 2025-09-15 12:00 驾驶 川H·A1234 出车（下乡义诊），"
                 "同一驾驶员的出车时间不能重叠。"):
        drive(at(2025, 9, 15, 10), 50000, at(2025, 9, 15, 14), 50040, vehicle=fleet.van)


def test_it_refuses_a_departure_while_the_vehicle_is_still_out(org, fleet, drive):
    drive(at(2025, 9, 15, 8), 10100)
    with refused("车辆 川H·A1234 在 2025-09-15 08:00 至 尚未回车 另有出车记录（下乡义诊），同一车辆的用车时间不能重叠。"):
        drive(at(2025, 9, 16, 8), 10200, at(2025, 9, 16, 9), 10220, driver=fleet.driver2)


def test_back_to_back_trips_do_not_overlap(org, fleet, drive):
    drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 12), 10150)
    drive(at(2025, 9, 15, 12), 10150, at(2025, 9, 15, 14), 10170)
    assert Trip.objects.driven().count() == 2


def test_it_refuses_more_passengers_than_seats(org, fleet, drive):
    with refused("乘车人数（含驾驶员）6 人，超过核定座位 5 座。"):
        drive(at(2025, 9, 15, 8), 10100, passengers=[org.alice, org.bob, org.charlie, org.dora, org.medhead])


def test_it_refuses_a_driver_without_the_driver_role(org, fleet, drive):
    with refused("驾驶员须为本单位在岗驾驶员。"):
        drive(at(2025, 9, 15, 8), 10100, driver=org.bob)


def test_it_refuses_a_departure_in_the_future_and_a_year_out_of_range(org, fleet, drive):
    with refused("出车时间不能晚于当前时间。"):
        drive(at(2099, 1, 1, 8), 10100)
    with refused("出车时间须在 2000 年至 2100 年之间。"):
        drive(at(1999, 1, 1, 8), 10100)


def test_it_refuses_an_absurd_reading(org, fleet, drive):
    with refused("里程表读数须为 0 至 9999999 之间的整数（公里）。"):
        drive(at(2025, 9, 15, 8), 10 ** 12)


@pytest.mark.clause("一(三)9")
def test_a_correction_is_a_new_explained_entry_and_the_original_stays(org, fleet, drive):
    trip = drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 17), 11086)  # typed 11086 for 10186
    wrong = trip.in_reading
    actions.do_correct_reading(wrong, value=10186, reason="回车读数多录一位，按仪表照片更正", actor=fleet.driver.user)
    trip = Trip.objects.with_related().get(pk=trip.pk)
    assert trip.in_reading.value == 11086  # the original is kept
    assert (trip.odometer_in, trip.distance, trip.corrected) == (10186, 86, True)
    correction = OdometerReading.objects.get(corrects=wrong)
    assert (correction.kind, correction.reason) == (ReadingKind.CORRECTION, "回车读数多录一位，按仪表照片更正")
    assert Vehicle.objects.get(pk=fleet.car.pk).odometer == 10186
    # the next trip now starts from the corrected reading
    drive(at(2025, 9, 16, 8), 10186, at(2025, 9, 16, 9), 10200)


def test_a_correction_needs_a_reason_and_keeps_the_ledger_in_order(org, fleet, drive):
    trip = drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 17), 10186)
    with refused("请说明更正原因。"):
        actions.do_correct_reading(trip.in_reading, value=10180, reason=" ", actor=org.alice.user)
    with refused("川H·A1234 里程表读数 10050 公里低于 2025-09-15 08:00 的读数 10100 公里：里程不能倒退。"
                 "原读数登记有误的，请登记更正并说明原因。"):
        actions.do_correct_reading(trip.in_reading, value=10050, reason="录错", actor=org.alice.user)


def test_only_the_office_and_the_trips_driver_correct_a_reading(org, fleet, drive):
    trip = drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 17), 10186)
    with refused("只有办公室和该趟车的驾驶员可以更正里程读数。"):
        actions.do_correct_reading(trip.in_reading, value=10180, reason="录错", actor=org.charlie.user)
    with refused("只有办公室和该趟车的驾驶员可以更正里程读数。"):
        actions.do_correct_reading(trip.in_reading, value=10180, reason="录错", actor=fleet.driver2.user)


def test_only_the_office_and_drivers_log_a_trip(org, fleet, drive):
    with refused("只有办公室和驾驶员可以补登用车记录。"):
        drive(at(2025, 9, 15, 8), 10100, actor=org.charlie.user)
