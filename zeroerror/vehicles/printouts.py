"""The forms of 公务用车 an office prints (clause 一(三)9): the 用车审批单（派车单） of one trip, the month's
车辆使用登记表 (every driven trip with odometer readings, and the per-vehicle fuel and running cost) and the month's
用车公示 list — as .docx (and PDF from it) and, for the tables, as .xlsx whose cells all go through
``core.sheets.append_row`` (via ``core.xlsx.add_table``)."""

from __future__ import annotations

from django.utils import timezone
from openpyxl import Workbook

from zeroerror.core.printdocx import PdfUnavailable, document, docx_bytes, para, table, title, to_pdf
from zeroerror.core.sheets import workbook_bytes
from zeroerror.core.xlsx import add_table, table_bytes
from zeroerror.vehicles import reports
from zeroerror.vehicles.models import Trip, TripStatus

__all__ = ["PdfUnavailable", "notice_docx", "notice_xlsx", "register_docx", "register_xlsx", "to_pdf", "trip_docx"]


def _t(moment, fmt: str = "%Y年%m月%d日 %H:%M") -> str:
    return timezone.localtime(moment).strftime(fmt) if moment else ""


def _km(value) -> str:
    return "" if value is None else str(value)


def trip_docx(trip: Trip) -> bytes:
    """用车审批单（派车单）: the request, the approval and, once driven, the readings."""
    doc = document()
    title(doc, "公务用车审批单（派车单）", trip.unit.name)
    approval = "（待审批）"
    if trip.approved_by_id:
        verdict = "不同意" if trip.status == TripStatus.REJECTED else "同意"
        approval = f"{verdict}{'：' + trip.decision_note if trip.decision_note else '。'}  {trip.approved_by.name}  " \
                   f"{_t(trip.approved_at)}"
    elif trip.unrequested:
        approval = f"未经申请，事后补登：{trip.late_reason}"
    rows = [
        ["用车科室", trip.department.name, "用车人", trip.requester.name],
        ["用车事由", trip.purpose, "目的地", trip.destinations],
        ["乘车人员", trip.passenger_names or "—", "车辆", f"{trip.vehicle.plate} {trip.vehicle.model}"],
        ["计划出车", _t(trip.planned_out_at), "计划回车", _t(trip.planned_back_at)],
        ["驾驶员", trip.driver.name, "状态", trip.get_status_display()],
    ]
    if trip.holiday:
        rows += [["节假日用车", trip.holiday_name,
                  "节假日工作事由", trip.holiday_reason or "（未填写，节假日应封存停驶）"]]
    rows += [
        ["实际出车", _t(trip.out_at) or "—", "出车里程", f"{trip.odometer_out} 公里" if trip.out_reading_id else "—"],
        ["实际回车", _t(trip.back_at) or "—", "回车里程", f"{trip.odometer_in} 公里" if trip.in_reading_id else "—"],
        ["行驶里程", f"{trip.distance} 公里" if trip.distance is not None else "—", "登记", trip.created_by.name],
        ["审批意见", approval, "", ""],
    ]
    grid = table(doc, None, rows, [2.8, 5.5, 2.8, 5.5])
    last = grid.rows[-1].cells
    last[1].merge(last[3])
    para(doc, "")
    para(doc, "用车人（签字）：                驾驶员（签字）：                派车人（签字）：")
    para(doc, f"打印时间：{_t(timezone.now())}", size=10)
    return docx_bytes(doc)


REGISTER_COLUMNS = ["日期", "车号", "用车科室", "用车人", "事由", "目的地", "出车时间", "回车时间", "出车里程",
                    "回车里程", "行驶里程（公里）", "驾驶员", "审批人", "备注"]
NOTICE_COLUMNS = ["日期", "车号", "用车科室", "用车人", "事由", "目的地", "行驶里程（公里）", "驾驶员"]
MONTH_COLUMNS = ["车号", "出车次数", "行驶里程（公里）", "加油量（升）", "百公里油耗（升）", "燃油费（元）",
                 "其他费用（元）", "运行费用合计（元）", "异常"]


def _note(trip: Trip) -> str:
    notes = [
        (trip.holiday, f"{trip.holiday_name}用车" + ("（已审批）" if trip.holiday_approved else "（无审批）")),
        (trip.unrequested, "事后补登"),
        (trip.corrected, "里程已更正"),
    ]
    return "；".join(text for applies, text in notes if applies)


def register_rows(trips) -> list[list]:
    return [[_t(t.out_at, "%m-%d"), t.vehicle.plate, t.department.name, t.requester.name, t.purpose,
             t.destinations, _t(t.out_at, "%m-%d %H:%M"), _t(t.back_at, "%m-%d %H:%M"), t.odometer_out,
             t.odometer_in, t.distance, t.driver.name, t.approved_by.name if t.approved_by_id else "", _note(t)]
            for t in trips]


def notice_rows(trips) -> list[list]:
    return [[_t(t.out_at, "%m-%d"), t.vehicle.plate, t.department.name, t.requester.name, t.purpose,
             t.destinations, t.distance, t.driver.name] for t in trips]


def month_rows(rows) -> list[list]:
    return [[r.plate, r.trips, r.km, r.litres, r.per_100km, r.fuel_cost, r.other_cost, r.cost, "；".join(r.outliers)]
            for r in rows]


def _heading(unit, year: int, month: int, what: str) -> str:
    return f"{unit.name}{year}年{month}月{what}"


def register_xlsx(unit, year: int, month: int) -> bytes:
    """车辆使用登记表 (.xlsx): the month's driven trips, and a second sheet with each vehicle's fuel and cost."""
    wb = Workbook()
    wb.remove(wb.active)
    add_table(wb, "车辆使用登记表", REGISTER_COLUMNS, register_rows(reports.month_trips(unit, year, month)),
              widths=[7, 11, 12, 8, 24, 22, 12, 12, 10, 10, 10, 8, 8, 18],
              heading=_heading(unit, year, month, "公务用车使用登记表"))
    rows, totals = reports.vehicle_months(unit, year, month)
    add_table(wb, "油耗与运行费用", MONTH_COLUMNS,
              month_rows(rows) + [["合计", totals["trips"], totals["km"], totals["litres"], totals["per_100km"], "",
                                   "", totals["cost"], ""]],
              widths=[11, 8, 12, 10, 12, 11, 11, 14, 40], heading=_heading(unit, year, month, "公务用车油耗与运行费用"))
    return workbook_bytes(wb)


def register_docx(unit, year: int, month: int) -> bytes:
    doc = document(landscape=True)
    title(doc, _heading(unit, year, month, "公务用车使用登记表"))
    trips = register_rows(reports.month_trips(unit, year, month))
    table(doc, REGISTER_COLUMNS, [["" if v is None else v for v in row] for row in trips]
          or [["", "（本月无出车）"] + [""] * 12], [1.3, 2.0, 1.9, 1.3, 3.6, 3.2, 1.9, 1.9, 1.5, 1.5, 1.3, 1.3, 1.3, 2.4],
          size=8)
    rows, totals = reports.vehicle_months(unit, year, month)
    para(doc, "")
    table(doc, MONTH_COLUMNS, [["" if v is None else v for v in row] for row in month_rows(rows)]
          + [["合计", totals["trips"], totals["km"], totals["litres"], totals["per_100km"] or "", "", "",
              totals["cost"], ""]], size=9)
    para(doc, "")
    para(doc, "登记人：                审核（办公室主任）：", size=11)
    return docx_bytes(doc)


def notice_xlsx(unit, year: int, month: int) -> bytes:
    return table_bytes("用车公示", NOTICE_COLUMNS, notice_rows(reports.month_trips(unit, year, month)),
                       widths=[7, 11, 12, 8, 26, 24, 10, 8], heading=_heading(unit, year, month, "公务用车使用情况公示"))


def notice_docx(unit, year: int, month: int) -> bytes:
    doc = document(landscape=True)
    title(doc, _heading(unit, year, month, "公务用车使用情况公示"))
    trips = list(reports.month_trips(unit, year, month))
    table(doc, NOTICE_COLUMNS, [["" if v is None else v for v in row] for row in notice_rows(trips)]
          or [["", "（本月无出车）", "", "", "", "", "", ""]], [1.6, 2.2, 2.4, 1.6, 6.0, 5.4, 2.0, 1.6], size=9)
    para(doc, "")
    para(doc, f"本月出车 {len(trips)} 次，行驶 {sum(t.distance or 0 for t in trips)} 公里。公示期间如有异议，"
              "请向院办公室或纪检监察室反映。", size=11)
    para(doc, f"{unit.name}办公室    {timezone.localdate():%Y年%m月%d日}", size=11)
    return docx_bytes(doc)
