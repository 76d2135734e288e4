"""Reading a .docx: its text (paragraphs joined by newlines) and its page-layout findings (GB/T 9704-2012)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .core import DOCUMENT, proofread_text
from .finding import WARNING, Finding

RULES = {
    "format.docx_page": "页面应为 A4，页边距符合 GB/T 9704-2012",
    "format.docx_body_font": "正文应为 3 号仿宋体字（仿宋_GB2312，16 磅）",
    "format.docx_page_number": "页码形式为“— 1 —”",
}

STD = "依据 GB/T 9704-2012《党政机关公文格式》"
_MM_PER_EMU = 1 / 36000
# 天头 37 mm, 订口 28 mm; 版心 156 mm × 225 mm on A4 (210 × 297) leaves 35 mm below and 26 mm on the right.
_MARGINS = {"top_margin": ("上", 37), "bottom_margin": ("下", 35), "left_margin": ("左", 28), "right_margin": ("右", 26)}
_PAGE_NUMBER_RE = re.compile(r"^[—–-]\s*\d+\s*[—–-]$")


class DocxError(ValueError):
    """The file is not a readable .docx."""


@dataclass
class DocxResult:
    text: str
    findings: list[Finding] = field(default_factory=list)


def _open(path_or_bytes: str | Path | bytes | io.BytesIO):
    import docx  # python-docx

    try:
        source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes | bytearray) else path_or_bytes
        return docx.Document(source)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocxError(f"not a valid .docx file: {exc}") from exc
    except Exception as exc:  # python-docx raises a variety of parser errors for damaged packages
        if isinstance(exc, OSError):
            raise
        raise DocxError(f"not a valid .docx file: {exc.__class__.__name__}: {exc}") from exc


def docx_text(document) -> str:
    """Body paragraphs, then table cells, joined by newlines."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


def _layout(document) -> Iterable[Finding]:
    def finding(rule: str, message: str) -> Finding:
        return Finding("format", rule, 0, 0, "", None, message, WARNING)

    for section in document.sections[:1]:
        w, h = section.page_width, section.page_height
        if w and h and (abs(w * _MM_PER_EMU - 210) > 2 or abs(h * _MM_PER_EMU - 297) > 2):
            yield finding("format.docx_page", f"纸张应为 A4（210 mm × 297 mm），实为 {w * _MM_PER_EMU:.0f} mm × "
                          f"{h * _MM_PER_EMU:.0f} mm。{STD} 5.2。")
        for attr, (side, want) in _MARGINS.items():
            value = getattr(section, attr)
            if value is not None and abs(value * _MM_PER_EMU - want) > 1.5:
                yield finding("format.docx_page", f"{side}页边距应为 {want} mm（±1 mm），实为 "
                              f"{value * _MM_PER_EMU:.1f} mm。{STD} 5.2.1。")
        footer_texts = [p.text.strip() for p in section.footer.paragraphs if p.text.strip()]
        fields = section.footer._element.xml.count("PAGE") if section.footer is not None else 0
        if fields and not any(_PAGE_NUMBER_RE.match(t.replace(" ", "").replace("PAGE", "1")) or t in ("—", "— —")
                              for t in footer_texts):
            yield finding("format.docx_page_number", f"页码应为“— 1 —”形式（数字左右各放一条一字线）。{STD} 7.5.3。")
    fonts, sizes = _body_fonts(document)
    if fonts and not any("仿宋" in f for f in fonts):
        yield finding("format.docx_body_font", f"正文应使用仿宋_GB2312，实为{'、'.join(sorted(fonts))}。{STD} 5.1。")
    if sizes and any(abs(s - 16) > 0.25 for s in sizes):
        yield finding("format.docx_body_font", f"正文字号应为 3 号（16 磅），实有 {'、'.join(f'{s:g}' for s in sorted(sizes))} 磅。"
                      f"{STD} 5.1。")


def _body_fonts(document) -> tuple[set[str], set[float]]:
    """East Asian font names and sizes (pt) of the body paragraphs (the first two lines are title and addressee)."""
    from docx.oxml.ns import qn

    fonts: set[str] = set()
    sizes: set[float] = set()
    paragraphs = [p for p in document.paragraphs if p.text.strip()][2:]
    for p in paragraphs:
        for run in p.runs:
            if not run.text.strip():
                continue
            rpr = run._element.rPr
            name = None
            if rpr is not None and rpr.rFonts is not None:
                name = rpr.rFonts.get(qn("w:eastAsia")) or rpr.rFonts.get(qn("w:ascii"))
            name = name or (p.style.font.name if p.style is not None else None)
            size = run.font.size or (p.style.font.size if p.style is not None else None)
            if name:
                fonts.add(name)
            if size:
                sizes.add(size.pt)
    return fonts, sizes


def proofread_docx(path_or_bytes: str | Path | bytes, profile: str = DOCUMENT,
                   sensitive_terms: Iterable[str] = (), lexicon: Iterable[str] = ()) -> DocxResult:
    """Extract the text of a .docx and check it; offsets index the extracted text (paragraphs joined by ``\\n``).

    In the document profile the page layout (A4 margins, body font, page-number form) is checked too; those
    findings have no position in the text (start = end = 0). Raises ``DocxError`` for a file that is not a .docx."""
    document = _open(path_or_bytes)
    text = docx_text(document)
    findings = proofread_text(text, profile, sensitive_terms, lexicon)
    if profile == DOCUMENT:
        findings = list(_layout(document)) + findings
    return DocxResult(text, findings)
