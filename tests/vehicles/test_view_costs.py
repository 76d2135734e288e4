"""The cost pages (clause 一(三)9): the office records a cost; one away from the designated provider is marked 非定点
on the month's list; those who do not see all costs are refused; the monthly figures show cents, not float noise."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.vehicles import actions
from zeroerror.vehicles.models import Cost, CostKind


def form(fleet, **kw):
    data = {"vehicle": fleet.car.pk, "kind": "fuel", "incurred_on": "2025-09-15", "amount": "350.00", "litres": "45.5",
            "provider": fleet.fuel.pk, "provider_name": "", "invoice_no": "No.123", "note": ""}
    data.update(kw)
    return data


def cost(org, fleet, day, amount, **kw):
    data = {"vehicle": fleet.car, "kind": CostKind.FUEL, "incurred_on": dt.date(2025, 9, day),
            "amount": Decimal(amount), "litres": Decimal("10.10"), "provider": fleet.fuel, "actor": org.alice.user}
    data.update(kw)
    return actions.do_record_cost(**data)


@pytest.mark.clause("一(三)9")
def test_the_office_records_a_cost_and_one_elsewhere_is_marked(org, fleet, login):
    client = login(org.alice)
    assert client.post("/vehicles/costs/new/", form(fleet)).status_code == 302
    assert client.post("/vehicles/costs/new/", form(fleet, provider="", provider_name="中石油高速服务区加油站")
                       ).status_code == 302
    _, html = page(client, "/vehicles/costs/?month=2025-09")
    assert_shown(html, ["中石化青川城关加油站", "中石油高速服务区加油站 <span class=\"tag bad\">非定点</span>", "350.00"])
    assert Cost.objects.filter(at_designated=False).count() == 1


def test_a_fuel_cost_without_litres_is_refused_with_the_message(org, fleet, login):
    with nothing_changes():
        html = login(org.alice).post("/vehicles/costs/new/", form(fleet, litres="")).content.decode()
    assert "请填写加油量（升）。" in html


def test_the_cost_list_keeps_its_query_count(org, fleet, login):
    cost(org, fleet, 1, "100.00")
    client = login(org.director)
    page(client, "/vehicles/costs/?month=2025-09")
    few, _ = page(client, "/vehicles/costs/?month=2025-09")
    for day in range(2, 12):
        cost(org, fleet, day, f"{day}0.00", vehicle=fleet.van if day % 2 else fleet.car)
    many, html = page(client, "/vehicles/costs/?month=2025-09")
    assert many == few
    assert_shown(html, ["110.00", "川H·B5678"])


def test_the_monthly_figures_are_in_cents(org, fleet, login, drive):
    from tests.vehicles.conftest import at

    drive(at(2025, 9, 1, 8), 10000, at(2025, 9, 1, 12), 10100)
    for day in range(1, 4):
        cost(org, fleet, day, "0.10")
    cost(org, fleet, 4, "0.20", kind=CostKind.TOLL, provider=None, provider_name="绵广高速", litres=None)
    _, html = page(login(org.alice), "/vehicles/monthly/?month=2025-09")
    assert "30.30" in html and "0.30000" not in html and "0.50" in html


def test_staff_see_no_costs_and_record_none(org, fleet, login):
    client = login(org.charlie)
    assert refusal(client.get("/vehicles/costs/")) == (403, "车辆费用由办公室登记，办公室、单位领导和督查人员可以查看。")
    assert refusal(client.get("/vehicles/monthly/")) == (403, "月度油耗与运行费用由办公室、单位领导和督查人员查看。")
    with nothing_changes():
        assert refusal(client.post("/vehicles/costs/new/", form(fleet))) == (403, "只有办公室可以管理公务用车。")
