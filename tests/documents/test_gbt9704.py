"""GB/T 9704-2012 output: a reader opens the generated .docx and checks what the standard prescribes."""

import dataclasses
import datetime
import io
import re

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn

from zeroerror.documents.gbt9704 import (
    DocumentFormatError,
    OutgoingDocument,
    format_date,
    heading_level,
    heading_problems,
    letterhead_problem,
    render_docx,
    split_heading,
)
from zeroerror.documents.gbt9704_layout import LAYOUT

print_layout = pytest.mark.clause("一(一)7")

MARK = "××市卫生健康委员会文件"
BODY = (
    "为提高基层医疗卫生服务能力，决定开展能力提升行动。现将有关事项通知如下。",
    "一、总体要求",
    "以人民健康为中心，用三年时间使基层服务能力明显提升。",
    "（一）加强基础设施建设。各区要完善业务用房和设备配置。",
    "1.加大全科医生培养力度。",
    "（1）建立健全激励机制。",
)
CHAR = 15.75 * 25.4 / 72  # mm a 3号 character advances (16 pt condensed by 0.25 pt: 28 fill the 156 mm line)


def make(**changes) -> OutgoingDocument:
    fields = dict(
        agency_mark=MARK, doc_number="卫发〔2026〕3号", title="××市卫生健康委员会关于开展基层医疗卫生服务能力提升行动的通知",
        body=BODY, signature="××市卫生健康委员会", date=datetime.date(2026, 1, 5), addressees="各区卫生健康局",
        copy_number=1, classification="秘密★1年", urgency="特急", kind="通知",
        attachments=("实施方案", "评价指标"), note="联系人：赵六，电话：12345678",
        copy_to=("市委办公室", "市政府办公室"), printing_office="××市卫生健康委员会办公室",
        printing_date=datetime.date(2026, 1, 6),
    )
    fields.update(changes)
    return OutgoingDocument(**fields)


def open_docx(doc: OutgoingDocument) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_docx(doc)))


def blocks(d) -> list:
    """Body paragraphs in document order, table cell paragraphs included, as (paragraph, in_table)."""
    out = []
    for child in d.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append((docx.text.paragraph.Paragraph(child, d), False))
        elif child.tag == qn("w:tbl"):
            for p in child.iter(qn("w:p")):
                out.append((docx.text.paragraph.Paragraph(p, d), True))
    return out


def para(d, text: str):
    found = [p for p, _ in blocks(d) if text in p.text]
    assert found, f"no paragraph contains {text!r}"
    return found[0]


def run_with(p, text: str):
    for r in p.runs:
        if text in r.text:
            return r
    raise AssertionError(f"no run with {text!r} in {p.text!r}")


def fonts(run) -> tuple[str, str]:
    rfonts = run._r.rPr.rFonts
    return rfonts.get(qn("w:ascii")), rfonts.get(qn("w:eastAsia"))


def field_text(p) -> str:
    """The paragraph's text with each field shown as {INSTRUCTION} and its cached result dropped."""
    out, in_result = [], False
    for r in p._p.iter(qn("w:r")):
        for el in r:
            if el.tag == qn("w:fldChar"):
                kind = el.get(qn("w:fldCharType"))
                in_result = kind == "separate"
            elif el.tag == qn("w:instrText"):
                out.append("{" + el.text.strip() + "}")
            elif el.tag == qn("w:t") and not in_result:
                out.append(el.text)
    return "".join(out)


@pytest.fixture(scope="module")
def rendered():
    return open_docx(make())


@print_layout
def test_page_is_a4_with_the_standard_margins(rendered):
    sec = rendered.sections[0]
    assert abs(sec.page_width.mm - 210) < 0.1 and abs(sec.page_height.mm - 297) < 0.1
    for length, expected in ((sec.top_margin, 37), (sec.left_margin, 28), (sec.right_margin, 26),
                             (sec.bottom_margin, 35)):
        assert abs(length.mm - expected) < 0.1
    # the 版心 is what is left: 156 mm × 225 mm
    assert abs(sec.page_width.mm - sec.left_margin.mm - sec.right_margin.mm - 156) < 0.1
    assert abs(sec.page_height.mm - sec.top_margin.mm - sec.bottom_margin.mm - 225) < 0.1


@print_layout
def test_document_lays_out_as_22_lines_of_28_characters(rendered):
    grid = rendered.sections[0]._sectPr.find(qn("w:docGrid"))
    # a line grid only: LibreOffice spreads a 16 pt character over two cells of a 15.79 pt character grid
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:charSpace")) is None
    pitch = int(grid.get(qn("w:linePitch")))
    text_height_twips = 225 / 25.4 * 1440
    assert pitch == 579 and 22 * pitch <= text_height_twips < 23 * pitch
    body = para(rendered, BODY[0])
    assert body.paragraph_format.line_spacing.twips == pitch  # exact: 22 lines whatever the font
    # every 3号 run advances 15.75 pt a character: 28 fit the 156 mm line, 29 do not
    runs = [r for p, _ in blocks(rendered) for r in p.runs if r.font.size and r.font.size.pt == 16]
    assert runs and {r._r.rPr.find(qn("w:spacing")).get(qn("w:val")) for r in runs} == {"-5"}
    advance_mm = (16 - 5 / 20) * 25.4 / 72
    assert 28 * advance_mm <= 156 < 29 * advance_mm
    # no automatic space between Chinese and digits: the widths are as counted
    ppr = rendered.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:pPr"))
    assert ppr.find(qn("w:autoSpaceDE")).get(qn("w:val")) == ppr.find(qn("w:autoSpaceDN")).get(qn("w:val")) == "0"


@print_layout
def test_elements_come_in_the_order_of_the_standard(rendered):
    texts = [p.text for p, _ in blocks(rendered)]
    sequence = ["000001", "秘密★1年", "特急", MARK, "卫发〔2026〕3号", "关于开展基层", "各区卫生健康局：",
                BODY[0], "附件：1.实施方案", "2.评价指标", "××市卫生健康委员会", "2026年1月5日",
                "（联系人：赵六，电话：12345678）", "抄送：市委办公室，市政府办公室。", "2026年1月6日印发"]
    positions = []
    for wanted in sequence:
        hits = [i for i, t in enumerate(texts) if wanted in t and (not positions or i > positions[-1])]
        assert hits, f"{wanted!r} missing or out of order"
        positions.append(hits[0])
    assert texts[positions[0]] == "000001" and positions[0] == 0  # 份号 on the first line
    # the red rule lies between the 字号 and the title, two blank lines above the title
    rule = [i for i, (p, _) in enumerate(blocks(rendered)) if p._p.find(".//" + qn("w:pBdr")) is not None]
    assert len(rule) == 1 and positions[4] < rule[0] < positions[5]
    assert texts[rule[0] + 1: rule[0] + 3] == ["", ""]
    # 发文字号 two blank lines under the 标志; 主送 one blank line under the title
    assert texts[positions[3] + 1: positions[4]] == ["", ""]
    assert texts[positions[5] + 1: positions[6]] == [""]


@print_layout
def test_letterhead_is_red_xiaobiaosong_and_the_rule_is_red(rendered):
    p = para(rendered, MARK)
    r = run_with(p, MARK)
    assert fonts(r) == ("方正小标宋简体", "方正小标宋简体")
    assert str(r.font.color.rgb) == "FF0000"
    assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    # top edge 35 mm below the top of the 版心: three lines (份号, 密级, 紧急程度) plus the space before
    assert abs(p.paragraph_format.space_before.mm + 3 * 579 / 1440 * 25.4 - 35) < 0.1
    rule = rendered.element.body.find(".//" + qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == "FF0000" and rule.get(qn("w:val")) == "single"
    rule_para = rule.getparent().getparent().getparent()
    assert docx.text.paragraph.Paragraph(rule_para, rendered).paragraph_format.left_indent in (None, 0)
    assert abs(docx.text.paragraph.Paragraph(rule_para, rendered).paragraph_format.line_spacing.mm - 4) < 0.1


@print_layout
def test_fonts_of_each_element(rendered):
    expect = {
        "000001": ("仿宋_GB2312", 16), "秘密★1年": ("黑体", 16), "特急": ("黑体", 16),
        "卫发〔2026〕3号": ("仿宋_GB2312", 16), "服务能力提升行动的通知": ("方正小标宋简体", 22),
        "各区卫生健康局：": ("仿宋_GB2312", 16), BODY[0]: ("仿宋_GB2312", 16), "一、总体要求": ("黑体", 16),
        "（一）加强基础设施建设。": ("楷体_GB2312", 16), "各区要完善": ("仿宋_GB2312", 16),
        "1.加大全科医生培养力度。": ("仿宋_GB2312", 16), "（1）建立健全激励机制。": ("仿宋_GB2312", 16),
        "2026年1月5日": ("仿宋_GB2312", 16), "抄送：": ("仿宋_GB2312", 14), "印发": ("仿宋_GB2312", 14),
    }
    for text, (font, size) in expect.items():
        r = run_with(para(rendered, text), text)
        assert fonts(r) == (font, font), text
        assert r.font.size.pt == size, text
        assert str(r.font.color.rgb) == "000000", text
    assert para(rendered, "服务能力提升行动的通知").alignment == WD_ALIGN_PARAGRAPH.CENTER


@print_layout
def test_body_paragraphs_are_indented_two_characters(rendered):
    for text in (BODY[0], "一、总体要求", "（1）建立健全激励机制。"):
        p = para(rendered, text)
        assert abs(p.paragraph_format.first_line_indent.mm - 2 * CHAR) < 0.1
        assert p._p.pPr.ind.get(qn("w:firstLineChars")) is None  # in twips only: Word's grid units differ
    assert para(rendered, "各区卫生健康局：").paragraph_format.first_line_indent is None  # 主送 flush left
    note = para(rendered, "（联系人")
    assert abs(note.paragraph_format.first_line_indent.mm - 2 * CHAR) < 0.1


@print_layout
def test_attachment_note_aligns_names(rendered):
    first, second = para(rendered, "附件：1.实施方案"), para(rendered, "2.评价指标")
    # "附件：" two characters in; the names of both lines start at the same place
    for p in (first, second):
        assert abs(p.paragraph_format.left_indent.mm - 6 * CHAR) < 0.1
    assert abs(first.paragraph_format.first_line_indent.mm + 4 * CHAR) < 0.1
    assert abs(second.paragraph_format.first_line_indent.mm + 1 * CHAR) < 0.1
    single = open_docx(make(attachments=("实施方案",)))
    assert para(single, "附件：").text == "附件：实施方案"


@print_layout
def test_signature_and_date_positions():
    sealed = open_docx(make())
    date = para(sealed, "2026年1月5日")
    # with a seal: date four characters from the right: 28 - 4 - 6 (2026年1月5日 is 6 characters wide)
    assert abs(date.paragraph_format.left_indent.mm - 18 * CHAR) < 0.1
    unsealed = open_docx(make(sealed=False))
    sig = [p for p, _ in blocks(unsealed) if p.text == "××市卫生健康委员会"][0]
    date = para(unsealed, "2026年1月5日")
    # without: 署名 (10 characters) two from the right at 28 - 2 - 10, the date starting two characters further right
    assert abs(sig.paragraph_format.left_indent.mm - 16 * CHAR) < 0.1
    assert abs(date.paragraph_format.left_indent.mm - 18 * CHAR) < 0.1
    # a date longer than the 署名 keeps two characters from the right and pushes the 署名 left
    short = open_docx(make(sealed=False, signature="卫健委", agency_mark="卫健委文件"))
    sig = [p for p, _ in blocks(short) if p.text == "卫健委"][0]
    assert abs(para(short, "2026年1月5日").paragraph_format.left_indent.mm - 20 * CHAR) < 0.1
    assert abs(sig.paragraph_format.left_indent.mm - 18 * CHAR) < 0.1


@print_layout
def test_edition_block_sits_at_the_bottom_with_its_rules(rendered):
    tables = rendered.tables
    assert len(tables) == 1
    tblPr = tables[0]._tbl.tblPr
    pos = tblPr.find(qn("w:tblpPr"))
    assert (pos.get(qn("w:vertAnchor")), pos.get(qn("w:tblpYSpec"))) == ("margin", "bottom")
    # from the page's left edge at the 订口 (LibreOffice keeps a full-width, margin-anchored table inline)
    assert pos.get(qn("w:horzAnchor")) == "page" and abs(int(pos.get(qn("w:tblpX"))) / 1440 * 25.4 - 28) < 0.1
    assert abs(int(tblPr.find(qn("w:tblW")).get(qn("w:w"))) / 1440 * 25.4 - 156) < 0.1
    borders = tblPr.find(qn("w:tblBorders"))
    size = {side: borders.find(qn(f"w:{side}")).get(qn("w:sz")) for side in ("top", "bottom", "insideH")}
    assert size == {"top": "8", "bottom": "8", "insideH": "6"}  # 0.35 mm and 0.25 mm in eighths of a point
    copy_to = para(rendered, "抄送：")
    assert copy_to.text == "抄送：市委办公室，市政府办公室。"
    assert abs(copy_to.paragraph_format.left_indent.pt - 4 * 14) < 0.5  # wrapped lines align after the colon
    assert abs(copy_to.paragraph_format.first_line_indent.pt + 3 * 14) < 0.5
    printing = para(rendered, "印发")
    assert printing.text == "××市卫生健康委员会办公室\t2026年1月6日印发"
    assert printing.paragraph_format.tab_stops[0].alignment == WD_TAB_ALIGNMENT.RIGHT


@print_layout
def test_page_numbers_are_em_dash_framed_odd_right_even_left(rendered):
    assert rendered.settings.odd_and_even_pages_header_footer
    sec = rendered.sections[0]
    odd, even = sec.footer.paragraphs[0], sec.even_page_footer.paragraphs[0]
    assert field_text(odd) == field_text(even) == "— {PAGE} —"
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and abs(odd.paragraph_format.right_indent.pt - 14) < 0.5
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT and abs(even.paragraph_format.left_indent.pt - 14) < 0.5
    for r in odd.runs:
        assert fonts(r) == ("宋体", "宋体") and r.font.size.pt == 14
    # the dash line 7 mm below the 版心: footer line (4号) centred 7 mm under the bottom margin edge
    assert abs(sec.footer_distance.mm - (35 - 7 - 14 / 72 * 25.4 / 2)) < 0.1


@print_layout
def test_upward_document_puts_the_number_left_and_the_signers_right():
    d = open_docx(make(kind="请示", signers=("张三", "李四", "王五")))
    first = para(d, "签发人：")
    last = para(d, "卫发〔2026〕3号")
    assert first.text == "\t签发人：张三\u3000李四"
    assert last.text == "\t卫发〔2026〕3号\t王五"  # the number shares the line of the last 签发人
    assert fonts(run_with(first, "签发人：")) == ("仿宋_GB2312", "仿宋_GB2312")
    assert fonts(run_with(first, "张三")) == ("楷体_GB2312", "楷体_GB2312")
    assert fonts(run_with(last, "王五")) == ("楷体_GB2312", "楷体_GB2312")
    stops = [t.position.mm for t in last.paragraph_format.tab_stops]
    assert abs(stops[0] - CHAR) < 0.1  # 字号 one character in from the left
    # 签发人 block ends one character in from the right: "签发人：张三　李四" is 9 characters wide
    assert abs(first.paragraph_format.tab_stops[0].position.mm - (28 - 1 - 9) * CHAR) < 0.1
    assert abs(stops[1] - (28 - 1 - 5) * CHAR) < 0.1  # second-line names align with the first name
    assert last.alignment == WD_ALIGN_PARAGRAPH.LEFT
    # a 下行文 shows no 签发人 and centres the number
    down = open_docx(make(signers=("张三",)))
    assert not any("签发人" in p.text for p, _ in blocks(down))
    assert para(down, "卫发〔2026〕3号").alignment == WD_ALIGN_PARAGRAPH.CENTER


@print_layout
def test_optional_elements_are_left_out():
    d = open_docx(make(copy_number=None, classification=None, urgency="平急", attachments=(), note="",
                       copy_to=(), printing_office="", printing_date=None))
    texts = [p.text for p, _ in blocks(d)]
    assert not d.tables
    assert not any(t.startswith(("附件", "（联系人", "000")) or t in ("特急", "加急", "平急") for t in texts)
    mark = para(d, MARK)
    assert abs(mark.paragraph_format.space_before.mm - 35) < 0.1  # no lines above: the full 35 mm


@print_layout
def test_long_letterhead_is_narrowed_to_stay_on_one_line():
    short_mark = "××市卫生局"
    short = run_with(para(open_docx(make(agency_mark=short_mark, signature=short_mark)), short_mark), short_mark)
    assert short.font.size.pt == 42 and short._r.rPr.find(qn("w:w")) is None  # 初号, unscaled
    usual = run_with(para(open_docx(make()), MARK), MARK)  # 12 characters of 初号 are 504 pt: narrowed to 85 %
    assert usual.font.size.pt == 42 and usual._r.rPr.find(qn("w:w")).get(qn("w:val")) == "85"
    long_mark = "××省××市卫生健康委员会××市中医药管理局文件"
    d = open_docx(make(agency_mark=long_mark, mark_aliases=("××省××市卫生健康委员会××市中医药管理局",)))
    r = run_with(para(d, long_mark), long_mark)
    scale = int(r._r.rPr.find(qn("w:w")).get(qn("w:val")))
    width_pt = len(long_mark) * r.font.size.pt * scale / 100
    assert width_pt <= 156 / 25.4 * 72 and scale >= LAYOUT.agency_mark_min_scale


@pytest.mark.clause("一(一)2")
def test_a_wrong_doc_number_is_refused_before_rendering():
    with pytest.raises(DocumentFormatError) as exc:
        make(doc_number="卫发[2026]03号")
    assert "不能用方括号" in exc.value.message and "不编虚位" in exc.value.message


@print_layout
@pytest.mark.parametrize(
    ("changes", "fault"),
    [
        ({"title": ""}, "缺少标题"),
        ({"title": "关于开展行动的通知。"}, "标题末尾不加标点"),
        ({"body": ()}, "缺少正文"),
        ({"agency_mark": ""}, "缺少发文机关标志"),
        ({"agency_mark": "××市教育局文件"}, "疑似错用文头"),
        ({"signature": ""}, "缺少发文机关署名"),
        ({"copy_number": None}, "涉密公文应当标注份号"),
        ({"copy_number": "1234567"}, "份号应为不超过6位"),
        ({"kind": "请示"}, "上行文应当标注签发人"),
        ({"addressees": "各区卫生健康局。"}, "主送机关最后应标全角冒号"),
        ({"attachments": ("实施方案。",)}, "附件名称“实施方案。”后不加标点"),
        ({"attachments": ("1.实施方案",)}, "不要自带序号"),
        ({"copy_to": ("市委办公室，",)}, "抄送机关“市委办公室，”后不加标点"),
        ({"printing_date": datetime.date(2026, 1, 4)}, "印发日期2026年1月4日早于成文日期2026年1月5日"),
        ({"printing_office": ""}, "印发机关和印发日期应同时标注"),
        ({"urgency": "很急"}, "不是有效的紧急程度"),
        ({"classification": "内部"}, "密级和保密期限“内部”格式错误"),
    ],
)
def test_missing_or_malformed_elements_are_refused(changes, fault):
    with pytest.raises(DocumentFormatError) as exc:
        make(**changes)
    assert fault in exc.value.message


@print_layout
def test_letterhead_check():
    assert letterhead_problem("××市卫生健康委员会文件", "××市卫生健康委员会") is None
    assert letterhead_problem("××市卫生健康委员会", "××市卫生健康委员会") is None
    assert letterhead_problem("××市卫健委文件", "××市卫生健康委员会", aliases=("××市卫健委",)) is None
    assert "错用文头" in letterhead_problem("××市卫健委文件", "××市卫生健康委员会")


def test_display_forms():
    doc = make(addressees="各区卫生健康局：", note="（联系人：赵六）", copy_number="42")
    assert doc.addressees_text == "各区卫生健康局："
    assert doc.note_text == "（联系人：赵六）"
    assert doc.copy_number_text == "000042"
    assert str(doc.doc_number) == "卫发〔2026〕3号" and str(doc.classification) == "秘密★1年"
    assert format_date(datetime.date(2026, 10, 1)) == "2026年10月1日"
    assert dataclasses.replace(doc, note="").note_text == ""


def test_heading_levels():
    assert [heading_level(t) for t in BODY] == [0, 1, 0, 2, 3, 4]
    assert heading_level("2026年是关键之年。") == 0
    assert heading_level("3.5倍于去年。") == 0
    assert heading_level("十二、其他") == 1
    assert split_heading("（一）加强建设。各区要完善。") == ("（一）加强建设。", "各区要完善。")
    assert split_heading("一、总体要求") == ("一、总体要求", "")
    assert split_heading("普通段落。还有一句。") == ("", "普通段落。还有一句。")


def test_heading_marker_problems():
    problems = heading_problems(["一，总体要求", "（一）、加强", "(二)强化", "1、加大", "2．落实", "（1）、建立",
                                 "(2)完善", "一、正确", "（一）正确", "1.正确", "（1）正确"])
    assert len(problems) == 7
    assert re.match(r"第1段“一，总体要求”：第一层序数应为“一、”", problems[0])
    assert "“（一）”后不加标点" in problems[1] and "全角括号“（一）”" in problems[2]
    assert "应为“1.”" in problems[3] and "半角圆点" in problems[4]
    assert "“（1）”后不加标点" in problems[5] and "全角括号“（1）”" in problems[6]


@print_layout
def test_east_asian_fonts_are_declared_with_their_stand_ins(rendered):
    """Word and WPS on a PC without 仿宋_GB2312/楷体_GB2312/方正小标宋简体 print 仿宋/楷体/宋体 instead."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    table = etree.fromstring(rendered.part.part_related_by(RT.FONT_TABLE).blob)
    declared = {f.get(qn("w:name")): f for f in table.findall(qn("w:font"))}
    expected = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体", "仿宋": "FangSong",
                "楷体": "KaiTi", "黑体": "SimHei", "宋体": "SimSun"}
    for name, alt in expected.items():
        font = declared[name]
        assert font.find(qn("w:altName")).get(qn("w:val")) == alt, name
        assert font.find(qn("w:charset")).get(qn("w:val")) == "86", name  # GB2312
        assert font.find(qn("w:panose1")) is not None, name
    used = {el.get(qn("w:eastAsia")) for el in rendered.element.body.iter(qn("w:rFonts"))}
    assert used <= set(declared)  # every font a run names is declared


@print_layout
def test_number_year_must_be_the_year_of_the_date():
    with pytest.raises(DocumentFormatError) as exc:
        make(doc_number="卫发〔2027〕1号", date=datetime.date(2026, 12, 31), printing_date=None, printing_office="")
    assert "发文字号的年份〔2027〕与成文日期2026年12月31日不在同一年（文号年份取成文日期的年份）" in exc.value.message
    make(doc_number="卫发〔2026〕1号", date=datetime.date(2026, 12, 31), printing_date=None, printing_office="")
