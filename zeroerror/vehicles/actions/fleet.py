"""The fleet (clause 一(三)9): designated providers (政府集中采购) and vehicles with their designated insurer, repair
shop, fuel station and parking place. A vehicle starts its odometer ledger with the reading at registration."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record, snapshot
from zeroerror.vehicles import access
from zeroerror.vehicles.actions.common import add_reading, check_text, check_value, require_person
from zeroerror.vehicles.models import Provider, ProviderKind, ReadingKind, Vehicle

PROVIDER_FIELDS = ["kind", "name", "contract_no", "address", "active"]
VEHICLE_FIELDS = ["plate", "model", "seats", "rated_consumption", "insurer", "repair_shop", "fuel_station", "parking",
                  "active"]


def _require_office(actor):
    person = require_person(actor)
    if not access.can_manage_fleet(person):
        raise ValidationError("只有办公室可以管理公务用车。")
    return person


def _diff(before: dict, after: dict) -> dict:
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def _check_provider(unit, kind: str, name: str, exclude_pk=None) -> str:
    if kind not in ProviderKind.values:
        raise ValidationError("请选择服务类别。")
    name = check_text(name, "请填写服务单位名称。", 100)
    if Provider.objects.of_unit(unit).filter(kind=kind, name=name).exclude(pk=exclude_pk).exists():
        raise ValidationError(f"{ProviderKind(kind).label}单位“{name}”已登记。")
    return name


@transaction.atomic(durable=True)
def do_create_provider(*, kind: str, name: str, contract_no: str = "", address: str = "", actor) -> Provider:
    person = _require_office(actor)
    name = _check_provider(person.unit, kind, name)
    provider = Provider.objects.create(unit=person.unit, kind=kind, name=name, contract_no=contract_no.strip()[:60],
                                       address=address.strip()[:200])
    record("vehicles.provider.create", actor=actor, kind=AuditKind.CREATE, obj=provider,
           changes={"after": snapshot(provider, PROVIDER_FIELDS)})
    return provider


@transaction.atomic(durable=True)
def do_update_provider(provider: Provider, *, actor, **fields) -> Provider:
    person = _require_office(actor)
    provider = Provider.objects.select_for_update().get(pk=provider.pk, unit=person.unit)
    before = snapshot(provider, PROVIDER_FIELDS)
    for key in ("name", "contract_no", "address", "active"):
        if key in fields:
            setattr(provider, key, fields[key].strip() if isinstance(fields[key], str) else fields[key])
    provider.name = _check_provider(person.unit, provider.kind, provider.name, exclude_pk=provider.pk)
    provider.save(update_fields=["name", "contract_no", "address", "active"])
    record("vehicles.provider.update", actor=actor, kind=AuditKind.CHANGE, obj=provider,
           changes=_diff(before, snapshot(provider, PROVIDER_FIELDS)))
    return provider


def _check_vehicle_fields(unit, data: dict, exclude_pk=None) -> dict:
    data["plate"] = check_text(data.get("plate"), "请填写号牌。", 20).upper()
    data["model"] = check_text(data.get("model"), "请填写品牌型号。", 60)
    data["parking"] = check_text(data.get("parking"), "请填写指定停放地点。", 100)
    seats = data.get("seats")
    if isinstance(seats, bool) or not isinstance(seats, int) or not 1 <= seats <= 60:
        raise ValidationError("核定座位须为 1 至 60 之间的整数。")
    rated = data.get("rated_consumption")
    if rated is not None and not (isinstance(rated, Decimal) and Decimal("1") <= rated <= Decimal("99")):
        raise ValidationError("百公里油耗标准须在 1 至 99 升之间。")
    for field, kind in (("insurer", ProviderKind.INSURANCE), ("repair_shop", ProviderKind.REPAIR),
                        ("fuel_station", ProviderKind.FUEL)):
        provider = data.get(field)
        if provider is None or provider.unit_id != unit.pk or provider.kind != kind or not provider.active:
            raise ValidationError(f"请选择本单位有效的{ProviderKind(kind).label}单位（政府集中采购）。")
    if Vehicle.objects.of_unit(unit).filter(plate=data["plate"]).exclude(pk=exclude_pk).exists():
        raise ValidationError(f"号牌 {data['plate']} 已登记。")
    return data


@transaction.atomic(durable=True)
def do_create_vehicle(*, odometer: int, odometer_at=None, actor, **fields) -> Vehicle:
    """``odometer_at``: when the registration reading was taken (default now; never in the future)."""
    person = _require_office(actor)
    check_value(odometer, "登记时里程表读数")
    odometer_at = odometer_at or timezone.now()
    if odometer_at > timezone.now():
        raise ValidationError("登记读数的时间不能晚于当前时间。")
    data = _check_vehicle_fields(person.unit, {k: fields.get(k) for k in VEHICLE_FIELDS if k != "active"})
    vehicle = Vehicle.objects.create(unit=person.unit, **data)
    add_reading(vehicle, ReadingKind.INITIAL, odometer, odometer_at, person=person, reason="车辆登记")
    record("vehicles.vehicle.create", actor=actor, kind=AuditKind.CREATE, obj=vehicle,
           changes={"after": snapshot(vehicle, VEHICLE_FIELDS), "odometer": odometer})
    return vehicle


@transaction.atomic(durable=True)
def do_update_vehicle(vehicle: Vehicle, *, actor, **fields) -> Vehicle:
    person = _require_office(actor)
    vehicle = Vehicle.objects.select_for_update().get(pk=vehicle.pk, unit=person.unit)
    before = snapshot(vehicle, VEHICLE_FIELDS)
    data = {k: fields.get(k, getattr(vehicle, k)) for k in VEHICLE_FIELDS}
    active = bool(data.pop("active"))
    data = _check_vehicle_fields(person.unit, data, exclude_pk=vehicle.pk)
    for key, value in data.items():
        setattr(vehicle, key, value)
    vehicle.active = active
    vehicle.save(update_fields=VEHICLE_FIELDS)
    record("vehicles.vehicle.update", actor=actor, kind=AuditKind.CHANGE, obj=vehicle,
           changes=_diff(before, snapshot(vehicle, VEHICLE_FIELDS)))
    return vehicle
