"""The forms an office prints, as .docx (python-docx, A4, 仿宋 body and 黑体 headings, with the East Asian font set so
Word and WPS use them) and as PDF rendered from that .docx by LibreOffice. Shared by the areas' printouts
(接待方案, 接待审批单, 用车审批单, 车辆使用登记表, …)."""

from __future__ import annotations

import io

from django.conf import settings
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from zeroerror.documents.pdf import PdfUnavailable, convert_to_pdf, find_soffice

__all__ = ["PdfUnavailable", "docx_bytes", "document", "font", "heading", "para", "table", "title", "to_pdf"]

BODY_FONT, TITLE_FONT = "仿宋", "黑体"


def font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.bold = bold
    rpr = run._element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def document(*, landscape: bool = False) -> Document:
    """An empty A4 document (portrait, or landscape for a wide register)."""
    doc = Document()
    section = doc.sections[0]
    long, short = Cm(29.7), Cm(21.0)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_height, section.page_width = short, long
        section.top_margin = section.bottom_margin = Cm(1.8)
        section.left_margin = section.right_margin = Cm(1.5)
    else:
        section.page_height, section.page_width = long, short
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.left_margin = section.right_margin = Cm(2.2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = BODY_FONT, Pt(12)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    return doc


def title(doc, text: str, sub: str = "") -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(p.add_run(text), TITLE_FONT, 18, bold=True)
    if sub:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        font(p.add_run(sub), BODY_FONT, 12)


def heading(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(8)
    font(p.add_run(text), TITLE_FONT, 14, bold=True)


def para(doc, text: str, size: float = 12) -> None:
    p = doc.add_paragraph()
    font(p.add_run(text), BODY_FONT, size)


def table(doc, header: list[str] | None, rows: list[list[str]], widths: list[float] | None = None, *,
          size: float = 11):
    """A bordered table; ``header`` (bold, 黑体) may be None for a form of label/value pairs."""
    result = doc.add_table(rows=0, cols=len(rows[0] if rows else header), style="Table Grid")
    result.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, values in enumerate(([header] if header else []) + rows):
        cells = result.add_row().cells
        for j, value in enumerate(values):
            cells[j].text = ""
            font(cells[j].paragraphs[0].add_run(str(value)), TITLE_FONT if header and i == 0 else BODY_FONT, size,
                 bold=bool(header and i == 0))
            if widths:
                cells[j].width = Cm(widths[j])
    return result


def docx_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def to_pdf(name: str, docx: bytes) -> bytes:
    """The PDF of a .docx (LibreOffice); :class:`PdfUnavailable` with a Chinese message when it cannot be made."""
    soffice = find_soffice(getattr(settings, "ZEROERROR_SOFFICE", "soffice"))
    return convert_to_pdf({f"{name}.docx": docx}, soffice=soffice)[f"{name}.pdf"]
