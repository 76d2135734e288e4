"""席卡 (tent name cards): one card per page, about 210×140 mm, folded in the middle.

The lower half reads upright; the upper half carries the same name turned 180°, so once the
sheet is folded into a tent both faces read correctly (clause 一(二)9: 席卡摆放规整).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..hanzi import normalize_name
from ..seating import SeatingPlan
from .fonts import draw_text, register_fonts, text_width

# Droid Sans Fallback: ideographs span about 0.88 of the font size above the baseline area;
# the visual centre of a CJK line sits about 0.36 of the size above the baseline.
_CAP = 0.88
_MID = 0.36


@dataclass(frozen=True)
class CardSpec:
    width_mm: float = 210.0
    height_mm: float = 140.0
    margin_mm: float = 10.0  # left/right, and from the fold and the edges in each half
    max_name_height_mm: float = 46.0
    fold_line: bool = True  # thin dashed line on the fold
    space_two_char: bool = True  # 张　三: two-character names spread like three


def _fit(name: str, spec: CardSpec) -> tuple[float, float]:
    """(font size, character spacing) in points so that the name fills the half without overflow."""
    width_avail = (spec.width_mm - 2 * spec.margin_mm) * mm
    height_avail = min(spec.max_name_height_mm, spec.height_mm / 2 - 2 * spec.margin_mm) * mm
    size = height_avail / _CAP
    n = max(len(name), 1)
    spread = spec.space_two_char and n == 2
    slots = 3 if spread else n
    size = min(size, width_avail / slots)
    char_space = size if spread else 0.0
    width = text_width(name, size) + char_space * (n - 1)
    if width > width_avail:  # non-square glyphs (latin letters, digits)
        size *= width_avail / width
        char_space = size if spread else 0.0
    return size, char_space


def _draw_face(c: Canvas, name: str, spec: CardSpec, size: float, char_space: float) -> None:
    """The name centred in the lower half of the card."""
    cx = spec.width_mm * mm / 2
    cy = spec.height_mm * mm / 4
    draw_text(c, cx, cy - size * _MID, name, size, bold=True, align="centre", char_space=char_space)


def card_text(name: str) -> str:
    """The text printed on a card: Chinese names without inner spaces (the spacing of two-character
    names is done by the layout), other names with single spaces."""
    parts = unicodedata.normalize("NFKC", name).split()
    joined = "".join(parts)
    if all(unicodedata.category(ch) == "Lo" or ch == "·" for ch in joined):
        return normalize_name(joined)
    return " ".join(parts)


def draw_card(c: Canvas, name: str, spec: CardSpec = CardSpec()) -> None:
    name = card_text(name)
    if not name:
        raise ValueError("席卡姓名不能为空")
    w, h = spec.width_mm * mm, spec.height_mm * mm
    size, char_space = _fit(name, spec)
    c.setFillColorRGB(0, 0, 0)
    _draw_face(c, name, spec, size, char_space)
    c.saveState()
    c.translate(w, h)
    c.rotate(180)  # upper half, upside-down: reads correctly from the other side of the fold
    _draw_face(c, name, spec, size, char_space)
    c.restoreState()
    if spec.fold_line:
        c.saveState()
        c.setStrokeColorRGB(0.75, 0.75, 0.75)
        c.setLineWidth(0.3)
        c.setDash(2, 3)
        c.line(0, h / 2, w, h / 2)
        c.restoreState()


def name_cards_pdf(names: Iterable[str], spec: CardSpec = CardSpec(), *, title: str = "席卡") -> bytes:
    """One page per name, page size ``spec.width_mm × spec.height_mm``. Deterministic bytes."""
    names = [n for n in names]
    if not names:
        raise ValueError("没有需要打印的席卡")
    register_fonts()
    buf = BytesIO()
    c = Canvas(buf, pagesize=(spec.width_mm * mm, spec.height_mm * mm), invariant=1)
    c.setTitle(title)
    c.setCreator("zeroerror")
    for name in names:
        draw_card(c, name, spec)
        c.showPage()
    c.save()
    return buf.getvalue()


def plan_card_names(plan: SeatingPlan, *, include_hall: bool = False) -> list[str]:
    """Names for the cards of a plan: every podium seat (front row first, left to right as seen
    from the hall, the order in which they are laid out), then optionally the hall."""
    names = [p.name for row in plan.podium_rows for p in row]
    if include_hall:
        names += [p.name for p in plan.hall_placements]
    return names
