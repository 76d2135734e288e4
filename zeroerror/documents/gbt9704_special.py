"""The special formats of GB/T 9704-2012 clause 10 for :func:`zeroerror.documents.gbt9704.render_docx`.

Each is the 文件格式 writer (:class:`zeroerror.documents.gbt9704_docx._Writer`) with the parts the clause changes
replaced; the figures are in :mod:`zeroerror.documents.gbt9704_layout` (``letter_*``, ``minutes_*``).

信函格式 (10.1): the first page is its own letter paper.  The 标志 and the upper red double line sit in the
first-page header, whose distance from the page top is the 30 mm of the standard, so that they stand above the
版心 and push the first page's text below them; the lower double line is the first-page footer, 20 mm above the
page bottom, which also keeps the 页码 off the first page.  Later pages keep the ordinary 版心 and 页码.  Its 版记
is the 抄送 alone, without rules, at the foot of the last page.
Word is expected to start the first page's text right under such a header (not checked here); LibreOffice's
import keeps some header spacing and sets the first line under the double line about 3.5 mm lower than the 7/8
character of 10.1.
"""

from __future__ import annotations

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm

from .gbt9704 import format_date
from .gbt9704_docx import _Writer
from .gbt9704_layout import mm_to_twips, pt_to_twips, text_width_chars

__all__ = ["WRITERS"]


def _emptied(part):
    """A header or footer of its own (not linked to the previous section's) with no paragraphs left."""
    part.is_linked_to_previous = False
    for p in part.paragraphs:
        p._p.getparent().remove(p._p)
    return part


class _LetterWriter(_Writer):
    """信函格式 (10.1)."""

    def setup(self) -> None:
        super().setup()
        L, sec = self.L, self.d.sections[0]
        sec.different_first_page_header_footer = True  # w:titlePg: "首页不显示页码"
        sec.header_distance = Mm(L.letter_mark_top_mm)  # the 标志's top edge 30 mm from the page top
        sec.footer_distance = Mm(L.letter_bottom_rule_from_page_mm)  # the lower double line 20 mm above the bottom

    def head(self) -> None:
        L, doc, sec = self.L, self.doc, self.d.sections[0]
        sides = L.letter_rule_side_mm
        gap = pt_to_twips(L.letter_rule_gap_pt)
        header = _emptied(sec.first_page_header)
        self.agency_mark(container=header)
        self.para(container=header, exact=mm_to_twips(L.letter_rule_below_mark_mm), snap=False)
        self.rule(gap, container=header, sides=sides, top=L.letter_rule_thick_pt, bottom=L.letter_rule_thin_pt)
        footer = _emptied(sec.first_page_footer)
        self.rule(gap, container=footer, sides=sides, top=L.letter_rule_thin_pt, bottom=L.letter_rule_thick_pt)

        # 份号 / 密级 / 紧急程度 flush left under the rule, the 字号 flush right on the first of their lines; the
        # first line is exactly one 3号 character high (no leading whose split above and below the characters
        # differs between Word and LibreOffice), its top 7/8 of a 3号 character below the rule
        lines = self.mark_lines() or [("", self.body_font)]
        before = pt_to_twips(L.letter_first_line_gap_ratio * L.body_pt)
        for i, (text, font) in enumerate(lines):
            if i == 0:
                p = self.para(before=before, exact=pt_to_twips(L.body_pt), snap=False,
                              tabs=[(mm_to_twips(L.text_width_mm), WD_TAB_ALIGNMENT.RIGHT)])
                self.run(p, text, font, L.body_pt)
                self.run(p, "\t" + doc.number_text, self.body_font, L.body_pt)
            else:
                self.line(text, font)

    def title_gap(self) -> int:
        return self.L.letter_blank_lines_to_title

    def edition(self, *, rules: bool = True) -> None:
        """信函格式 (10.1): "版记不加印发机关和印发日期、分隔线" — the 抄送 alone at the foot of the last page."""
        super().edition(rules=False)


class _MinutesWriter(_Writer):
    """纪要格式 (10.3): the 标志 as 7.2.4, 出席/请假/列席 after the 正文, no 署名 and no seal."""

    def closing(self) -> None:
        L, doc = self.L, self.doc
        if doc.attendance:
            self.blank(L.minutes_blank_lines_before_attendance)
            for label, names in doc.attendance:
                self.hanging(f"{label}：", names, L.minutes_attendance_indent_chars, label_font=L.font_heiti)
        self.blank(L.minutes_blank_lines_before_date)
        date_text = format_date(doc.date)
        at = L.chars_per_line - L.minutes_date_right_chars - text_width_chars(date_text)
        self.line(date_text, left=L.chars(max(at, 0)))
        self.note()


WRITERS: dict[str, type[_Writer]] = {"letter": _LetterWriter, "minutes": _MinutesWriter}
