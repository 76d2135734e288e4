"""OOXML writing for :func:`zeroerror.documents.gbt9704.render_docx` (python-docx plus the few raw elements it lacks).

Every paragraph has exact line spacing (one line of 225 mm / 22) and no space before/after, and every 3号 run an
explicit character spacing (15.75 pt a character, see :attr:`Gbt9704Layout.body_char_spacing_twips`), so the page
lays out as 22 lines × 28 characters in LibreOffice, Word and WPS alike, whatever fonts the reader has; the fonts
are declared with their stand-ins (:data:`EAST_ASIAN_FONTS`).  The 版记 is a table floated to the foot of the
版心 on the last page, positioned from the page's left edge (LibreOffice floats a full-width table only then).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips

from .gbt9704 import format_date, heading_level, split_heading
from .gbt9704_layout import EAST_ASIAN_FONTS, Gbt9704Layout, mm_to_twips, pt_to_twips, text_width_chars

if TYPE_CHECKING:
    from .gbt9704 import OutgoingDocument

_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
    "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)
LEFT, CENTER, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY)


def _el(tag: str, **attrs: str | int) -> OxmlElement:
    el = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def _set_ppr_child(p, el) -> None:
    pPr = p._p.get_or_add_pPr()
    old = pPr.find(el.tag)
    if old is not None:
        pPr.remove(old)
    local = el.tag.split("}")[1]
    successors = [f"w:{t}" for t in _PPR_ORDER[_PPR_ORDER.index(local) + 1 :]]
    pPr.insert_element_before(el, *successors)


def _eighths(mm: float) -> int:
    """A rule's thickness in w:sz units (eighths of a point)."""
    return max(2, round(mm * 72 / 25.4 * 8))


class _Writer:
    def __init__(self, doc: OutgoingDocument, layout: Gbt9704Layout):
        self.doc = doc
        self.L = layout
        self.d = Document()
        self.body_font = layout.font_fangsong

    # low-level ---------------------------------------------------------------------------------------
    def para(self, *, container=None, align=LEFT, exact: float | None = None, before: float = 0, snap: bool = True,
             left: float | None = None, right: float | None = None, first_line: float | None = None,
             tabs=(), keep_next: bool = False):
        p = (container or self.d).add_paragraph()
        pf = p.paragraph_format
        pf.alignment = align
        pf.space_before = Twips(round(before))
        pf.space_after = Twips(0)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Twips(round(exact if exact is not None else self.L.line_pitch_twips))
        pf.widow_control = False  # moving a lone line would break the 22-line page
        if keep_next:
            pf.keep_with_next = True
        if left is not None:
            pf.left_indent = Twips(round(left))
        if right is not None:
            pf.right_indent = Twips(round(right))
        if first_line is not None:
            pf.first_line_indent = Twips(round(first_line))
        for position, alignment in tabs:
            pf.tab_stops.add_tab_stop(Twips(round(position)), alignment)
        if not snap:
            _set_ppr_child(p, _el("snapToGrid", val=0))
        return p

    def run(self, p, text: str, font: str, size_pt: float, color: str | None = None):
        r = p.add_run(text)
        r.font.name = font
        r.font.size = Pt(size_pt)
        r.font.color.rgb = RGBColor.from_string(color or self.L.black)
        rfonts = r._r.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("eastAsia", "cs"):
            rfonts.set(qn(f"w:{attr}"), font)
        rfonts.set(qn("w:hint"), "eastAsia")
        if size_pt == self.L.body_pt:  # 28 characters a line (see the module docstring)
            r._r.rPr.insert_element_before(_el("spacing", val=self.L.body_char_spacing_twips),
                                           "w:w", "w:kern", "w:position", "w:sz", "w:szCs")
        return r

    def blank(self, n: int = 1, **kw) -> None:
        for _ in range(n):
            self.para(**kw)

    def line(self, text: str, font: str | None = None, **kw):
        p = self.para(**kw)
        self.run(p, text, font or self.body_font, self.L.body_pt)
        return p

    # page setup --------------------------------------------------------------------------------------
    def setup(self) -> None:
        L = self.L
        sec = self.d.sections[0]
        sec.page_width, sec.page_height = Mm(L.page_width_mm), Mm(L.page_height_mm)
        sec.top_margin, sec.bottom_margin = Mm(L.margin_top_mm), Mm(L.margin_bottom_mm)
        sec.left_margin, sec.right_margin = Mm(L.margin_left_mm), Mm(L.margin_right_mm)
        sec.gutter = Mm(0)
        sec.header_distance = Mm(15)
        sec.footer_distance = Mm(L.footer_distance_mm)
        grid = sec._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = _el("docGrid")
            sec._sectPr.append(grid)
        grid.set(qn("w:type"), "lines")  # 22 lines; the 28 characters come from the runs' spacing
        grid.set(qn("w:linePitch"), str(L.line_pitch_twips))
        self.d.settings.odd_and_even_pages_header_footer = True  # w:evenAndOddHeaders

        # document defaults: 3号仿宋 (6.1), Chinese language, no paragraph spacing; theme fonts removed
        styles = self.d.styles.element
        rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        rpr.remove(rpr.find(qn("w:rFonts")))
        rpr.insert(0, _el("rFonts", ascii=self.body_font, hAnsi=self.body_font, eastAsia=self.body_font,
                          cs=self.body_font))
        for tag in ("sz", "szCs"):
            rpr.find(qn(f"w:{tag}")).set(qn("w:val"), str(round(L.body_pt * 2)))
        lang = rpr.find(qn("w:lang"))
        lang.set(qn("w:val"), "zh-CN")
        lang.set(qn("w:eastAsia"), "zh-CN")
        ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
        spacing = ppr.find(qn("w:spacing"))
        for tag in ("autoSpaceDE", "autoSpaceDN"):  # no extra space between Chinese and digits: widths as counted
            spacing.addprevious(_el(tag, val=0))
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), str(L.line_pitch_twips))
        spacing.set(qn("w:lineRule"), "exact")
        normal = self.d.styles["Normal"].font
        normal.name, normal.size = self.body_font, Pt(L.body_pt)
        self.declare_fonts()
        props = self.d.core_properties
        props.title, props.author, props.language = self.doc.title.replace("\n", ""), self.doc.signature, "zh-CN"
        props.subject = self.doc.number_text

    def declare_fonts(self) -> None:
        """The East-Asian fonts used, each with its stand-in (w:altName), PANOSE and GB2312 character set."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from lxml import etree

        part = self.d.part.part_related_by(RT.FONT_TABLE)
        table = etree.fromstring(part.blob)
        for name, (alt, panose, family) in EAST_ASIAN_FONTS.items():
            font = _el("font", name=name)
            for child in (_el("altName", val=alt), _el("panose1", val=panose), _el("charset", val="86"),
                          _el("family", val=family), _el("pitch", val="variable"),
                          _el("sig", usb0="00000001", usb1="080E0000", usb2="00000010", usb3="00000000",
                              csb0="00040000", csb1="00000000")):
                font.append(child)
            table.append(font)
        part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)

    # 版头 (7.2) -------------------------------------------------------------------------------------
    def mark_lines(self) -> list[tuple[str, str]]:
        """(text, font) of 份号 (7.2.1, 仿宋), 密级和保密期限 (7.2.2, 黑体), 紧急程度 (7.2.3, 黑体), those present."""
        L, doc = self.L, self.doc
        lines = [(doc.copy_number_text, self.body_font)] if doc.copy_number is not None else []
        if doc.classification is not None:
            lines.append((str(doc.classification), L.font_heiti))
        if doc.urgency.printed_mark:
            lines.append((doc.urgency.printed_mark, L.font_heiti))
        return lines

    def agency_mark(self, before: float = 0, container=None):
        """The 发文机关标志 (7.2.4, 10.1, 10.3): red 小标宋, centred, one line however long (narrowed to fit)."""
        L = self.L
        size, scale = L.agency_mark_fit(self.doc.agency_mark)
        p = self.para(container=container, align=CENTER, exact=pt_to_twips(size), before=before, snap=False)
        r = self.run(p, self.doc.agency_mark, L.font_xiaobiaosong, size, L.red)
        if scale < 100:
            r._r.rPr.insert_element_before(_el("w", val=scale), "w:kern", "w:position", "w:sz", "w:szCs")
        return p

    def rule(self, exact: float, *, container=None, sides: tuple[float, float] | None = None, **borders: float):
        """A paragraph ``exact`` twips high drawing red rules (``top=``/``bottom=`` weight in pt) on its edges;
        ``sides``: (left, right) indents in mm, negative to reach beyond the 版心."""
        left, right = (mm_to_twips(sides[0]), mm_to_twips(sides[1])) if sides else (None, None)
        p = self.para(container=container, exact=exact, snap=False, left=left, right=right)
        border = _el("pBdr")
        for edge in ("top", "bottom"):  # CT_PBdr order
            if edge in borders:
                border.append(_el(edge, val="single", sz=round(borders[edge] * 8), space=0, color=self.L.red))
        _set_ppr_child(p, border)
        return p

    def head(self) -> None:
        L, doc = self.L, self.doc
        lines = self.mark_lines()
        for text, font in lines:
            self.line(text, font)
        # 7.2.4 发文机关标志: top edge 35 mm below the top of the 版心
        self.agency_mark(before=max(0.0, mm_to_twips(L.agency_mark_top_mm) - len(lines) * L.line_pitch_twips))
        if doc.number_text:  # (a 纪要 may have none)
            self.blank(L.blank_lines_mark_to_number)
            if doc.upward:
                self.number_with_signers()
            else:  # 7.2.5 发文字号 centred
                self.line(doc.number_text, align=CENTER)
        # 7.2.7 red rule the width of the 版心, 4 mm below the 字号 line
        self.rule(mm_to_twips(L.separator_below_number_mm), bottom=L.separator_width_pt)

    def number_with_signers(self) -> None:
        """7.2.5/7.2.6 上行文: 字号 one character in on the left, on the line of the last 签发人 (right, one in)."""
        L, doc = self.L, self.doc
        lines = doc.signer_lines
        names_width = max(text_width_chars("\u3000".join(names)) for names in lines)
        label = "签发人："
        start = L.chars_per_line - L.signer_right_chars - names_width - text_width_chars(label)
        label_tab, names_tab = (L.chars(start), WD_TAB_ALIGNMENT.LEFT), (L.chars(start + 4), WD_TAB_ALIGNMENT.LEFT)
        number_tab = (L.chars(L.upward_number_left_chars), WD_TAB_ALIGNMENT.LEFT)
        for i, names in enumerate(lines):
            first, last = i == 0, i == len(lines) - 1
            tabs = [number_tab] if last else []
            tabs.append(label_tab if first else names_tab)
            p = self.para(tabs=tabs)
            if last:
                self.run(p, "\t" + doc.number_text, self.body_font, L.body_pt)
            self.run(p, "\t" + (label if first else ""), self.body_font, L.body_pt)
            self.run(p, "\u3000".join(names), L.font_kaiti, L.body_pt)

    # 主体 (7.3) -------------------------------------------------------------------------------------
    def title_gap(self) -> int:  # 7.3.1 标题 "红色分隔线下空二行"
        return self.L.blank_lines_separator_to_title

    def main(self) -> None:
        L, doc = self.L, self.doc
        self.blank(self.title_gap())
        p = self.para(align=CENTER, snap=False)  # 7.3.1 标题, 2号小标宋, centred, broken by meaning
        lines = doc.title_lines
        for i, text in enumerate(lines):
            r = self.run(p, text, L.font_xiaobiaosong, L.title_pt)
            if i < len(lines) - 1:
                r.add_break()
        self.blank(L.blank_lines_title_to_addressees)  # 7.3.2 "标题下空一行" (the 正文 likewise when there is no 主送)
        if doc.addressees_text:  # 7.3.2 主送机关, flush left, ends with "："
            self.line(doc.addressees_text, align=JUSTIFY)
        fonts = {1: L.font_heiti, 2: L.font_kaiti}
        indent = {"first_line": L.chars(L.body_first_line_chars), "align": JUSTIFY}
        for text in doc.body:  # 7.3.3 正文, indented two characters; 一、黑体 （一）楷体 1.（1）仿宋
            heading, rest = split_heading(text)
            p = self.para(**indent)
            if heading:
                self.run(p, heading, fonts.get(heading_level(heading), self.body_font), L.body_pt)
            if rest:
                self.run(p, rest, self.body_font, L.body_pt)
        self.attachments()
        self.closing()

    def closing(self) -> None:  # what follows the 正文 and 附件说明
        self.signature()
        self.note()

    def note(self) -> None:
        if self.doc.note_text:  # 7.3.6 附注, parenthesised, two characters in, on the line after the date
            self.line(self.doc.note_text, first_line=self.L.chars(self.L.note_indent_chars))

    def hanging(self, label: str, text: str, indent_chars: float, label_font: str | None = None):
        """``label`` (e.g. "抄送：") ``indent_chars`` in, its wrapped lines aligned after the label."""
        L, width = self.L, text_width_chars(label)
        p = self.para(left=L.chars(indent_chars + width), first_line=-L.chars(width), align=JUSTIFY)
        self.run(p, label, label_font or self.body_font, L.body_pt)
        self.run(p, text, self.body_font, L.body_pt)
        return p

    def attachments(self) -> None:
        """7.3.4 "附件：1.××" two characters in; wrapped lines align with the first character of the name."""
        L, doc = self.L, self.doc
        if not doc.attachments:
            return
        self.blank(L.blank_lines_body_to_attachments)
        label = "附件："
        for i, (number, name) in enumerate(doc.attachment_lines):
            name_at = L.attachment_indent_chars + text_width_chars(label) + text_width_chars(number)
            lead = (label if i == 0 else "") + number
            p = self.para(left=L.chars(name_at), first_line=-L.chars(text_width_chars(lead)), align=JUSTIFY)
            self.run(p, lead + name, self.body_font, L.body_pt)

    def signature(self) -> None:
        """7.3.5 署名 and 成文日期: with a seal the date is four characters from the right and the 署名 centred
        on it (7.3.5.1); without, 署名 two from the right and the date starting two further right (7.3.5.2)."""
        L, doc = self.L, self.doc
        date_text = format_date(doc.date)
        sig_w, date_w = text_width_chars(doc.signature), text_width_chars(date_text)
        width = L.chars_per_line
        together = {"keep_next": True}  # 署名 and 成文日期 never on different pages
        if doc.sealed:
            self.blank(L.blank_lines_before_signature_sealed, **together)
            date_at = width - L.date_right_chars_sealed - date_w
            sig_at = min(date_at + (date_w - sig_w) / 2, width - sig_w)
        else:
            self.blank(L.blank_lines_before_signature_unsealed, **together)
            sig_at = width - L.signature_right_chars_unsealed - sig_w
            date_at = sig_at + L.date_shift_chars_unsealed
            if date_at + date_w > width - L.signature_right_chars_unsealed:
                date_at = width - L.signature_right_chars_unsealed - date_w
                sig_at = date_at - L.date_shift_chars_unsealed
        self.line(doc.signature, left=L.chars(max(sig_at, 0)), **together)
        self.line(date_text, left=L.chars(max(date_at, 0)))

    # 版记 (7.4) -------------------------------------------------------------------------------------
    def edition(self, *, rules: bool = True) -> None:
        """抄送 and 印发机关/日期 in a table the width of the 版心, floated to the bottom of the last page so that
        its last line lies on the bottom edge of the 版心 (7.4.1); ``rules``: the 版记's 分隔线 (not in a 信函)."""
        L, doc = self.L, self.doc
        if not (doc.copy_to or doc.printing_office):
            return
        rows = [r for r in ("copy_to" if doc.copy_to else "", "printing" if doc.printing_office else "") if r]
        table = self.d.add_table(rows=len(rows), cols=1)
        width = round(mm_to_twips(L.text_width_mm))
        tblPr = table._tbl.tblPr
        for child in list(tblPr):
            tblPr.remove(child)
        # anchored to the page's left edge at the 订口: LibreOffice keeps a full-width table anchored to the margin
        # inline (right after the text); so placed, Word, WPS and LibreOffice all float it to the foot of the 版心
        tblPr.append(_el("tblpPr", leftFromText=0, rightFromText=0, topFromText=0, bottomFromText=0,
                         vertAnchor="margin", horzAnchor="page", tblpX=round(mm_to_twips(L.margin_left_mm)),
                         tblpYSpec="bottom"))
        tblPr.append(_el("tblOverlap", val="never"))
        tblPr.append(_el("tblW", w=width, type="dxa"))
        tblPr.append(_el("jc", val="center"))
        thick, thin = (_eighths(L.edition_thick_rule_mm), _eighths(L.edition_thin_rule_mm)) if rules else (0, 0)
        borders = _el("tblBorders")
        for side, size in (("top", thick), ("left", 0), ("bottom", thick), ("right", 0), ("insideH", thin),
                           ("insideV", 0)):
            borders.append(_el(side, val="single", sz=size, space=0, color=L.black) if size
                           else _el(side, val="nil"))
        tblPr.append(borders)
        tblPr.append(_el("tblLayout", type="fixed"))
        margins = _el("tblCellMar")
        for side in ("top", "left", "bottom", "right"):
            margins.append(_el(side, w=0, type="dxa"))
        tblPr.append(margins)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid_col = table._tbl.tblGrid.find(qn("w:gridCol"))
        grid_col.set(qn("w:w"), str(width))
        one = pt_to_twips(L.edition_pt)  # "一字" in 4号
        for row, kind in zip(table.rows, rows, strict=True):
            cell = row.cells[0]
            cell.width = Twips(width)
            cell._tc.remove(cell.paragraphs[0]._p)
            if kind == "copy_to":  # 7.4.2 "抄送：A，B。", wrapped lines align after the colon
                p = self.para(container=cell, snap=False, left=one * (L.edition_side_chars + 3),
                              right=one * L.edition_side_chars, first_line=-one * 3)
                self.run(p, doc.copy_to_text, self.body_font, L.edition_pt)
            else:  # 7.4.3 印发机关 one character in on the left, 印发日期 + "印发" one in on the right
                p = self.para(container=cell, snap=False, left=one * L.edition_side_chars,
                              tabs=[(width - one * L.edition_side_chars, WD_TAB_ALIGNMENT.RIGHT)])
                self.run(p, f"{doc.printing_office}\t{format_date(doc.printing_date)}印发", self.body_font,
                         L.edition_pt)
        self.para(exact=20, snap=False)  # the anchor paragraph the floating table hangs on: 1 pt high

    # 页码 (7.5) -------------------------------------------------------------------------------------
    def page_numbers(self) -> None:
        """"— 1 —" in 4号宋体, odd pages right and even pages left, one character in; the 一字线 7 mm below the
        版心 even when the footer distance is set for something else (the space after makes up the difference)."""
        L = self.L
        sec = self.d.sections[0]
        one = pt_to_twips(L.page_number_pt)
        after = Mm(max(0.0, L.footer_distance_mm - sec.footer_distance.mm))
        for footer, align in ((sec.footer, RIGHT), (sec.even_page_footer, LEFT)):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            if p._p.pPr is not None:
                p._p.remove(p._p.pPr)
            pf = p.paragraph_format
            pf.alignment = align
            pf.space_before, pf.space_after = Twips(0), after
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(L.page_number_pt)
            side = L.page_number_side_chars * one
            pf.right_indent, pf.left_indent = (Twips(side), Twips(0)) if align == RIGHT else (Twips(0), Twips(side))
            _set_ppr_child(p, _el("snapToGrid", val=0))
            self.run(p, "— ", L.font_songti, L.page_number_pt)
            self.field(p, "PAGE", "1")
            self.run(p, " —", L.font_songti, L.page_number_pt)

    def field(self, p, instruction: str, shown: str) -> None:
        font, size = self.L.font_songti, self.L.page_number_pt
        self.run(p, "", font, size)._r.append(_el("fldChar", fldCharType="begin"))
        instr = _el("instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {instruction} "
        self.run(p, "", font, size)._r.append(instr)
        self.run(p, "", font, size)._r.append(_el("fldChar", fldCharType="separate"))
        self.run(p, shown, font, size)
        self.run(p, "", font, size)._r.append(_el("fldChar", fldCharType="end"))

    def render(self) -> bytes:
        # python-docx's template starts with no paragraphs; everything is appended in 条例 第九条 order
        self.setup()
        self.head()
        self.main()
        self.edition()
        self.page_numbers()
        out = io.BytesIO()
        self.d.save(out)
        return out.getvalue()


def write_docx(doc: OutgoingDocument, layout: Gbt9704Layout) -> bytes:
    if doc.format == "document":
        return _Writer(doc, layout).render()
    from .gbt9704_special import WRITERS

    return WRITERS[doc.format](doc, layout).render()
