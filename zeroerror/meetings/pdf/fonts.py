"""The vendored CJK TrueType font (zeroerror/core/fonts, Apache-2.0), registered once with reportlab.

Droid Sans Fallback has the ideographs and full-width punctuation but no Latin letters, digits or
curly quotes, so text is drawn in runs: characters the CJK font lacks go to the PDF standard font
Helvetica (always available, nothing to embed).
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "core" / "fonts"
FONT_FILE = FONT_DIR / "DroidSansFallbackFull.ttf"
CJK_FONT = "ZeroErrorCJK"
LATIN_FONT = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"

_lock = threading.Lock()


def register_fonts() -> str:
    """Register the CJK font with reportlab (idempotent, thread-safe); returns its name."""
    with _lock:
        if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(CJK_FONT, str(FONT_FILE)))
    return CJK_FONT


@cache
def _cjk_chars() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(CJK_FONT).face.charToGlyph)


def _latin_ok(ch: str) -> bool:
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def runs(text: str) -> list[tuple[bool, str]]:
    """Split ``text`` into (is_cjk, chunk) runs by which font has the glyphs. A character neither
    font has is replaced by its compatibility form (NFKC) when that helps."""
    cjk = _cjk_chars()
    out: list[tuple[bool, str]] = []
    for ch in text:
        if ord(ch) in cjk:
            is_cjk = True
        elif _latin_ok(ch):
            is_cjk = False
        else:
            alt = unicodedata.normalize("NFKC", ch)
            if alt != ch and all(ord(a) in cjk or _latin_ok(a) for a in alt):
                for a in alt:
                    out.append((ord(a) in cjk, a))
                continue
            is_cjk = True  # drawn as the font's missing-glyph box: visible, not silently dropped
        out.append((is_cjk, ch))
    merged: list[tuple[bool, str]] = []
    for is_cjk, chunk in out:
        if merged and merged[-1][0] == is_cjk:
            merged[-1] = (is_cjk, merged[-1][1] + chunk)
        else:
            merged.append((is_cjk, chunk))
    return merged


def _font(is_cjk: bool, bold: bool) -> str:
    if is_cjk:
        return register_fonts()
    return LATIN_BOLD if bold else LATIN_FONT


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    return sum(pdfmetrics.stringWidth(chunk, _font(c, bold), size) for c, chunk in runs(text))


def draw_text(canvas, x: float, y: float, text: str, size: float, *, bold: bool = False,
              align: str = "left", char_space: float = 0.0) -> None:
    """Draw one line. ``bold`` strokes the CJK outlines too (the font has one weight) and uses
    Helvetica-Bold for Latin. ``align``: left | centre | right, relative to ``x``."""
    width = text_width(text, size, bold=bold) + char_space * max(len(text) - 1, 0)
    if align == "centre":
        x -= width / 2
    elif align == "right":
        x -= width
    canvas.saveState()
    obj = canvas.beginText(x, y)
    if char_space:
        obj.setCharSpace(char_space)
    for is_cjk, chunk in runs(text):
        obj.setFont(_font(is_cjk, bold), size)
        if bold and is_cjk:
            canvas.setLineWidth(size * 0.035)
            canvas.setStrokeColor(canvas._fillColorObj)
            obj.setTextRenderMode(2)
        else:
            obj.setTextRenderMode(0)
        obj.textOut(chunk)
    canvas.drawText(obj)
    canvas.restoreState()
