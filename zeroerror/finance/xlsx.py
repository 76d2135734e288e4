"""The budget-vs-actual report as .xlsx (openpyxl). Every row goes through ``core.sheets.append_row``, so text that a
spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) is stored as text, shown as typed."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from zeroerror.core.sheets import append_row, workbook_bytes
from zeroerror.finance.chart import MONTHS, LineFigures, total_of

MONEY_FORMAT = "#,##0.00"
ZERO = Decimal("0.00")


def budget_report(*, unit_name: str, year: int, figures: list[LineFigures], expenses: list[list]) -> bytes:
    """Sheet 预算执行: one row per line (budget as first approved, the approved adjustments, budget as adjusted,
    January–December, total, remaining, rate) and a total row;
    sheet 支出明细: the recorded expenses."""
    wb = Workbook()
    ws = wb.active
    ws.title = "预算执行"
    append_row(ws, [f"{unit_name} {year}年度办公室经费预算执行情况"])
    ws["A1"].font = Font(bold=True, size=14)
    header = ["预算项目", "支出类别", "年初预算", "调整", "调整后预算", *MONTHS, "累计支出", "预算余额", "执行率(%)"]
    append_row(ws, header)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center")
    for f in [*figures, total_of(figures)]:
        append_row(ws, [f.name, f.category, f.original, f.adjusted, f.budget, *f.months, f.actual, f.remaining,
                        f.rate])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=3, min_col=3, max_col=len(header) - 1):
        for cell in row:
            cell.number_format = MONEY_FORMAT
    widths = [24, 16, 14, 12, 14] + [11] * 12 + [14, 14, 10]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "F3"

    detail = wb.create_sheet("支出明细")
    append_row(detail, ["支出日期", "预算项目", "开支标准", "事由", "数量", "金额", "经办人", "特批", "特批人"])
    for cell in detail[1]:
        cell.font = Font(bold=True)
    for row in expenses:
        append_row(detail, row)
    for cell in detail["F"][1:]:
        cell.number_format = MONEY_FORMAT
    for i, width in enumerate([12, 24, 24, 40, 8, 14, 10, 16, 10], start=1):
        detail.column_dimensions[get_column_letter(i)].width = width
    return workbook_bytes(wb)
