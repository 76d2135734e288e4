"""The month's 用车公示 page (clause 一(三)9): every driven trip of the unit for everyone of it, constant queries."""

import pytest

from tests.pages import assert_shown, page
from tests.vehicles.conftest import at

URL = "/vehicles/notice/?month=2025-09"


@pytest.mark.clause("一(三)9")
def test_everyone_of_the_unit_sees_the_months_trips_in_constant_queries(org, fleet, login, drive):
    drive(at(2025, 9, 1, 8), 10000, at(2025, 9, 1, 10), 10030, purpose="送检验标本")
    client = login(org.charlie)
    page(client, URL)  # the first request fills the content-type cache
    few, html = page(client, URL)
    assert_shown(html, ["送检验标本", "川H·A1234", "丁师傅", "本月出车 1 次，行驶 30 公里"])
    for day in range(2, 12):
        drive(at(2025, 9, day, 8), 10000 + day * 30, at(2025, 9, day, 10), 10000 + day * 30 + 30,
              purpose=f"第{day}次出车", passengers=[org.bob])
    many, html = page(client, URL)
    assert many == few
    assert_shown(html, [f"第{day}次出车" for day in range(2, 12)] + ["本月出车 11 次，行驶 330 公里"])


def test_another_unit_and_another_month_show_nothing(org, login, drive, other_unit):
    drive(at(2025, 9, 1, 8), 10000, at(2025, 9, 1, 10), 10030, purpose="送检验标本")
    _, html = page(login(other_unit.director), URL)
    assert "送检验标本" not in html and "本月没有出车记录" in html
    _, html = page(login(org.alice), "/vehicles/notice/?month=2025-10")
    assert "送检验标本" not in html
    _, html = page(login(org.alice), "/vehicles/notice/?month=<script>")
    assert "用车公示" in html
