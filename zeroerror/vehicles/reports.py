"""Monthly figures of 公务用车 (clause 一(三)9): per-vehicle km, fuel, L/100km and running cost with the outliers
(the calculation is ``zeroerror.vehicles.consumption``), and the month's driven trips for the 公示 list and the
车辆使用登记表. Every query is scoped to the unit."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from zeroerror.vehicles import consumption
from zeroerror.vehicles.models import Cost, CostKind, Trip, TripStatus, Vehicle

HISTORY_MONTHS = 6


def _cents(value) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"))


def month_label(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _months_back(year: int, month: int, count: int) -> list[tuple[int, int]]:
    result = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        result.append((year, month))
    return result


def _bounds(first: tuple[int, int], last: tuple[int, int]) -> tuple[dt.date, dt.date]:
    start = dt.date(first[0], first[1], 1)
    end_year, end_month = (last[0] + 1, 1) if last[1] == 12 else (last[0], last[1] + 1)
    return start, dt.date(end_year, end_month, 1)


def month_trips(unit, year: int, month: int):
    """The month's driven trips (returned), by vehicle and time: the 公示 list and the 车辆使用登记表."""
    return (Trip.objects.of_unit(unit).filter(status=TripStatus.RETURNED).in_month(year, month).with_related()
            .order_by("vehicle__plate", "out_at", "pk"))


def vehicle_months(unit, year: int, month: int) -> tuple[list[consumption.VehicleMonth], dict]:
    """One assessed row per vehicle for the month (vehicles in service, and any that was used), and the totals."""
    history = _months_back(year, month, HISTORY_MONTHS)
    start, end = _bounds(history[-1], (year, month))
    vehicles = {v.pk: v for v in Vehicle.objects.of_unit(unit)}
    rows: dict[tuple[int, str], consumption.VehicleMonth] = {}

    def row(vehicle_id: int, label: str) -> consumption.VehicleMonth:
        key = (vehicle_id, label)
        if key not in rows:
            v = vehicles[vehicle_id]
            rows[key] = consumption.VehicleMonth(vehicle_id, v.plate, label, rated=v.rated_consumption)
        return rows[key]

    trips = (Trip.objects.of_unit(unit).filter(status=TripStatus.RETURNED, out_at__date__gte=start,
                                               out_at__date__lt=end).with_related())
    for trip in trips:
        local = timezone.localtime(trip.out_at)
        r = row(trip.vehicle_id, month_label(local.year, local.month))
        r.km += trip.distance or 0
        r.trips += 1
    costs = (Cost.objects.of_unit(unit).filter(incurred_on__gte=start, incurred_on__lt=end)
             .values("vehicle_id", "incurred_on__year", "incurred_on__month", "kind")
             .annotate(amount=Sum("amount"), litres=Sum("litres")))
    for c in costs:
        r = row(c["vehicle_id"], month_label(c["incurred_on__year"], c["incurred_on__month"]))
        amount, litres = _cents(c["amount"]), _cents(c["litres"])  # SQLite sums come back with float noise
        if c["kind"] == CostKind.FUEL:
            r.fuel_cost += amount
            r.litres += litres
        else:
            r.other_cost += amount
    label = month_label(year, month)
    for v in vehicles.values():
        if v.active:
            row(v.pk, label)
    shown = sorted((r for r in rows.values() if r.month == label), key=lambda r: r.plate)
    consumption.assess(shown, [r for r in rows.values() if r.month != label])
    return shown, consumption.totals(shown)


def cost_breakdown(unit, year: int, month: int) -> dict[int, dict[str, Decimal]]:
    """{vehicle id: {cost kind: amount}} for the month."""
    found: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for c in (Cost.objects.of_unit(unit).in_month(year, month).values("vehicle_id", "kind")
              .annotate(amount=Sum("amount"))):
        found[c["vehicle_id"]][c["kind"]] = _cents(c["amount"])
    return found
