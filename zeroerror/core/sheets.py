"""Reading and writing the .xlsx sheets people import and export (roster, monthly pay, document lists, …) — one
place for the file handling.

Imports are all-or-nothing: callers read every row with ``read_sheet``, check each one, collect
``(row number, reason)`` for the bad ones and write nothing unless there are none.

Exports go through ``export_workbook`` (or ``append_row``): every text cell passes ``safe_cell``, so a title typed as
``=HYPERLINK(...)`` is stored as text and never becomes a live formula in Excel or WPS (formula injection). CSV
files use ``safe_csv_row`` for the same reason.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SheetError(Exception):
    """The file as a whole cannot be used (not an .xlsx, empty, wrong header, too many rows)."""


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_sheet(data: bytes, columns: Sequence[str], *, max_rows: int = 5000,
               optional: Sequence[str] = ()) -> list[tuple[int, dict[str, str]]]:
    """The non-empty rows of the first sheet as ``(row number, {column: text})``; the header must name ``columns``
    (those in ``optional`` may be missing: their text is then "")."""
    try:
        # read-only workbooks parse the sheet lazily: a damaged sheet only fails while its rows are read
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            rows = list(wb.worksheets[0].iter_rows(values_only=True))
        finally:
            wb.close()
    except Exception as exc:  # openpyxl raises many kinds (zip, XML, key and value errors)
        raise SheetError("无法读取文件：请上传由模板填写的 .xlsx 文件。") from exc
    if not rows:
        raise SheetError("文件为空。")
    header = [cell_text(v) for v in rows[0]]
    missing = [c for c in columns if c not in header and c not in optional]
    if missing:
        raise SheetError("表头缺少列：" + "、".join(missing) + "。请使用下载的模板。")
    index = {name: header.index(name) if name in header else None for name in columns}
    body = []
    for number, raw in enumerate(rows[1:], start=2):
        if not any(cell_text(v) for v in raw):
            continue
        body.append((number, {name: cell_text(raw[i]) if i is not None and i < len(raw) else ""
                              for name, i in index.items()}))
    if len(body) > max_rows:
        raise SheetError(f"一次最多导入 {max_rows} 行。")
    return body


# A spreadsheet program treats text starting with one of these as a formula (OWASP "CSV injection"); tab and carriage
# return too, and the full-width forms that WPS accepts as well.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def safe_cell(value):
    """``value`` fit for a cell: text that a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + value if is_formula_like(value) else value


def append_row(ws, values: Iterable) -> None:
    """Append one row of values to ``ws``; formula-like text is stored as a text cell (shown as typed, never run)."""
    ws.append(list(values))
    for cell in ws[ws.max_row]:
        if is_formula_like(cell.value) or cell.data_type == "f":
            cell.data_type = "s"  # openpyxl marks text starting with "=" as a formula: store it as a string
            cell.quotePrefix = True  # and tell Excel/WPS to keep it text when the cell is edited


def export_workbook(title: str, header: Sequence[str], rows: Iterable[Sequence]) -> Workbook:
    """A one-sheet export: a bold header and the rows, every cell through ``append_row``."""
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    append_row(ws, header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(ws, row)
    return wb


def safe_csv_row(values: Iterable) -> list:
    return [safe_cell(v) for v in values]


def workbook_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def template_bytes(
    title: str,
    columns: Sequence[str],
    examples: Iterable[Sequence] = (),
    *,
    notes: Mapping[str, str] | None = None,
    widths: Sequence[int] | None = None,
) -> bytes:
    """A template to fill in: a bold header row, example rows, and a 填写说明 sheet with one note per column."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row in examples:
        ws.append(list(row))
    for i, width in enumerate(widths or [], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    if notes:
        help_ws = wb.create_sheet("填写说明")
        help_ws.append(["列", "说明"])
        for key, value in notes.items():
            help_ws.append([key, value])
    return workbook_bytes(wb)
