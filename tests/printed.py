"""Reading printed forms back in tests: the text of a .docx (paragraphs, then each table row as ``a | b | c``), of a
PDF (pdftotext) and the rows of an .xlsx sheet."""

from __future__ import annotations

import io
import subprocess

from docx import Document
from openpyxl import load_workbook

from tests.tools import need


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return subprocess.run([need("pdftotext"), "-layout", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()


def xlsx_rows(data: bytes, sheet: str | None = None) -> list[list]:
    wb = load_workbook(io.BytesIO(data))
    ws = wb[sheet] if sheet else wb.active
    return [list(row) for row in ws.iter_rows(values_only=True)]
