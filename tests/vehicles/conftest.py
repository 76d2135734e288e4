"""The test unit's fleet: designated providers, two vehicles, two drivers (of 总务科, not the office) and helpers to drive."""

from datetime import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import DepartmentFactory, PersonFactory, give_role
from zeroerror.org.roles import Role
from zeroerror.vehicles import actions
from zeroerror.vehicles.models import ProviderKind


def at(year, month, day, hour=9, minute=0) -> datetime:
    """An aware local (Asia/Shanghai) moment."""
    return timezone.make_aware(datetime(year, month, day, hour, minute))


@pytest.fixture
def fleet(org):
    def provider(kind, name):
        return actions.do_create_provider(kind=kind, name=name, contract_no=f"QC-ZFCG-{name[:2]}",
                                          actor=org.alice.user)

    ns = type("Fleet", (), {})()
    ns.insurer = provider(ProviderKind.INSURANCE, "人保财险青川支公司")
    ns.repair = provider(ProviderKind.REPAIR, "青川县汽车修理厂")
    ns.fuel = provider(ProviderKind.FUEL, "中石化青川城关加油站")
    ns.pool = DepartmentFactory(unit=org.unit, name="总务科")  # the drivers (车队) are not office staff
    ns.driver = PersonFactory(user__username="driver", name="丁师傅", department=ns.pool)
    give_role(ns.driver, Role.DRIVER)
    ns.driver2 = PersonFactory(user__username="driver2", name="韩师傅", department=ns.pool)
    give_role(ns.driver2, Role.DRIVER)

    def vehicle(plate, odometer=10000, seats=5, **kw):
        data = {"plate": plate, "model": "大众帕萨特", "seats": seats, "rated_consumption": Decimal("8.00"),
                "insurer": ns.insurer, "repair_shop": ns.repair, "fuel_station": ns.fuel, "parking": "行政楼地下车库",
                "odometer": odometer, "odometer_at": at(2025, 1, 1)}
        data.update(kw)
        return actions.do_create_vehicle(actor=org.alice.user, **data)

    ns.vehicle = vehicle
    ns.car = vehicle("川H·A1234")
    ns.van = vehicle("川H·B5678", odometer=50000, seats=7)
    return ns


@pytest.fixture
def drive(org, fleet):
    """Log a completed trip (补登) as the office: drive(out, odometer_out, back, odometer_in, **kw)."""
    def make(out_at, odometer_out, back_at=None, odometer_in=None, **kw):
        data = {"vehicle": fleet.car, "driver": fleet.driver, "requester": org.charlie, "purpose": "下乡义诊",
                "destinations": "青川县乔庄镇卫生院", "out_at": out_at, "odometer_out": odometer_out,
                "back_at": back_at, "odometer_in": odometer_in, "late_reason": "急诊转运，事后补登",
                "actor": org.alice.user}
        data.update(kw)
        return actions.do_log_trip(**data)

    return make


@pytest.fixture
def requested(org, fleet):
    """A request as charlie: requested(out, back, **kw)."""
    def make(planned_out_at, planned_back_at, **kw):
        data = {"vehicle": fleet.car, "driver": fleet.driver, "purpose": "赴市卫健委汇报工作",
                "destinations": "广元市卫生健康委员会", "planned_out_at": planned_out_at,
                "planned_back_at": planned_back_at, "actor": org.charlie.user}
        data.update(kw)
        return actions.do_request_trip(**data)

    return make
