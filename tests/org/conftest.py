import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from zeroerror.org.roster import COLUMNS


def xlsx_bytes(rows, header=tuple(COLUMNS)) -> bytes:
    wb = Workbook()
    ws = wb.active
    if header is not None:
        ws.append(list(header))
    for n, row in enumerate(rows, start=1):
        row = list(row)
        if header is not None and len(row) == len(header) - 1 and header[-1] == "工号":
            row.append(f"T{n:03d}" if any(v not in (None, "") for v in row) else None)  # 工号 unless the row is blank
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xlsx_upload(rows, header=tuple(COLUMNS), name="名册.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, xlsx_bytes(rows, header),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@pytest.fixture
def make_xlsx():
    return xlsx_upload
