"""座位表: the printable seating chart of a plan (clause 一(二)7), A4 or A3 landscape.

Drawn as seen from the hall: the stage (主席台) at the top with its front row nearest the hall,
the hall below, "面向主席台" marking which way the seats face, then a legend of the units.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..seating import SeatingPlan
from .fonts import draw_text, register_fonts, text_width

PAPERS = {"A4": landscape(A4), "A3": landscape(A3)}
MARGIN = 12 * mm
# light tints that stay distinct and keep black text readable; each unit also gets a number
PALETTE = [
    (0.98, 0.86, 0.80), (0.82, 0.90, 0.98), (0.86, 0.95, 0.82), (0.98, 0.94, 0.76),
    (0.90, 0.85, 0.97), (0.80, 0.95, 0.94), (0.97, 0.84, 0.91), (0.92, 0.92, 0.86),
    (0.88, 0.97, 0.88), (0.96, 0.89, 0.80), (0.84, 0.87, 0.95), (0.95, 0.95, 0.95),
]
_MID = 0.36  # visual centre of a CJK line above its baseline, in font sizes


@dataclass(frozen=True)
class ChartInfo:
    meeting: str
    time: str = ""
    place: str = ""
    title: str = "座位表"
    footer: str = ""  # e.g. 制表单位、日期 — left to the caller so the PDF stays deterministic
    lectern: str | None = None  # 发言席: "front" (in front of the podium) | "front_right" | None


def _fit_size(text: str, width: float, height: float, cap: float) -> float:
    size = min(cap, height * 0.62)
    w = text_width(text, size)
    if w > width:
        size *= width / w
    return max(size, 3.0)


def _box(c: Canvas, x: float, y: float, w: float, h: float, fill=None, dashed: bool = False) -> None:
    c.saveState()
    c.setLineWidth(0.6)
    c.setStrokeColorRGB(0.25, 0.25, 0.25)
    if dashed:
        c.setDash(1.5, 1.5)
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
    if fill:
        c.setFillColorRGB(*fill)
    c.rect(x, y, w, h, stroke=1, fill=1 if fill else 0)
    c.restoreState()


def _name_in_box(c: Canvas, name: str, x: float, y: float, w: float, h: float, cap: float, bold: bool) -> None:
    size = _fit_size(name, w - 3, h, cap)
    draw_text(c, x + w / 2, y + h / 2 - size * _MID, name, size, bold=bold, align="centre")


def _row_width(row) -> int:
    """Seats in a podium row: its last occupied column (earlier columns may have been left free)."""
    return max((p.seat.col for p in row), default=0)


def _grey(c: Canvas, level: float = 0.35) -> None:
    c.setFillColorRGB(level, level, level)


class _Chart:
    def __init__(self, plan: SeatingPlan, info: ChartInfo, paper: str):
        if paper not in PAPERS:
            raise ValueError(f"不支持的纸张：{paper}（可选 A4、A3）")
        self.plan, self.info = plan, info
        self.page_w, self.page_h = PAPERS[paper]
        self.scale = self.page_w / PAPERS["A4"][0]  # A3 draws everything larger
        self.units = list(plan.unit_sequence) or sorted({p.unit for p in plan.hall_placements})
        self.unit_no = {u: i for i, u in enumerate(self.units, 1)}

    # ---- layout pieces, top to bottom
    def header(self, c: Canvas) -> float:
        s = self.scale
        top = self.page_h - MARGIN
        c.setFillColorRGB(0, 0, 0)
        draw_text(c, self.page_w / 2, top - 18 * s, f"{self.info.meeting}{self.info.title}", 18 * s,
                  bold=True, align="centre")
        parts = [f"时间：{self.info.time}" if self.info.time else "", f"地点：{self.info.place}" if self.info.place else ""]
        line = "      ".join(p for p in parts if p)
        if line:
            draw_text(c, self.page_w / 2, top - 33 * s, line, 10.5 * s, align="centre")
        return top - 42 * s

    def legend_lines(self) -> list[list[str]]:
        counts: dict[str, int] = {}
        for p in self.plan.hall_placements:
            counts[p.unit] = counts.get(p.unit, 0) + 1
        items = [f"{self.unit_no[u]} {u or '未注明单位'}（{counts.get(u, 0)}人）" for u in self.units]
        size = 8.5 * self.scale
        avail = self.page_w - 2 * MARGIN - 40 * self.scale
        lines: list[list[str]] = [[]]
        used = 0.0
        for it in items:
            w = text_width(it, size) + 14 * self.scale + 10 * self.scale
            if lines[-1] and used + w > avail:
                lines.append([])
                used = 0.0
            lines[-1].append(it)
            used += w
        return lines if items else []

    def legend(self, c: Canvas, lines: list[list[str]]) -> None:
        s = self.scale
        size = 8.5 * s
        y = MARGIN + 14 * s + (len(lines) - 1) * 13 * s
        if lines:
            c.setFillColorRGB(0, 0, 0)
            draw_text(c, MARGIN, y, "图例：", size, bold=True)
        for line in lines:
            x = MARGIN + 40 * s
            for it in line:
                no = int(it.split(" ", 1)[0])
                _box(c, x, y - 2 * s, 11 * s, 9 * s, fill=PALETTE[(no - 1) % len(PALETTE)])
                c.setFillColorRGB(0, 0, 0)
                draw_text(c, x + 14 * s, y, it, size)
                x += text_width(it, size) + 24 * s
            y -= 13 * s
        on_podium = sum(len(r) for r in self.plan.podium_rows)
        in_hall = len(self.plan.hall_placements)
        note = (f"主席台 {on_podium} 人，会场 {in_hall} 人，共 {on_podium + in_hall} 人。"
                "主席台名字上方小号数字为座次；会场座位左上角数字为单位序号。左右以面向主席台为准。")
        _grey(c)
        draw_text(c, MARGIN, MARGIN, note, 7.5 * s)
        if self.info.footer:
            draw_text(c, self.page_w - MARGIN, MARGIN, self.info.footer, 7.5 * s, align="right")

    def podium(self, c: Canvas, top: float, box_w: float, box_h: float) -> float:
        """Draw the stage band; returns the y of its lower edge."""
        s = self.scale
        rows = self.plan.podium_rows
        gap = 3 * s
        band_h = max(len(rows), 1) * (box_h + gap) + 16 * s
        lectern = self.info.lectern
        if lectern in ("front", "front_right"):
            band_h += box_h * 0.8 + gap
        x0, x1 = MARGIN + 30 * s, self.page_w - MARGIN - 30 * s
        bottom = top - band_h
        c.saveState()
        c.setFillColorRGB(0.96, 0.93, 0.86)
        c.setStrokeColorRGB(0.55, 0.45, 0.3)
        c.setLineWidth(1)
        c.roundRect(x0, bottom, x1 - x0, band_h, 4 * s, stroke=1, fill=1)
        c.restoreState()
        c.setFillColorRGB(0.45, 0.3, 0.15)
        draw_text(c, x0 + 6 * s, top - 13 * s, "主 席 台", 11 * s, bold=True)
        y = top - 14 * s
        for row in reversed(rows):  # back row at the top, front row nearest the hall
            y -= box_h + gap
            seats = _row_width(row)  # a seat left free when someone no longer attends is drawn empty
            width = seats * box_w + (seats - 1) * gap
            left = self.page_w / 2 - width / 2
            for col in range(1, seats + 1):
                if not any(p.seat.col == col for p in row):
                    _box(c, left + (col - 1) * (box_w + gap), y, box_w, box_h, dashed=True)
            for p in row:
                x = left + (p.seat.col - 1) * (box_w + gap)
                _box(c, x, y, box_w, box_h, fill=(1, 1, 1))
                c.setFillColorRGB(0, 0, 0)
                _name_in_box(c, p.name, x, y - 1.5 * s, box_w, box_h * 0.8, 13 * s, bold=True)
                tag = "主持" if p.host else (str(p.order) if p.order else "")
                _grey(c, 0.4)
                draw_text(c, x + box_w / 2, y + box_h - 7 * s, tag, 6 * s, align="centre")
        if lectern in ("front", "front_right"):
            lw, lh = box_w * 1.1, box_h * 0.8
            if lectern == "front":
                lx, ly = self.page_w / 2 - lw / 2, bottom + 4 * s
            else:  # the podium's right front, i.e. the hall's left as drawn
                lx, ly = x0 + 12 * s, bottom + 4 * s
            _box(c, lx, ly, lw, lh, fill=(0.9, 0.84, 0.72))
            c.setFillColorRGB(0, 0, 0)
            _name_in_box(c, "发言席", lx, ly, lw, lh, 10 * s, bold=False)
        return bottom

    def facing_marker(self, c: Canvas, x: float, y_top: float, y_bottom: float) -> None:
        """Up arrow with "面向主席台" written vertically, at the hall's left."""
        s = self.scale
        size = 9 * s
        y_bottom = min(y_bottom, y_top - 5 * size * 1.15 - 40 * s)  # room for the words on a small hall
        c.saveState()
        c.setStrokeColorRGB(0.6, 0.1, 0.1)
        c.setFillColorRGB(0.6, 0.1, 0.1)
        c.setLineWidth(1.2 * s)
        c.line(x, y_bottom, x, y_top - 5 * s)
        path = c.beginPath()
        path.moveTo(x, y_top)
        path.lineTo(x - 3.5 * s, y_top - 7 * s)
        path.lineTo(x + 3.5 * s, y_top - 7 * s)
        path.close()
        c.drawPath(path, stroke=0, fill=1)
        cy = (y_top + y_bottom) / 2 + 2.5 * size
        for i, ch in enumerate("面向主席台"):
            c.setFillColorRGB(1, 1, 1)
            c.rect(x - size * 0.6, cy - i * size * 1.15 - size * 0.25, size * 1.2, size * 1.15, stroke=0, fill=1)
            c.setFillColorRGB(0.6, 0.1, 0.1)
            draw_text(c, x, cy - i * size * 1.15, ch, size, bold=True, align="centre")
        c.restoreState()

    def hall(self, c: Canvas, top: float, bottom: float) -> None:
        hall = self.plan.hall
        if hall is None:
            return
        s = self.scale
        label_w = 44 * s
        aisle = 5 * s
        x0 = MARGIN + label_w
        avail_w = self.page_w - MARGIN - x0
        n_aisles = len([a for a in hall.aisles_after if 0 < a < hall.cols])
        box_w = min((avail_w - n_aisles * aisle) / hall.cols, 30 * mm * s)
        gap_y = 2 * s
        box_h = min((top - bottom - 12 * s) / hall.rows - gap_y, box_w * 0.6, 11 * mm * s)
        grid_w = hall.cols * box_w + n_aisles * aisle
        x0 += (avail_w - grid_w) / 2
        col_x = {}
        x = x0
        for col in range(1, hall.cols + 1):
            col_x[col] = x
            x += box_w + (aisle if col in hall.aisles_after else 0)
        by_seat = {(p.seat.row, p.seat.col): p for p in self.plan.hall_placements}
        num = max(min(box_h * 0.3, 6 * s), 3)
        _grey(c, 0.45)
        for col, cx in col_x.items():
            draw_text(c, cx + box_w / 2, top - 8 * s, str(col), num * 1.1, align="centre")
        y = top - 10 * s
        for row in range(1, hall.rows + 1):
            y -= box_h + gap_y
            _grey(c, 0.3)
            draw_text(c, x0 - 3 * s, y + box_h / 2 - 7 * s * _MID, f"第{row}排", 7 * s, align="right")
            for col, cx in col_x.items():
                p = by_seat.get((row, col))
                if not hall.is_seat(row, col):
                    c.saveState()
                    c.setStrokeColorRGB(0.75, 0.75, 0.75)
                    c.line(cx + 2, y + 2, cx + box_w - 2, y + box_h - 2)
                    c.line(cx + 2, y + box_h - 2, cx + box_w - 2, y + 2)
                    c.restoreState()
                    continue
                if p is None:
                    _box(c, cx, y, box_w, box_h, dashed=True)
                    continue
                no = self.unit_no.get(p.unit, 0)
                _box(c, cx, y, box_w, box_h, fill=PALETTE[(no - 1) % len(PALETTE)])
                c.setFillColorRGB(0, 0, 0)
                _name_in_box(c, p.name, cx + num * 0.6, y, box_w - num * 0.6, box_h, 11 * s, bold=False)
                _grey(c, 0.4)
                draw_text(c, cx + 1.5, y + box_h - num - 0.5, str(no), num)
        self.facing_marker(c, MARGIN + 5 * s, top - 4 * s, y)

    def draw(self, c: Canvas) -> None:
        s = self.scale
        top = self.header(c)
        lines = self.legend_lines()
        legend_top = MARGIN + 14 * s + len(lines) * 13 * s
        rows = max(len(self.plan.podium_rows), 1)
        widest = max((_row_width(r) for r in self.plan.podium_rows), default=1)
        box_w = min((self.page_w - 2 * MARGIN - 80 * s) / widest - 3 * s, 32 * mm * s)
        hall_rows = self.plan.hall.rows if self.plan.hall else 0
        room = top - legend_top
        box_h = min(13 * mm * s, box_w * 0.45, room / (rows + hall_rows * 0.8 + 3))
        bottom = self.podium(c, top, box_w, box_h) if self.plan.podium_rows else top
        self.hall(c, bottom - 4 * s, legend_top + 2 * s)
        self.legend(c, lines)


def seating_chart_pdf(plan: SeatingPlan, info: ChartInfo, *, paper: str = "A4") -> bytes:
    """One landscape page (A4 or A3) with title, podium, hall, orientation and legend. Deterministic."""
    register_fonts()
    chart = _Chart(plan, info, paper)
    buf = BytesIO()
    c = Canvas(buf, pagesize=(chart.page_w, chart.page_h), invariant=1)
    c.setTitle(f"{info.meeting}{info.title}")
    c.setCreator("zeroerror")
    chart.draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()
