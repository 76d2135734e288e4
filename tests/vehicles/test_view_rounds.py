"""The holiday sealing pages (clause 一(三)9): the rounds, and a round where the office seals and unseals each vehicle
with its odometer; a wrong reading is refused with the message and nothing changes."""

import datetime as dt

import pytest

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.vehicles import actions
from zeroerror.vehicles.models import Seal


@pytest.fixture
def national_day(org, fleet):
    return actions.do_open_sealing_round(day=dt.date(2025, 10, 3), actor=org.alice.user)


def test_the_rounds_list_names_each_holiday_in_constant_queries(org, fleet, login, national_day):
    client = login(org.charlie)
    page(client, "/vehicles/rounds/")
    few, html = page(client, "/vehicles/rounds/")
    assert_shown(html, ["国庆节、中秋节", "2025-10-01 至 2025-10-08"])
    for day in (dt.date(2025, 1, 1), dt.date(2025, 5, 2), dt.date(2025, 1, 30)):
        actions.do_open_sealing_round(day=day, actor=org.alice.user)
    many, html = page(client, "/vehicles/rounds/")
    assert many == few
    assert_shown(html, ["元旦", "劳动节", "春节"])


@pytest.mark.clause("一(三)9")
def test_the_office_seals_and_unseals_a_vehicle_on_the_round_page(org, fleet, login, national_day):
    client = login(org.alice)
    url = f"/vehicles/rounds/{national_day.pk}/"
    response = client.post(url, {"vehicle": fleet.car.pk, "odometer": "10100", "at": "2025-09-30T17:30"})
    assert response.status_code == 302
    _, html = page(client, url)
    assert "09-30 17:30</span> 10100 公里 · 艾丽" in html and "封存中" in html
    client.post(url, {"vehicle": fleet.car.pk, "odometer": "10100", "at": "2025-10-09T08:00"})
    seal = Seal.objects.get(vehicle=fleet.car)
    assert seal.unsealed_at is not None and seal.unexplained_km == 0


def test_a_reading_below_the_last_one_is_refused_and_nothing_changes(org, fleet, login, national_day):
    client = login(org.alice)
    with nothing_changes():
        response = client.post(f"/vehicles/rounds/{national_day.pk}/",
                               {"vehicle": fleet.car.pk, "odometer": "9000", "at": "2025-09-30T17:30"}, follow=True)
    assert "川H·A1234 里程表读数 9000 公里低于 2025-01-01 09:00 的读数 10000 公里：里程不能倒退。" in \
        response.content.decode()
    with nothing_changes():
        response = client.post(f"/vehicles/rounds/{national_day.pk}/",
                               {"vehicle": "abc", "odometer": "-1", "at": "不是时间"}, follow=True)
    assert response.status_code == 200


def test_only_the_office_seals_and_another_unit_sees_no_round(org, fleet, login, national_day, other_unit):
    with nothing_changes():
        response = login(org.charlie).post(f"/vehicles/rounds/{national_day.pk}/",
                                           {"vehicle": fleet.car.pk, "odometer": "10100", "at": "2025-09-30T17:30"})
    assert refusal(response) == (403, "只有办公室可以管理公务用车。")
    assert login(other_unit.director).get(f"/vehicles/rounds/{national_day.pk}/").status_code == 404
