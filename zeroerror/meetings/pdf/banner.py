"""会标校样: the printable proof of a banner (会标、回头标、室外宣传标, clause 一(二)9), one A3 landscape page.

The banner is drawn as the usual 会标: a red strip (中国红) in the banner's proportion, the text in one line of
white bold sans-serif characters (黑体-like: the vendored font is a sans, stroked for weight), centred and shrunk
to fit; below it the kind and the proportion, and the footer "会标校样 · <会议> · 第N版 · 已审核/未审核".
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from reportlab.lib.pagesizes import A3, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .fonts import draw_text, register_fonts, text_width

PAGE = landscape(A3)
MARGIN = 15 * mm
RED = (0.78, 0.06, 0.09)  # 中国红, about #C8102E
WHITE = (1, 1, 1)
# width : height of the finished banner, by kind (a hall banner is a long strip; the outdoor one less so)
PROPORTION = {"会标": 8.0, "回头标": 8.0, "室外宣传标": 5.0}
_MID = 0.36  # visual centre of a CJK line above its baseline, in font sizes
_SPACING = 0.12  # letter spacing, in font sizes: banners are set a little open


@dataclass(frozen=True)
class BannerProof:
    text: str
    kind: str = "会标"  # 会标 | 回头标 | 室外宣传标
    meeting: str = ""
    version: int = 1
    approved: bool = False
    note: str = ""  # e.g. who approved it and when — left to the caller so the PDF stays deterministic


def fit(text: str, width: float, height: float) -> tuple[float, float]:
    """(font size, character spacing) in points for one line of ``text`` in a strip ``width`` × ``height``:
    at most 62 % of the height, shrunk until the line fits the width."""
    size = height * 0.62
    n = max(len(text), 1)
    line = text_width(text, size, bold=True) + _SPACING * size * (n - 1)
    if line > width:
        size *= width / line
    return size, _SPACING * size


def footer(proof: BannerProof) -> str:
    return f"会标校样 · {proof.meeting} · 第{proof.version}版 · {'已审核' if proof.approved else '未审核'}"


def banner_proof_pdf(proof: BannerProof) -> bytes:
    """One A3 landscape page; deterministic for the same input."""
    register_fonts()
    page_w, page_h = PAGE
    ratio = PROPORTION.get(proof.kind, 8.0)
    strip_w = page_w - 2 * MARGIN
    strip_h = min(strip_w / ratio, page_h - 2 * MARGIN - 60 * mm)
    strip_w = strip_h * ratio
    x0, y0 = (page_w - strip_w) / 2, (page_h - strip_h) / 2 + 8 * mm
    buf = BytesIO()
    c = Canvas(buf, pagesize=PAGE, invariant=1)
    c.setTitle(f"{proof.kind}校样：{proof.text}")
    c.setCreator("zeroerror")
    c.setFillColorRGB(0.2, 0.2, 0.2)
    draw_text(c, page_w / 2, page_h - MARGIN - 12, f"{proof.kind}校样", 16, bold=True, align="centre")
    c.setFillColorRGB(*RED)
    c.rect(x0, y0, strip_w, strip_h, stroke=0, fill=1)
    size, spacing = fit(proof.text, strip_w - 2 * (strip_h * 0.3), strip_h)
    c.setFillColorRGB(*WHITE)
    draw_text(c, page_w / 2, y0 + strip_h / 2 - size * _MID, proof.text, size, bold=True, align="centre",
              char_space=spacing)
    c.setFillColorRGB(0.35, 0.35, 0.35)
    caption = f"类别：{proof.kind}　长高比约 {ratio:g}:1　红底白字，黑体，单行居中（校样，非原大）"
    draw_text(c, page_w / 2, y0 - 10 * mm, caption, 10, align="centre")
    if proof.note:
        draw_text(c, page_w / 2, y0 - 17 * mm, proof.note, 10, align="centre")
    c.setFillColorRGB(0, 0, 0)
    draw_text(c, page_w / 2, MARGIN, footer(proof), 11, align="centre")
    c.showPage()
    c.save()
    return buf.getvalue()
