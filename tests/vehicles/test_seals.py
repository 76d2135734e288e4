"""Holiday sealing (封存停驶, clause 一(三)9): a round per holiday period with a tracked item before it, each vehicle
sealed with its odometer read; km at unsealing that no logged trip explains are a lead."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.refusals import refused
from tests.vehicles.conftest import at
from zeroerror.errors.models import Lead
from zeroerror.tracking.models import TrackedItem
from zeroerror.vehicles import actions
from zeroerror.vehicles.actions.seals import plan_sealing
from zeroerror.vehicles.models import Seal, SealingRound


@pytest.fixture
def national_day(org, fleet):
    return actions.do_open_sealing_round(day=dt.date(2025, 10, 3), actor=org.alice.user)


@pytest.mark.clause("一(三)9")
def test_a_round_covers_the_whole_holiday_with_a_tracked_item_before_it(org, national_day):
    assert (national_day.name, national_day.start, national_day.end) == (
        "国庆节、中秋节", dt.date(2025, 10, 1), dt.date(2025, 10, 8))
    item = TrackedItem.objects.for_source(national_day).get()
    assert item.owner == org.director and item.clause_id == "一(三)9" and item.area == "reception"
    assert timezone.localtime(item.due_at).date() == dt.date(2025, 9, 30)


def test_a_working_saturday_is_no_holiday_to_seal(org, fleet):
    with refused("2025-10-11 不在法定节假日内，无需封存。"):
        actions.do_open_sealing_round(day=dt.date(2025, 10, 11), actor=org.alice.user)


@pytest.mark.clause("一(三)9")
def test_sealing_every_vehicle_closes_the_item_and_a_clean_unsealing_is_no_lead(org, fleet, national_day):
    actions.do_seal_vehicle(national_day, fleet.car, odometer=10100, sealed_at=at(2025, 9, 30, 17), actor=org.alice.user)
    assert TrackedItem.objects.for_source(national_day).active().exists()
    actions.do_seal_vehicle(national_day, fleet.van, odometer=50000, sealed_at=at(2025, 9, 30, 17), actor=org.alice.user)
    assert not TrackedItem.objects.for_source(national_day).active().exists()
    seal = Seal.objects.get(vehicle=fleet.car)
    seal = actions.do_unseal_vehicle(seal, odometer=10101, unsealed_at=at(2025, 10, 9, 8), actor=org.alice.user)
    assert seal.unexplained_km == 1 and not Lead.objects.exists()


@pytest.mark.clause("一(三)9")
def test_km_driven_while_sealed_without_a_logged_trip_is_a_lead(org, fleet, national_day, drive, requested):
    seal = actions.do_seal_vehicle(national_day, fleet.car, odometer=10100, sealed_at=at(2025, 9, 30, 17),
                                   actor=org.alice.user)
    trip = requested(at(2025, 10, 4, 8), at(2025, 10, 4, 12), holiday_reason="护送危重病人转院")
    actions.do_decide_trip(trip, approve=True, actor=org.leo.user)
    actions.do_depart_trip(trip, out_at=at(2025, 10, 4, 8), odometer_out=10100, actor=fleet.driver.user)
    actions.do_return_trip(trip, back_at=at(2025, 10, 4, 12), odometer_in=10220, actor=fleet.driver.user)
    seal = actions.do_unseal_vehicle(seal, odometer=10400, unsealed_at=at(2025, 10, 9, 8), actor=org.alice.user)
    assert seal.unexplained_km == 180
    lead = Lead.objects.for_source(seal).get()
    assert lead.clause.code == "一(三)9" and lead.person == org.alice
    assert "另有 180 公里无出车登记" in lead.description


def test_a_vehicle_out_on_a_trip_cannot_be_sealed_and_readings_never_go_back(org, fleet, national_day, drive):
    drive(at(2025, 9, 30, 15), 10100)
    with refused("川H·A1234 于 2025-09-30 17:00 在出车途中（下乡义诊），回车后再封存。"):
        actions.do_seal_vehicle(national_day, fleet.car, odometer=10150, sealed_at=at(2025, 9, 30, 17),
                                actor=org.alice.user)
    with refused("川H·B5678 里程表读数 49000 公里低于 2025-01-01 09:00 的读数 50000 公里：里程不能倒退。"
                 "原读数登记有误的，请登记更正并说明原因。"):
        actions.do_seal_vehicle(national_day, fleet.van, odometer=49000, sealed_at=at(2025, 9, 30, 17),
                                actor=org.alice.user)
    with refused("只有办公室可以封存公务用车。"):
        actions.do_seal_vehicle(national_day, fleet.van, odometer=50000, sealed_at=at(2025, 9, 30, 17),
                                actor=org.charlie.user)


def test_the_tick_opens_the_round_a_week_ahead(org, fleet, monkeypatch):
    now = timezone.make_aware(dt.datetime(2025, 9, 26, 9))
    assert plan_sealing(now) == "公务用车封存批次 1 个"
    assert SealingRound.objects.get().start == dt.date(2025, 10, 1)
    assert plan_sealing(now) == "公务用车封存批次 0 个"
