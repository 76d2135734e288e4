"""Costs only at the designated providers (定点加油、定点维修、定点保险, clause 一(三)9): a cost elsewhere is recorded,
flagged and proposed as a lead; a wrong entry is reversed by a new, explained one."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.refusals import refused
from zeroerror.errors.models import Lead
from zeroerror.vehicles import actions
from zeroerror.vehicles.models import Cost, CostKind


def record(org, fleet, **kw):
    data = {"vehicle": fleet.car, "kind": CostKind.FUEL, "incurred_on": dt.date(2025, 9, 15),
            "amount": Decimal("350.00"), "litres": Decimal("45.50"), "provider": fleet.fuel, "actor": org.alice.user}
    data.update(kw)
    return actions.do_record_cost(**data)


@pytest.mark.clause("一(三)9")
def test_fuel_at_the_designated_station_is_no_lead(org, fleet):
    cost = record(org, fleet)
    assert cost.at_designated and cost.provider_name == "中石化青川城关加油站"
    assert not Lead.objects.exists()


@pytest.mark.clause("一(三)9")
def test_fuel_elsewhere_is_flagged_and_a_lead(org, fleet):
    cost = record(org, fleet, provider=None, provider_name="中石油高速服务区加油站", incurred_by=fleet.driver)
    assert not cost.at_designated
    lead = Lead.objects.for_source(cost).get()
    assert lead.clause.code == "一(三)9" and lead.person == fleet.driver
    assert "不是本车的定点加油单位“中石化青川城关加油站”" in lead.description


@pytest.mark.clause("一(三)9")
def test_a_repair_at_another_registered_shop_is_flagged(org, fleet):
    other = actions.do_create_provider(kind="repair", name="青川县某汽修店", actor=org.alice.user)
    cost = record(org, fleet, kind=CostKind.REPAIR, provider=other, litres=None, amount=Decimal("1200"))
    assert not cost.at_designated and Lead.objects.for_source(cost).exists()


def test_tolls_and_parking_have_no_designated_provider(org, fleet):
    cost = record(org, fleet, kind=CostKind.TOLL, provider=None, provider_name="绵广高速", litres=None,
                  amount=Decimal("45"))
    assert cost.at_designated and not Lead.objects.exists()


def test_bad_amounts_are_refused(org, fleet):
    with refused("金额须大于 0、小于 1000000，最多两位小数。"):
        record(org, fleet, amount=Decimal("1E+20"))
    with refused("金额须大于 0、小于 1000000，最多两位小数。"):
        record(org, fleet, amount=Decimal("-5"))
    with refused("请填写加油量（升）。"):
        record(org, fleet, litres=None)
    with refused("发生日期须在 2000 年之后，且不晚于今天。"):
        record(org, fleet, incurred_on=dt.date(9999, 1, 1))
    with refused("只有办公室可以登记车辆费用。"):
        record(org, fleet, actor=org.charlie.user)


def test_a_wrong_entry_is_reversed_not_edited(org, fleet):
    cost = record(org, fleet)
    reversal = actions.do_reverse_cost(cost, reason="重复登记", actor=org.alice.user)
    assert (reversal.amount, reversal.litres, reversal.reverses) == (Decimal("-350.00"), Decimal("-45.50"), cost)
    assert Cost.objects.count() == 2
    with refused("该笔费用已冲销。"):
        actions.do_reverse_cost(cost, reason="再次", actor=org.alice.user)
