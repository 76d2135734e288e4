"""The printed 用印登记簿 and 介绍信存根, drawn with reportlab in the ruled layout of the paper books offices file.

Takes plain rows (the models' attributes are read, nothing is queried) and returns PDF bytes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

from django.utils import timezone
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas

from zeroerror.meetings.pdf.fonts import draw_text, text_width
from zeroerror.seals import rules

# (header, width in mm) of the register's columns; the widths add up to the printable width of A4 landscape
REGISTER_COLUMNS = [
    ("登记号", 16), ("用印日期", 22), ("印章", 28), ("用印文件名称", 52), ("份数", 12), ("用印事由", 36),
    ("申请人（科室）", 28), ("批准人", 18), ("监印人", 18), ("入柜确认", 24), ("备注", 23),
]
ROWS_PER_PAGE = 15
ROW_HEIGHT = 10 * mm
FONT = 8.5


def _wrap(text: str, width: float, size: float, max_lines: int) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if text_width(line + ch, size) > width:
            lines.append(line)
            line = ch
            if len(lines) == max_lines:
                break
        else:
            line += ch
    else:
        lines.append(line)
        return lines
    last = lines[-1]
    while last and text_width(last + "…", size) > width:
        last = last[:-1]
    lines[-1] = last + "…"
    return lines[:max_lines]


def _cell(c, x: float, top: float, width: float, height: float, text: str, size: float = FONT,
          align: str = "left") -> None:
    lines = _wrap(text, width - 2 * mm, size, 2)
    line_h = size * 1.25
    y = top - height / 2 - (len(lines) * line_h) / 2 + line_h * 0.3
    for i, line in enumerate(lines):
        ly = y + (len(lines) - 1 - i) * line_h
        if align == "centre":
            draw_text(c, x + width / 2, ly, line, size, align="centre")
        else:
            draw_text(c, x + 1 * mm, ly, line, size)


def _local(dt: datetime | None, fmt: str) -> str:
    return timezone.localtime(dt).strftime(fmt) if dt else ""


def register_row(use) -> list[str]:
    confirmation = getattr(use, "safe_return", None) if use.kind == "use" else None
    if use.kind == "correction":
        note = f"更正第{use.corrects.number}号：{use.reason}"
        confirmed = "—"
    else:
        note = use.note
        confirmed = (_local(confirmation.confirmed_at, "%m-%d %H:%M") + ("（逾时）" if confirmation.late else "")
                     if confirmation else "未确认")
    return [
        f"{use.number:04d}", _local(use.used_at, "%Y-%m-%d"), use.seal.name, use.document, str(use.copies),
        use.purpose, f"{use.requester.name}（{use.requester.department.name}）", use.approver.name, use.custodian.name, confirmed, note,
    ]


def register_pdf(unit_name: str, year: int, uses: Sequence) -> bytes:
    """用印登记簿 of one year: a title, the ruled table, page numbers; empty ruled rows fill the last page."""
    buffer = io.BytesIO()
    page_w, page_h = landscape(A4)
    c = pdfcanvas.Canvas(buffer, pagesize=(page_w, page_h))
    c.setTitle(f"{unit_name}用印登记簿（{year}年）")
    widths = [w * mm for _, w in REGISTER_COLUMNS]
    left = (page_w - sum(widths)) / 2
    rows = [register_row(u) for u in uses]
    pages = max(1, -(-len(rows) // ROWS_PER_PAGE))
    for page in range(pages):
        draw_text(c, page_w / 2, page_h - 18 * mm, "用印登记簿", 18, bold=True, align="centre", char_space=8)
        draw_text(c, left, page_h - 27 * mm, f"单位：{unit_name}", 10)
        draw_text(c, left + sum(widths), page_h - 27 * mm, f"{year}年度", 10, align="right")
        top = page_h - 31 * mm
        c.setLineWidth(1.0)
        c.rect(left, top - ROW_HEIGHT * (ROWS_PER_PAGE + 1), sum(widths), ROW_HEIGHT * (ROWS_PER_PAGE + 1))
        c.setLineWidth(0.5)
        x = left
        for (header, _), w in zip(REGISTER_COLUMNS, widths, strict=True):
            _cell(c, x, top, w, ROW_HEIGHT, header, 9.5, align="centre")
            x += w
        chunk = rows[page * ROWS_PER_PAGE:(page + 1) * ROWS_PER_PAGE]
        for i in range(ROWS_PER_PAGE):
            row_top = top - ROW_HEIGHT * (i + 1)
            c.line(left, row_top, left + sum(widths), row_top)
            if i < len(chunk):
                x = left
                for j, (value, w) in enumerate(zip(chunk[i], widths, strict=True)):
                    _cell(c, x, row_top, w, ROW_HEIGHT, value, align="centre" if j in (0, 1, 4) else "left")
                    x += w
        x = left
        for w in widths[:-1]:
            x += w
            c.line(x, top, x, top - ROW_HEIGHT * (ROWS_PER_PAGE + 1))
        draw_text(c, page_w / 2, 10 * mm, f"第 {page + 1} 页 共 {pages} 页", 9, align="centre")
        c.showPage()
    c.save()
    return buffer.getvalue()


STUBS_PER_PAGE = 3


def _stub(c, x: float, top: float, width: float, height: float, stub) -> None:
    c.setLineWidth(1.0)
    c.rect(x, top - height, width, height)
    c.setDash(3, 3)
    c.line(x + width + 6 * mm, top, x + width + 6 * mm, top - height)  # the 骑缝 where the letter was torn off
    c.setDash()
    draw_text(c, x + width / 2, top - 11 * mm, "介绍信存根", 15, bold=True, align="centre", char_space=6)
    draw_text(c, x + width - 6 * mm, top - 11 * mm, f"第 {stub.number:04d} 号", 11, align="right")
    lines: list[str]
    if stub.spoiled:
        lines = [f"本号作废。原因：{stub.reason}", f"经办人：{stub.issued_by.name}　　日期：{_local(stub.issued_at, '%Y年%m月%d日')}"]
    else:
        lines = [
            f"兹介绍 {stub.bearers} 等 {stub.bearer_count} 人前往 {stub.addressee}",
            rules.matter_sentence(stub.matter),
            f"有效期至 {stub.valid_until:%Y年%m月%d日}",
            f"申请人：{stub.use.requester.name}　　批准人：{stub.use.approver.name}　　开具人：{stub.issued_by.name}",
            f"开具日期：{_local(stub.issued_at, '%Y年%m月%d日')}　　用印登记号：{stub.use.label}",
        ]
    y = top - 24 * mm
    for line in lines:
        for part in _wrap(line, width - 16 * mm, 11, 2):
            draw_text(c, x + 8 * mm, y, part, 11)
            y -= 8 * mm
    if stub.spoiled:
        c.saveState()
        c.setStrokeColorRGB(0.75, 0.1, 0.1)
        c.setFillColorRGB(0.75, 0.1, 0.1)
        c.setLineWidth(2)
        c.rect(x + width - 42 * mm, top - height + 8 * mm, 30 * mm, 14 * mm)
        draw_text(c, x + width - 27 * mm, top - height + 13 * mm, "作废", 16, bold=True, align="centre", char_space=6)
        c.restoreState()


def stubs_pdf(book_title: str, stubs: Sequence) -> bytes:
    """介绍信存根 of one book, three to a page, in number order."""
    buffer = io.BytesIO()
    page_w, page_h = A4
    c = pdfcanvas.Canvas(buffer, pagesize=A4)
    c.setTitle(f"{book_title} 存根")
    width, height = page_w - 50 * mm, (page_h - 40 * mm) / STUBS_PER_PAGE - 8 * mm
    pages = max(1, -(-len(stubs) // STUBS_PER_PAGE))
    for page in range(pages):
        draw_text(c, page_w / 2, page_h - 14 * mm, book_title, 11, align="centre")
        for i, stub in enumerate(stubs[page * STUBS_PER_PAGE:(page + 1) * STUBS_PER_PAGE]):
            _stub(c, 18 * mm, page_h - 22 * mm - i * (height + 8 * mm), width, height, stub)
        draw_text(c, page_w / 2, 10 * mm, f"第 {page + 1} 页 共 {pages} 页", 9, align="centre")
        c.showPage()
    c.save()
    return buffer.getvalue()
