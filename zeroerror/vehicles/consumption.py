"""Monthly fuel consumption and running cost per vehicle (单车核算, clause 一(三)9) — pure Python, no Django.

The input is one ``VehicleMonth`` per vehicle and month (km driven by the trips of the month, litres and money of the
costs of the month); the output marks the months to look at:

* fuel bought in a month with no km driven (加油无里程);
* L/100km more than ``RATED_TOLERANCE`` above the vehicle's 百公里油耗标准, or — for a vehicle without one — more
  than ``HISTORY_TOLERANCE`` above the median of its other months (at least ``MIN_HISTORY`` of them);
* a running cost more than ``COST_FACTOR`` times the median of the vehicle's other months.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

RATED_TOLERANCE = Decimal("0.15")
HISTORY_TOLERANCE = Decimal("0.25")
COST_FACTOR = Decimal("2")
MIN_HISTORY = 3
CENT = Decimal("0.01")


@dataclass
class VehicleMonth:
    vehicle_id: int
    plate: str
    month: str  # "YYYY-MM"
    km: int = 0
    litres: Decimal = Decimal("0")
    fuel_cost: Decimal = Decimal("0")
    other_cost: Decimal = Decimal("0")
    trips: int = 0
    rated: Decimal | None = None
    outliers: list[str] = field(default_factory=list)

    @property
    def cost(self) -> Decimal:
        return self.fuel_cost + self.other_cost

    @property
    def per_100km(self) -> Decimal | None:
        if self.km <= 0 or self.litres <= 0:
            return None
        return (self.litres * 100 / self.km).quantize(CENT, ROUND_HALF_UP)

    @property
    def cost_per_km(self) -> Decimal | None:
        if self.km <= 0:
            return None
        return (self.cost / self.km).quantize(CENT, ROUND_HALF_UP)

    @property
    def outlier(self) -> bool:
        return bool(self.outliers)


def assess(rows: list[VehicleMonth], history: list[VehicleMonth] = ()) -> list[VehicleMonth]:
    """Fill ``outliers`` of ``rows`` (the months shown), comparing each with the vehicle's other months in
    ``rows`` + ``history``. Returns ``rows``."""
    by_vehicle: dict[int, list[VehicleMonth]] = defaultdict(list)
    for row in [*rows, *history]:
        by_vehicle[row.vehicle_id].append(row)
    for row in rows:
        others = [o for o in by_vehicle[row.vehicle_id] if o.month != row.month]
        row.outliers = _findings(row, others)
    return rows


def _findings(row: VehicleMonth, others: list[VehicleMonth]) -> list[str]:
    found = []
    if row.litres > 0 and row.km <= 0:
        found.append(f"加油 {row.litres} 升，本月无行驶里程")
    rate = row.per_100km
    if rate is not None:
        if row.rated:
            limit = (row.rated * (1 + RATED_TOLERANCE)).quantize(CENT, ROUND_HALF_UP)
            if rate > limit:
                found.append(f"百公里油耗 {rate} 升，超过标准 {row.rated} 升的 15%")
        else:
            rates = [o.per_100km for o in others if o.per_100km is not None]
            if len(rates) >= MIN_HISTORY:
                usual = Decimal(median(rates)).quantize(CENT, ROUND_HALF_UP)
                if rate > usual * (1 + HISTORY_TOLERANCE):
                    found.append(f"百公里油耗 {rate} 升，高于本车常月 {usual} 升的 25%")
    costs = [o.cost for o in others if o.cost > 0]
    if row.cost > 0 and len(costs) >= MIN_HISTORY:
        usual = Decimal(median(costs)).quantize(CENT, ROUND_HALF_UP)
        if usual > 0 and row.cost > usual * COST_FACTOR:
            found.append(f"运行费用 {row.cost} 元，为本车常月 {usual} 元的 {(row.cost / usual).quantize(Decimal('0.1'))} 倍")
    return found


def totals(rows: list[VehicleMonth]) -> dict:
    km = sum(r.km for r in rows)
    litres = sum((r.litres for r in rows), Decimal("0"))
    cost = sum((r.cost for r in rows), Decimal("0"))
    return {"km": km, "litres": litres, "cost": cost, "trips": sum(r.trips for r in rows),
            "per_100km": (litres * 100 / km).quantize(CENT, ROUND_HALF_UP) if km and litres else None}
