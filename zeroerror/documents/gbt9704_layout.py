"""GB/T 9704-2012《党政机关公文格式》: every layout figure in one place, with the clause it comes from.

Pure Python.  :data:`LAYOUT` is the standard's 文件格式 (clause 7) with the figures of the 信函格式 (10.1,
``letter_*``) and the 纪要格式 (10.3, ``minutes_*``); a unit can derive a variant with
``dataclasses.replace(LAYOUT, ...)`` (the standard allows "适当调整" in 6.1/6.2) without touching the renderer.

Figures the standard does not fix are marked "not fixed by the standard" with the reason for the value chosen.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

__all__ = ["EAST_ASIAN_FONTS", "LAYOUT", "Gbt9704Layout", "mm_to_twips", "pt_to_twips", "text_width_chars"]

TWIPS_PER_PT = 20
PT_PER_MM = 72 / 25.4


def mm_to_twips(mm: float) -> float:
    return mm * PT_PER_MM * TWIPS_PER_PT


def pt_to_twips(pt: float) -> float:
    return pt * TWIPS_PER_PT


def text_width_chars(text: str) -> float:
    """Width of ``text`` in body characters: CJK, full-width and ambiguous (× ★ “”) count 1; digits, Latin ½."""
    return sum(1 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


@dataclass(frozen=True)
class Gbt9704Layout:
    # 5.2.1 幅面尺寸: A4 (GB/T 148) 210 mm × 297 mm
    page_width_mm: float = 210.0
    page_height_mm: float = 297.0
    # 5.2.2 版面: 天头 (top margin) 37 mm ± 1 mm, 订口 (left margin) 28 mm ± 1 mm, 版心 156 mm × 225 mm
    margin_top_mm: float = 37.0
    margin_left_mm: float = 28.0
    text_width_mm: float = 156.0
    text_height_mm: float = 225.0
    # 6.2 行数和字数: 22 lines a page, 28 characters a line, filling the 版心
    lines_per_page: int = 22
    chars_per_line: int = 28

    # 字号 in points: 初号 42, 2号 22, 3号 16, 4号 14
    body_pt: float = 16.0  # 6.1 "公文格式各要素一般用3号仿宋体字"; 7.3.3 正文
    title_pt: float = 22.0  # 7.3.1 标题 "一般用2号小标宋体字"
    edition_pt: float = 14.0  # 7.4.2 抄送, 7.4.3 印发机关和印发日期 "一般用4号仿宋体字"
    page_number_pt: float = 14.0  # 7.5 页码 "一般用4号半角宋体阿拉伯数字"
    # 7.2.4 发文机关标志: size not fixed by the standard ("醒目、美观、庄重"); GB/T 9704-1999 capped a character
    # at 22 mm × 15 mm; 初号 (42 pt ≈ 14.8 mm) keeps within it and is shrunk to fit a long name on one line
    agency_mark_max_pt: float = 42.0
    # a longer name is first narrowed (character scaling, as printed 红头 do) down to this percentage, then shrunk
    agency_mark_min_scale: int = 60
    agency_mark_top_mm: float = 35.0  # 7.2.4 标志上边缘至版心上边缘 35 mm

    # 7.2.5 发文字号 "发文机关标志下空二行"; 7.2.6 签发人 likewise; 7.3.1 标题 "红色分隔线下空二行"
    blank_lines_mark_to_number: int = 2
    blank_lines_separator_to_title: int = 2
    blank_lines_title_to_addressees: int = 1  # 7.3.2 主送机关 "标题下空一行"
    blank_lines_body_to_attachments: int = 1  # 7.3.4 附件说明 "正文下空一行"
    # 7.3.5.2 without a seal: 署名 "正文（或附件说明）下空一行"; with a seal (7.3.5.1) the seal's top must be within
    # one line of the text: two blank lines leave room for a 42 mm seal centred a little above 署名 and date
    blank_lines_before_signature_unsealed: int = 1
    blank_lines_before_signature_sealed: int = 2

    # indents in characters
    body_first_line_chars: int = 2  # 7.3.3 "每个自然段左空二字，回行顶格"
    attachment_indent_chars: int = 2  # 7.3.4 "左空二字编排“附件”二字"
    note_indent_chars: int = 2  # 7.3.6 附注 "居左空二字加圆括号"
    signer_right_chars: int = 1  # 7.2.6 签发人 "居右空一字"
    upward_number_left_chars: int = 1  # 7.2.5 上行文的发文字号 "居左空一字"
    signature_right_chars_unsealed: int = 2  # 7.3.5.2 署名 "右空二字"
    date_shift_chars_unsealed: int = 2  # 7.3.5.2 成文日期 "首字比发文机关署名首字右移二字"
    date_right_chars_sealed: int = 4  # 7.3.5.1 成文日期 "一般右空四字"
    edition_side_chars: int = 1  # 7.4.2/7.4.3 版记 "左右各空一字"
    page_number_side_chars: int = 1  # 7.5 "单页码居右空一字，双页码居左空一字"
    signers_per_line: int = 2  # 7.2.6 "一般每行排两个姓名"

    # 7.2.7 红色分隔线 "发文字号之下4mm处居中印一条与版心等宽的红色分隔线"
    separator_below_number_mm: float = 4.0
    # thickness not fixed by the standard; 1.5 pt (≈0.53 mm) reads as a solid rule at print size
    separator_width_pt: float = 1.5
    # 7.4.1 版记中的分隔线: 首条和末条 0.35 mm (粗线), 中间 0.25 mm (细线)
    edition_thick_rule_mm: float = 0.35
    edition_thin_rule_mm: float = 0.25
    # 7.5 页码: "一字线上距版心下边缘7mm"; the dash sits at mid-height of the footer line
    page_number_gap_mm: float = 7.0

    # 10.1 信函格式 ---------------------------------------------------------------------------------------
    # "发文机关标志使用发文机关全称或者规范化简称，居中排布，上边缘至上页边为30mm" (the page edge, not the 版心)
    letter_mark_top_mm: float = 30.0
    # "发文机关标志下4mm处印一条红色双线（上粗下细），距下页边20mm处印一条红色双线（上细下粗），线长均为170mm，
    # 居中排布" — centred on the page (20 mm from each side edge), not on the 版心 (which sits 1 mm right of centre)
    letter_rule_below_mark_mm: float = 4.0
    letter_bottom_rule_from_page_mm: float = 20.0
    letter_rule_length_mm: float = 170.0
    # the two lines' weights and the gap between them are not fixed by the standard; 2.25 pt / 0.75 pt with a
    # 1 pt gap is the usual 信函 letter paper and reads as "粗" and "细" at print size
    letter_rule_thick_pt: float = 2.25
    letter_rule_thin_pt: float = 0.75
    letter_rule_gap_pt: float = 1.0
    # "份号、密级和保密期限、紧急程度 … 顶格居版心左边缘编排在第一条红色双线下 … 第一个要素与该线的距离为3号汉字
    # 高度的7/8"; "发文字号顶格居版心右边缘编排在第一条红色双线下，与该线的距离为3号汉字高度的7/8" — so the 字号
    # shares the first line under the rule with the first of 份号/密级/紧急程度 (or stands alone on it)
    letter_first_line_gap_ratio: float = 7 / 8
    # "标题居中编排，与其上最后一个要素相距二行"
    letter_blank_lines_to_title: int = 2
    # "首页不显示页码" (the first page's footer holds the second double line instead)
    # "版记不加印发机关和印发日期、分隔线": a letter's 版记 is its 抄送 alone, with no rules, at the foot of the last
    # page's 版心 like any 版记 (7.4.1)

    # 10.3 纪要格式 ---------------------------------------------------------------------------------------
    # "纪要标志由“×××××纪要”组成，居中排布，上边缘至版心上边缘为35mm，推荐使用红色小标宋体字" — placed as 7.2.4
    minutes_mark_suffix: str = "纪要"
    # "在正文或附件说明下空一行左空二字编排“出席”二字，后标全角冒号，冒号后用3号仿宋体字标注出席人单位、姓名，
    # 回行时与冒号后的首字对齐"; 请假 and 列席 "依次另起一行"; the labels in 3号黑体
    minutes_blank_lines_before_attendance: int = 1
    minutes_attendance_indent_chars: int = 2
    minutes_name_separator: str = "、"  # not fixed by the standard: the 顿号 between names in a list
    # "纪要格式可以根据实际制定": no 署名 and no seal (a 纪要 is not sealed); the 成文日期 one blank line under the
    # attendance, two characters from the right (as the unsealed date of 7.3.5.2)
    minutes_blank_lines_before_date: int = 1
    minutes_date_right_chars: int = 2

    # 6.3 all text black unless stated; 7.2.4 标志 and 7.2.7 分隔线 "红色" (no RGB given: pure red)
    red: str = "FF0000"
    black: str = "000000"

    # fonts as named by the standard (仿宋体, 小标宋体, 黑体, 楷体, 宋体) with the names Chinese offices install
    font_fangsong: str = "仿宋_GB2312"
    font_xiaobiaosong: str = "方正小标宋简体"
    font_heiti: str = "黑体"
    font_kaiti: str = "楷体_GB2312"
    font_songti: str = "宋体"

    # derived figures -------------------------------------------------------------------------------
    @property
    def margin_right_mm(self) -> float:
        """订口 + 版心 width leave 26 mm on the right (5.2.2)."""
        return self.page_width_mm - self.margin_left_mm - self.text_width_mm

    @property
    def margin_bottom_mm(self) -> float:
        """天头 + 版心 height leave 35 mm at the bottom (5.2.2)."""
        return self.page_height_mm - self.margin_top_mm - self.text_height_mm

    @property
    def line_pitch_twips(self) -> int:
        """w:docGrid/@w:linePitch: 225 mm / 22 lines = 579.8 twips, rounded down so that 22 lines fit."""
        return math.floor(mm_to_twips(self.text_height_mm) / self.lines_per_page)

    @property
    def char_pitch_pt(self) -> float:
        """156 mm / 28 characters = 15.79 pt per character."""
        return self.text_width_mm * PT_PER_MM / self.chars_per_line

    @property
    def char_pitch_twips(self) -> float:
        return pt_to_twips(self.char_pitch_pt)

    @property
    def body_char_spacing_twips(self) -> int:
        """w:spacing (character spacing) of 3号 text, in twentieths of a point: each character advances by its size
        plus this, rounded down so that exactly 28 fit the 版心 (−5: 15.75 pt a character, 441 of the 442.2 pt).

        This, not Word's character grid (w:docGrid linesAndChars/charSpace), makes the 28 characters: LibreOffice
        sets a 16 pt character in a 15.79 pt grid cell over two cells (14 a line), Word and WPS squeeze it; an
        explicit spacing is laid out alike by all three, whatever CJK font stands in."""
        return math.floor((self.char_pitch_pt - self.body_pt) * TWIPS_PER_PT)

    @property
    def char_advance_pt(self) -> float:
        """How far one 3号 character advances: 15.75 pt."""
        return self.body_pt + self.body_char_spacing_twips / TWIPS_PER_PT

    @property
    def title_chars_per_line(self) -> int:
        """2号 title characters in one line of the 版心: 20."""
        return math.floor(self.text_width_mm * PT_PER_MM / self.title_pt)

    @property
    def footer_distance_mm(self) -> float:
        """Page bottom to the footer line's bottom so that the 一字线 is 7 mm below the 版心 (7.5)."""
        line_mm = self.page_number_pt / PT_PER_MM
        return self.margin_bottom_mm - self.page_number_gap_mm - line_mm / 2

    @property
    def letter_rule_side_mm(self) -> tuple[float, float]:
        """(left, right) indents of a 170 mm rule centred on the page, relative to the 版心: negative, outside it."""
        side = (self.page_width_mm - self.letter_rule_length_mm) / 2
        return side - self.margin_left_mm, side - self.margin_right_mm

    def chars(self, n: float) -> int:
        """``n`` body characters, in twips (as they advance: indents line up with the characters above)."""
        return round(n * pt_to_twips(self.char_advance_pt))

    def agency_mark_fit(self, mark: str) -> tuple[float, int]:
        """(size in pt, horizontal scale in %) keeping the 发文机关标志 on one line within 98 % of the 版心 width:
        full size while it fits, then narrowed down to :attr:`agency_mark_min_scale`, then made smaller."""
        available = self.text_width_mm * PT_PER_MM * 0.98
        chars = max(text_width_chars(mark), 1)
        size = self.agency_mark_max_pt
        scale = min(100, math.floor(available / (chars * size) * 100))
        if scale < self.agency_mark_min_scale:
            scale = self.agency_mark_min_scale
            size = math.floor(available / (chars * scale / 100) * 2) / 2
        return size, scale


LAYOUT = Gbt9704Layout()


# East-Asian fonts the layout names, declared in the .docx font table (word/fontTable.xml) with the font that stands
# in when they are not installed (w:altName) and the PANOSE, character set (86: GB2312) and pitch that Word and
# WPS use to pick a substitute: a PC without the *_GB2312 fonts of old Windows prints 仿宋/楷体, one without
# 方正小标宋简体 prints 宋体 — at the size set on each run, so the 22 × 28 page is kept.
#   name: (altName, panose1, family)
EAST_ASIAN_FONTS: dict[str, tuple[str, str, str]] = {
    "仿宋_GB2312": ("仿宋", "02010609030101010101", "modern"),
    "楷体_GB2312": ("楷体", "02010609030101010101", "modern"),
    "方正小标宋简体": ("宋体", "02000000000000000000", "script"),
    "仿宋": ("FangSong", "02010609060101010101", "modern"),
    "楷体": ("KaiTi", "02010609060101010101", "modern"),
    "黑体": ("SimHei", "02010609060101010101", "modern"),
    "宋体": ("SimSun", "02010600030101010101", "auto"),
}
