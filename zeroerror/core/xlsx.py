"""Register exports as .xlsx (a heading, a styled header, wrapped rows), safe to open: every row goes through
``core.sheets.append_row``, the one place where text that starts like a formula (= + - @ …) is stored as text, so a
spreadsheet never runs it (CSV/formula injection, OWASP). Numbers, dates and booleans are written as they are."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from zeroerror.core.sheets import append_row, workbook_bytes


def add_table(wb: Workbook, title: str, columns: Sequence[str], rows: Iterable[Sequence], *,
              widths: Sequence[int] | None = None, heading: str = ""):
    """A sheet with an optional heading line, a bold header row and the escaped rows."""
    ws = wb.create_sheet(title[:31])
    if heading:
        append_row(ws, [heading])
        ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    append_row(ws, columns)
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row in rows:
        append_row(ws, ["" if v is None else v for v in row])
    for i, width in enumerate(widths or [], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for row in ws.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    return ws


def table_bytes(title: str, columns: Sequence[str], rows: Iterable[Sequence], *,
                widths: Sequence[int] | None = None, heading: str = "") -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    add_table(wb, title, columns, rows, widths=widths, heading=heading)
    return workbook_bytes(wb)
