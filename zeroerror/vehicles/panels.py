"""公务用车's panels on the 政务接待 home (``zeroerror.reception.panels``): today's trips, the vehicles sealed now,
last month's outliers of fuel consumption and running cost. Constant queries; unit-scoped; each reader sees the
trips they may see, and only those who see all costs see the outliers."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from zeroerror.reception.panels import Panel, register_panel
from zeroerror.vehicles import access, reports
from zeroerror.vehicles.models import Seal


def trips_today(person) -> Panel | None:
    today = timezone.localdate()
    trips = list(access.visible_trips(person).exclude(status__in=("rejected", "cancelled"))
                 .filter(planned_out_at__date__lte=today, planned_back_at__date__gte=today)
                 .select_related("vehicle", "driver", "requester").order_by("planned_out_at")[:30])
    if not trips and not access.sees_all(person):
        return None
    return Panel("今日用车", "vehicles/_panel_trips.html", {"trips": trips}, order=10)


def sealed_now(person) -> Panel | None:
    if not access.sees_all(person):
        return None
    seals = list(Seal.objects.filter(round__unit=person.unit).sealed().with_related().order_by("vehicle__plate")[:50])
    return Panel("封存中的车辆", "vehicles/_panel_seals.html", {"seals": seals}, order=11)


def outliers_last_month(person) -> Panel | None:
    if not access.sees_all(person):
        return None
    first = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    rows, _ = reports.vehicle_months(person.unit, first.year, first.month)
    flagged = [r for r in rows if r.outlier]
    return Panel(f"{first.year}年{first.month}月油耗与运行费用异常", "vehicles/_panel_outliers.html",
                 {"rows": flagged, "month": reports.month_label(first.year, first.month)}, order=12)


def register_panels() -> None:
    for fn in (trips_today, sealed_now, outliers_last_month):
        register_panel(fn)
