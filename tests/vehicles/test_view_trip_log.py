"""A trip logged after the fact (补登, clause 一(三)9) on its page: the office or a driver records it with the reason;
an odometer going backwards is refused with the message and nothing changes; others are refused."""

import pytest

from tests.refusals import nothing_changes, refusal
from zeroerror.vehicles.models import Trip


def form(org, fleet, **kw):
    data = {"vehicle": fleet.car.pk, "driver": fleet.driver.pk, "requester": org.charlie.pk, "purpose": "急诊转运",
            "destinations": "广元市中心医院", "out_at": "2025-09-15T08:00", "odometer_out": "10000",
            "back_at": "2025-09-15T12:00", "odometer_in": "10230", "late_reason": "夜间急诊，事后补登"}
    data.update(kw)
    return data


@pytest.mark.clause("一(三)9")
def test_the_office_logs_a_trip_after_the_fact(org, fleet, login):
    assert login(org.alice).post("/vehicles/trips/log/", form(org, fleet)).status_code == 302
    trip = Trip.objects.get()
    assert (trip.distance, trip.unrequested, trip.late_reason) == (230, True, "夜间急诊，事后补登")


@pytest.mark.clause("一(三)9")
def test_an_odometer_going_backwards_is_refused_and_nothing_changes(org, fleet, login):
    with nothing_changes():
        html = login(fleet.driver).post("/vehicles/trips/log/", form(org, fleet, odometer_out="9000",
                                                                     odometer_in="9100")).content.decode()
    assert "川H·A1234 里程表读数 9000 公里低于 2025-01-01 09:00 的读数 10000 公里：里程不能倒退。" in html
    with nothing_changes():
        html = login(org.alice).post("/vehicles/trips/log/", form(org, fleet, back_at="2025-09-15T07:00")
                                     ).content.decode()
    assert "回车时间不能早于出车时间（2025-09-15 08:00）。" in html


def test_staff_cannot_log_trips(org, fleet, login):
    with nothing_changes():
        response = login(org.charlie).post("/vehicles/trips/log/", form(org, fleet))
    assert refusal(response) == (403, "只有办公室和驾驶员可以补登用车记录。")
