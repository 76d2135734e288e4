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
    for row in rows:
        ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xlsx_upload(rows, header=tuple(COLUMNS), name="名册.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, xlsx_bytes(rows, header),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@pytest.fixture
def make_xlsx():
    return xlsx_upload
