"""The trip log page (clause 一(三)9): the office sees every trip of the unit, a member of staff their own, a driver
the trips they drive; another unit sees nothing; a constant number of queries."""

import pytest

from tests.pages import assert_shown, page
from tests.vehicles.conftest import at

URL = "/vehicles/trips/?month=2025-09"


@pytest.fixture
def september(org, fleet, drive):
    mine = drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 12), 10150, purpose="下乡义诊")
    other = drive(at(2025, 9, 16, 8), 50000, at(2025, 9, 16, 12), 50040, vehicle=fleet.van, driver=fleet.driver2,
                  requester=org.bob, purpose="送文件至县委办")
    return mine, other


def test_the_office_sees_every_trip_of_the_unit(org, login, september):
    _, html = page(login(org.alice), URL)
    assert_shown(html, ["下乡义诊", "送文件至县委办", "川H·A1234", "川H·B5678", "丁师傅", "韩师傅", "50", "40"])


def test_staff_see_their_own_trips_only(org, login, september):
    _, html = page(login(org.charlie), URL)
    assert "下乡义诊" in html and "送文件至县委办" not in html


def test_a_driver_sees_the_trips_they_drive(org, fleet, login, september):
    _, html = page(login(fleet.driver2), URL)
    assert "送文件至县委办" in html and "下乡义诊" not in html


def test_another_unit_sees_nothing(other_unit, login, september):
    _, html = page(login(other_unit.director), URL)
    assert "下乡义诊" not in html and "送文件至县委办" not in html and "川H·A1234" not in html


def test_a_malformed_filter_is_no_error(org, login, september):
    for query in ("?month=2025-13", "?month=0000-01", "?month=abc&vehicle=99999999999999", "?status=x&page=zz"):
        assert login(org.alice).get("/vehicles/trips/" + query).status_code == 200


def test_the_log_does_a_constant_number_of_queries(org, fleet, login, drive, september):
    client = login(org.alice)
    page(client, URL)  # warm the per-process caches (content types, the working-day calendar)
    few, _ = page(client, URL)
    purposes = [f"第{i}次公务出行" for i in range(10)]
    for i, purpose in enumerate(purposes):
        drive(at(2025, 9, 20 + i // 5, 8 + i % 5), 10200 + 10 * i, at(2025, 9, 20 + i // 5, 8 + i % 5, 50),
              10205 + 10 * i, purpose=purpose, passengers=[org.bob])
    many, html = page(client, URL)
    assert many == few
    assert_shown(html, purposes)
