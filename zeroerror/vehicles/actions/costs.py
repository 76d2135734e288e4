"""Running costs per vehicle (单车核算, clause 一(三)9): fuel, repair and insurance only at the vehicle's designated
provider (定点加油、定点维修、定点保险); a cost elsewhere is recorded as it happened, flagged and proposed as a lead.
A wrong entry is reversed by a new, explained entry (红字冲销), never edited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.errors.actions import propose_lead
from zeroerror.org.models import Person
from zeroerror.vehicles import access
from zeroerror.vehicles.actions.common import check_text, require_person
from zeroerror.vehicles.models import CLAUSE, DESIGNATED_KINDS, Cost, CostKind, Provider, Vehicle

MAX_AMOUNT = Decimal("1000000")
MAX_LITRES = Decimal("500")


def _decimal(value, label: str, upper: Decimal) -> Decimal:
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(f"请填写{label}。") from None
    if not value.is_finite() or value <= 0 or value >= upper or value != value.quantize(Decimal("0.01")):
        raise ValidationError(f"{label}须大于 0、小于 {upper}，最多两位小数。")
    return value


@transaction.atomic(durable=True)
def do_record_cost(*, vehicle: Vehicle, kind: str, incurred_on: dt.date, amount, provider: Provider | None = None,
                   provider_name: str = "", litres=None, invoice_no: str = "", note: str = "",
                   incurred_by: Person | None = None, actor) -> Cost:
    """Record a cost. ``provider`` is one of the unit's registered providers; a cost at any other place names it in
    ``provider_name``. Fuel, repair and insurance away from the vehicle's designated provider are flagged and proposed
    as a lead against ``incurred_by`` (default: who records it)."""
    person = require_person(actor)
    if not access.can_manage_fleet(person):
        raise ValidationError("只有办公室可以登记车辆费用。")
    vehicle = Vehicle.objects.filter(pk=getattr(vehicle, "pk", None), unit=person.unit).first()
    if vehicle is None:
        raise ValidationError("请选择本单位的车辆。")
    if kind not in CostKind.values:
        raise ValidationError("请选择费用类别。")
    if not isinstance(incurred_on, dt.date) or not dt.date(2000, 1, 1) <= incurred_on <= timezone.localdate():
        raise ValidationError("发生日期须在 2000 年之后，且不晚于今天。")
    amount = _decimal(amount, "金额", MAX_AMOUNT)
    if kind == CostKind.FUEL:
        litres = _decimal(litres, "加油量（升）", MAX_LITRES)
    elif litres not in (None, ""):
        raise ValidationError("只有燃油费填写加油量。")
    else:
        litres = None
    if provider is not None and provider.unit_id != person.unit_id:
        raise ValidationError("请选择本单位登记的服务单位。")
    name = provider.name if provider is not None else check_text(provider_name, "请填写服务单位名称。", 100)
    incurred_by = incurred_by or person
    if incurred_by.unit_id != person.unit_id:
        raise ValidationError("经办人须为本单位人员。")
    designated = vehicle.designated(DESIGNATED_KINDS[kind]) if kind in DESIGNATED_KINDS else None
    at_designated = designated is None or (provider is not None and provider.pk == designated.pk)
    cost = Cost.objects.create(unit=person.unit, vehicle=vehicle, kind=kind, incurred_on=incurred_on, amount=amount,
                               litres=litres, provider=provider, provider_name=name, at_designated=at_designated,
                               invoice_no=(invoice_no or "").strip()[:40], note=(note or "").strip()[:200],
                               recorded_by=person)
    record("vehicles.cost.record", actor=actor, kind=AuditKind.CREATE, obj=cost,
           changes={"vehicle": vehicle.plate, "kind": kind, "incurred_on": incurred_on, "amount": str(amount),
                    "litres": str(litres) if litres else None, "provider": name, "at_designated": at_designated})
    if not at_designated:
        label = CostKind(kind).label
        propose_lead(CLAUSE, incurred_by, incurred_on,
                     f"{vehicle.plate} 于 {incurred_on:%Y-%m-%d} 在“{name}”发生{label} {amount} 元，"
                     f"不是本车的{DESIGNATED_KINDS[kind].label}单位“{designated.name}”（政府集中采购）。",
                     cost, actor=actor, source_label=f"车辆费用：{vehicle.plate} {label}",
                     source_url=access.vehicle_url(vehicle))
    return cost


@transaction.atomic(durable=True)
def do_reverse_cost(cost: Cost, *, reason: str, actor) -> Cost:
    """A wrong entry is reversed by a new entry of the opposite amount with the reason; both stay on record."""
    person = require_person(actor)
    if not access.can_manage_fleet(person):
        raise ValidationError("只有办公室可以登记车辆费用。")
    cost = Cost.objects.select_for_update().get(pk=cost.pk, unit=person.unit)
    if cost.reverses_id is not None:
        raise ValidationError("冲销记录不能再冲销。")
    if Cost.objects.filter(reverses=cost).exists():
        raise ValidationError("该笔费用已冲销。")
    reason = check_text(reason, "请说明冲销原因。", 200)
    reversal = Cost.objects.create(
        unit=cost.unit, vehicle=cost.vehicle, kind=cost.kind, incurred_on=cost.incurred_on, amount=-cost.amount,
        litres=-cost.litres if cost.litres else None, provider=cost.provider, provider_name=cost.provider_name,
        at_designated=cost.at_designated, invoice_no=cost.invoice_no, note=reason, reverses=cost, recorded_by=person)
    record("vehicles.cost.reverse", actor=actor, kind=AuditKind.CREATE, obj=reversal,
           changes={"reverses": cost.pk, "amount": str(reversal.amount), "reason": reason})
    return reversal
