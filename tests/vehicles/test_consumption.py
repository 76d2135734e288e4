"""Monthly fuel consumption and running cost per vehicle, without the database (clause 一(三)9)."""

from decimal import Decimal as D

import pytest

from zeroerror.vehicles.consumption import VehicleMonth, assess, totals


def month(label, km, litres, cost="0", rated=None, other="0", vehicle=1):
    return VehicleMonth(vehicle, "川H·A1234", label, km=km, litres=D(litres), fuel_cost=D(cost), other_cost=D(other),
                        rated=D(rated) if rated else None)


@pytest.mark.clause("一(三)9")
def test_it_computes_litres_per_100km_and_flags_above_the_rated_figure():
    ok, high = month("2025-09", 1000, "85", rated="8"), month("2025-10", 1000, "95", rated="8")
    assess([ok, high])
    assert (ok.per_100km, ok.outlier) == (D("8.50"), False)  # within 15% of 8 (9.20)
    assert high.per_100km == D("9.50")
    assert high.outliers == ["百公里油耗 9.50 升，超过标准 8 升的 15%"]


@pytest.mark.clause("一(三)9")
def test_without_a_rated_figure_it_compares_with_the_vehicles_usual_months():
    history = [month(f"2025-0{i}", 1000, "100") for i in range(3, 6)]
    usual, high = month("2025-06", 1000, "120"), month("2025-07", 1000, "130")
    assess([usual, high], history)
    assert not usual.outlier
    assert high.outliers == ["百公里油耗 13.00 升，高于本车常月 10.00 升的 25%"]


def test_fuel_without_km_and_a_cost_jump_are_flagged():
    history = [month(f"2025-0{i}", 500, "40", cost="300") for i in range(3, 6)]
    idle, dear = month("2025-06", 0, "50", cost="350"), month("2025-07", 500, "40", cost="300", other="900")
    assess([idle, dear], history)
    assert idle.outliers == ["加油 50 升，本月无行驶里程"]
    assert dear.outliers == ["运行费用 1200 元，为本车常月 300.00 元的 4.0 倍"]


def test_too_little_history_flags_nothing_and_totals_add_up():
    rows = assess([month("2025-06", 400, "40", cost="280"), month("2025-06", 600, "30", cost="210", vehicle=2)])
    assert not any(r.outlier for r in rows)
    assert totals(rows) == {"km": 1000, "litres": D("70"), "cost": D("490"), "trips": 0, "per_100km": D("7.00")}
