"""门口海报: a printable A4 page for the meeting room's door — the meeting, its time and place, and a QR code that
opens the meeting's page (agenda, one's reply, one's seat). Sign-in is not on the door: its code rotates on the
desk screen (clause 一(二)7, 10), so a photo of the door cannot sign anyone in."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .banner import RED
from .fonts import draw_text, register_fonts, text_width

MARGIN = 18 * mm


@dataclass(frozen=True)
class Poster:
    title: str
    time: str  # e.g. "2026年12月12日 09:00–11:00"
    place: str
    organiser: str  # e.g. "院办公室 许强"
    url: str  # the meeting's page (built from ZEROERROR_SITE_URL)
    note: str = "签到请扫描会场签到屏上的动态二维码"


def _lines(text: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (CJK text breaks anywhere)."""
    lines, line = [], ""
    for ch in text:
        if line and text_width(line + ch, size, bold=True) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def poster_pdf(poster: Poster) -> bytes:
    """One A4 portrait page; deterministic for the same input."""
    register_fonts()
    page_w, page_h = A4
    width = page_w - 2 * MARGIN
    buf = BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(f"会议海报：{poster.title}")
    c.setCreator("zeroerror")
    c.setFillColorRGB(*RED)
    c.rect(0, page_h - 28 * mm, page_w, 28 * mm, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    draw_text(c, page_w / 2, page_h - 18 * mm, "会 议 通 知", 26, bold=True, align="centre")
    c.setFillColorRGB(0, 0, 0)
    size = 30
    lines = _lines(poster.title, size, width)
    while len(lines) > 3 and size > 16:
        size -= 2
        lines = _lines(poster.title, size, width)
    y = page_h - 28 * mm - 22 * mm
    for line in lines:
        draw_text(c, page_w / 2, y, line, size, bold=True, align="centre")
        y -= size * 1.35
    y -= 8 * mm
    for label, value in (("时间", poster.time), ("地点", poster.place), ("承办", poster.organiser)):
        draw_text(c, MARGIN + 10 * mm, y, f"{label}：{value}", 18)
        y -= 12 * mm
    side = 70 * mm
    widget = QrCodeWidget(poster.url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    drawing.add(widget)
    qr_y = max(MARGIN + 30 * mm, y - side - 6 * mm)
    renderPDF.draw(drawing, c, (page_w - side) / 2, qr_y)
    draw_text(c, page_w / 2, qr_y - 8 * mm, "扫码查看会议议程、回执和座位", 14, align="centre")
    c.setFillColorRGB(*RED)
    draw_text(c, page_w / 2, qr_y - 16 * mm, poster.note, 14, bold=True, align="centre")
    c.setFillColorRGB(0.35, 0.35, 0.35)
    draw_text(c, page_w / 2, MARGIN, poster.url, 9, align="centre")
    c.showPage()
    c.save()
    return buf.getvalue()
