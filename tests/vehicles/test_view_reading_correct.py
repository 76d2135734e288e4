"""Correcting an odometer reading (clause 一(三)9): a new, explained entry, the original kept; only the office or the
trip's driver; a correction that would make the ledger go backwards is refused."""

from tests.refusals import nothing_changes, refusal
from tests.vehicles.conftest import at
from zeroerror.vehicles.models import OdometerReading


def test_the_driver_corrects_a_reading_and_the_original_stays(org, fleet, login, drive):
    trip = drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 17), 11086, driver=fleet.driver)
    url = f"/vehicles/{fleet.car.pk}/readings/{trip.in_reading_id}/correct/"
    assert login(fleet.driver).post(url, {"value": "10186", "reason": "多录一位"}).status_code == 302
    correction = OdometerReading.objects.get(corrects=trip.in_reading)
    assert correction.value == 10186 and OdometerReading.objects.get(pk=trip.in_reading_id).value == 11086
    trip.refresh_from_db()
    assert trip.distance == 86


def test_a_correction_below_the_departure_is_refused_and_others_may_not_correct(org, fleet, login, drive):
    trip = drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 17), 11086)
    url = f"/vehicles/{fleet.car.pk}/readings/{trip.in_reading_id}/correct/"
    with nothing_changes():
        response = login(org.alice).post(url, {"value": "10050", "reason": "看错"})
    assert response.status_code == 200 and "里程不能倒退" in response.content.decode()
    with nothing_changes():
        response = login(org.charlie).post(url, {"value": "10186", "reason": "多录一位"})
    assert refusal(response) == (403, "只有办公室和该趟车的驾驶员可以更正里程读数。")
