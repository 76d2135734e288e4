"""Small real files of each accepted kind, built in memory, and a tracked item of alice's to attach them to."""

import io
import struct
import zipfile
import zlib
from datetime import timedelta

import pytest
from django.utils import timezone


def png_bytes() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"\x00\xff\x00\x00"  # one red pixel
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pdf_bytes() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    page = canvas.Canvas(buf)
    page.drawString(72, 720, "zeroerror")
    page.save()
    return buf.getvalue()


def docx_bytes(text="关于开展零差错工作的通知") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["姓名", "科室"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def bomb_docx_bytes() -> bytes:
    """A structurally valid docx with one member that inflates about a thousandfold."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        target.writestr("word/media/padding.bin", b"\x00" * (8 * 1024 * 1024))
    return out.getvalue()


@pytest.fixture
def item(org):
    from zeroerror.tracking.actions import do_create_tracked_item

    return do_create_tracked_item(title="报送年度总结", owner=org.alice, due_at=timezone.now() + timedelta(days=3),
                                  area="documents", actor=org.dora.user)
