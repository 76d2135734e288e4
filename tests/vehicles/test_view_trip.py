"""A trip's page and its POSTs (clause 一(三)9): approval, departure and return by the driver; refusals name the
reason and change nothing; no one outside sees the trip."""

import pytest
from django.utils import timezone

from tests.refusals import nothing_changes, refusal
from tests.vehicles.conftest import at
from zeroerror.vehicles.models import Trip, TripStatus


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def trip(org, fleet, requested):
    return requested(at(2025, 9, 15, 8), at(2025, 9, 15, 17))


@pytest.mark.clause("一(三)9")
def test_the_request_is_approved_driven_and_brought_back(org, fleet, login, trip):
    html = login(org.director).get(f"/vehicles/trips/{trip.pk}/").content.decode()
    assert "用车审批" in html and "赴市卫健委汇报工作" in html
    assert login(org.director).post(f"/vehicles/trips/{trip.pk}/decide/", {"approve": "1"}).status_code == 302
    client = login(fleet.driver)
    client.post(f"/vehicles/trips/{trip.pk}/depart/", {"out_at": "2025-09-15T08:05", "odometer_out": "10100"})
    client.post(f"/vehicles/trips/{trip.pk}/return/", {"back_at": "2025-09-15T16:40", "odometer_in": "10188"})
    trip = Trip.objects.with_related().get(pk=trip.pk)
    assert (trip.status, trip.distance, trip.approved_by) == (TripStatus.RETURNED, 88, org.director)
    html = client.get(f"/vehicles/trips/{trip.pk}/").content.decode()
    assert "10188 公里" in html and "杜主任" in html


@pytest.mark.clause("一(三)9")
def test_a_backward_return_is_refused_with_the_reason_and_nothing_changes(org, fleet, login, trip):
    login(org.director).post(f"/vehicles/trips/{trip.pk}/decide/", {"approve": "1"})
    client = login(fleet.driver)
    client.post(f"/vehicles/trips/{trip.pk}/depart/", {"out_at": "2025-09-15T08:05", "odometer_out": "10100"})
    with nothing_changes():
        response = client.post(f"/vehicles/trips/{trip.pk}/return/",
                               {"back_at": "2025-09-15T07:00", "odometer_in": "10188"}, follow=True)
    assert "回车时间不能早于出车时间（2025-09-15 08:05）。" in response.content.decode()
    with nothing_changes():
        response = client.post(f"/vehicles/trips/{trip.pk}/return/",
                               {"back_at": "2025-09-15T16:00", "odometer_in": "9999"}, follow=True)
    assert "里程不能倒退" in response.content.decode()
    with nothing_changes():
        response = client.post(f"/vehicles/trips/{trip.pk}/return/",
                               {"back_at": "0001-01-01T00:00", "odometer_in": "99999999999999999999"}, follow=True)
    assert response.status_code == 200


def test_only_the_driver_or_the_office_records_the_departure(org, fleet, login, trip):
    login(org.director).post(f"/vehicles/trips/{trip.pk}/decide/", {"approve": "1"})
    with nothing_changes():
        response = login(org.charlie).post(f"/vehicles/trips/{trip.pk}/depart/",
                                           {"out_at": "2025-09-15T08:05", "odometer_out": "10100"})
    assert refusal(response) == (403, "只有该车驾驶员和办公室可以登记出车、回车。")


def test_the_requester_cannot_approve_their_own_request(org, fleet, login, requested):
    own = requested(at(2025, 9, 15, 8), at(2025, 9, 15, 17), actor=org.director.user)
    with nothing_changes():
        response = login(org.director).post(f"/vehicles/trips/{own.pk}/decide/", {"approve": "1"})
    assert refusal(response)[0] == 403


def test_another_unit_and_an_outsider_get_404(org, other_unit, login, trip):
    assert refusal(login(other_unit.director).get(f"/vehicles/trips/{trip.pk}/")) == (404, "")
    assert refusal(login(org.admin).get(f"/vehicles/trips/{trip.pk}/")) == (404, "")
    assert login(org.medhead).get(f"/vehicles/trips/{trip.pk}/").status_code == 200  # head of the department
    assert login(org.alice).get("/vehicles/trips/99999999999/").status_code == 404


def test_a_request_through_the_form(org, fleet, login):
    data = {"vehicle": fleet.car.pk, "driver": fleet.driver.pk, "purpose": "赴省人民医院学习", "destinations": "成都",
            "planned_out_at": "2025-10-03T08:00", "planned_back_at": "2025-10-03T20:00"}
    with nothing_changes():
        html = login(org.charlie).post("/vehicles/trips/request/", data).content.decode()
    assert "期间车辆封存停驶，除工作需要外不得用车：请填写节假日工作事由。" in html
    response = login(org.charlie).post("/vehicles/trips/request/", {**data, "holiday_reason": "参加省级急救演练"})
    assert response.status_code == 302
    assert Trip.objects.get().holiday
