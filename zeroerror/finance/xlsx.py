"""The budget-vs-actual report as .xlsx (openpyxl). Text cells that a spreadsheet would read as a formula (starting
with = + - @, or a tab / carriage return) are written with a leading apostrophe so they stay text."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from zeroerror.core.sheets import safe_cell as safe
from zeroerror.core.sheets import workbook_bytes
from zeroerror.finance.chart import MONTHS, LineFigures

MONEY_FORMAT = "#,##0.00"
ZERO = Decimal("0.00")


def budget_report(*, unit_name: str, year: int, figures: list[LineFigures], expenses: list[list]) -> bytes:
    """Sheet 预算执行: one row per line (budget, January–December, total, remaining, rate) and a total row;
    sheet 支出明细: the recorded expenses."""
    wb = Workbook()
    ws = wb.active
    ws.title = "预算执行"
    ws.append([safe(f"{unit_name} {year}年度办公室经费预算执行情况")])
    ws["A1"].font = Font(bold=True, size=14)
    header = ["预算项目", "支出类别", "预算金额", *MONTHS, "累计支出", "预算余额", "执行率(%)"]
    ws.append(header)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center")
    for f in figures:
        ws.append([safe(f.name), safe(f.category), f.budget, *f.months, f.actual, f.remaining,
                   f.rate if f.rate is not None else None])
    total_budget = sum((f.budget for f in figures), ZERO)
    months = [sum((f.months[i] for f in figures), ZERO) for i in range(12)]
    total_actual = sum(months, ZERO)
    ws.append(["合计", "", total_budget, *months, total_actual, total_budget - total_actual, None])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=3, min_col=3, max_col=len(header) - 1):
        for cell in row:
            cell.number_format = MONEY_FORMAT
    widths = [24, 16, 14] + [11] * 12 + [14, 14, 10]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "C3"

    detail = wb.create_sheet("支出明细")
    detail.append(["支出日期", "预算项目", "开支标准", "事由", "数量", "金额", "经办人", "特批", "特批人"])
    for cell in detail[1]:
        cell.font = Font(bold=True)
    for row in expenses:
        detail.append([safe(v) for v in row])
    for cell in detail["F"][1:]:
        cell.number_format = MONEY_FORMAT
    for i, width in enumerate([12, 24, 24, 40, 8, 14, 10, 16, 10], start=1):
        detail.column_dimensions[get_column_letter(i)].width = width
    return workbook_bytes(wb)
