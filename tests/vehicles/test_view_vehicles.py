"""Vehicles with their designated providers and parking place (clause 一(三)9), registered by the office."""

import pytest

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.vehicles.models import OdometerReading, Vehicle


def form(fleet, **kw):
    data = {"plate": "川H·C9012", "model": "别克GL8", "seats": "7", "rated_consumption": "10.5",
            "insurer": fleet.insurer.pk, "repair_shop": fleet.repair.pk, "fuel_station": fleet.fuel.pk,
            "parking": "门诊楼东侧车位", "odometer": "3200"}
    data.update(kw)
    return data


@pytest.mark.clause("一(三)9")
def test_the_office_registers_a_vehicle_with_its_designated_providers(org, fleet, login):
    assert login(org.alice).post("/vehicles/new/", form(fleet)).status_code == 302
    vehicle = Vehicle.objects.get(plate="川H·C9012")
    assert (vehicle.insurer, vehicle.fuel_station, vehicle.parking, vehicle.odometer) == (
        fleet.insurer, fleet.fuel, "门诊楼东侧车位", 3200)
    assert OdometerReading.objects.filter(vehicle=vehicle).count() == 1


def test_a_duplicate_plate_and_bad_numbers_are_refused(org, fleet, login):
    client = login(org.alice)
    with nothing_changes():
        html = client.post("/vehicles/new/", form(fleet, plate="川H·A1234")).content.decode()
    assert "号牌 川H·A1234 已登记。" in html
    with nothing_changes():
        response = client.post("/vehicles/new/", form(fleet, seats="99999999999999", odometer="-5"))
    assert response.status_code == 200


def test_a_provider_of_the_wrong_kind_is_refused(org, fleet, login):
    with nothing_changes():
        html = login(org.alice).post("/vehicles/new/", form(fleet, insurer=fleet.fuel.pk)).content.decode()
    assert "选择一个有效的选项" in html


def test_others_cannot_register_vehicles(org, fleet, login):
    with nothing_changes():
        response = login(org.charlie).post("/vehicles/new/", form(fleet))
    assert refusal(response) == (403, "只有办公室可以管理公务用车。")


def test_everyone_of_the_unit_sees_the_fleet_and_another_unit_does_not(org, fleet, login, other_unit):
    client = login(org.charlie)
    few, html = page(client, "/vehicles/")
    assert_shown(html, ["川H·A1234", "川H·B5678", "人保财险青川支公司", "中石化青川城关加油站", "行政楼地下车库"])
    for i in range(5):
        fleet.vehicle(f"川H·D00{i}")
    many, html = page(client, "/vehicles/")
    assert many == few
    assert_shown(html, [f"川H·D00{i}" for i in range(5)])
    _, html = page(login(other_unit.director), "/vehicles/")
    assert "川H·A1234" not in html
    assert refusal(login(other_unit.director).get(f"/vehicles/{fleet.car.pk}/")) == (404, "")


def test_the_vehicle_page_shows_the_odometer_ledger_with_corrections(org, fleet, login, drive):
    from tests.vehicles.conftest import at
    from zeroerror.vehicles import actions

    trip = drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 17), 11086)
    actions.do_correct_reading(trip.in_reading, value=10186, reason="多录一位", actor=org.alice.user)
    html = login(org.alice).get(f"/vehicles/{fleet.car.pk}/").content.decode()
    assert "<s>11086</s> 10186" in html and "多录一位" in html
