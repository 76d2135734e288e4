"""GB/T 9704-2012 clause 10: the 信函格式 (10.1) and the 纪要格式 (10.3), checked by a reader of the .docx."""

import datetime
import io

import docx
import pytest
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn

from zeroerror.documents.gbt9704 import DocumentFormatError, OutgoingDocument, render_docx

print_layout = pytest.mark.clause("一(一)7")

ORGAN = "××市卫生健康委员会"
CHAR = 15.75 * 25.4 / 72  # mm a 3号 character advances
BODY = ("为做好基层医疗卫生服务能力评估，现商请贵局协助。", "一、评估范围", "特此函告。")


def letter(**changes) -> OutgoingDocument:
    fields = dict(
        agency_mark=ORGAN, doc_number="卫函〔2026〕3号", title="××市卫生健康委员会关于商请协助开展能力评估的函",
        body=BODY, signature=ORGAN, date=datetime.date(2026, 1, 5), addressees="××市财政局", copy_number=1,
        classification="秘密★1年", urgency="特急", kind="函", copy_to=("市委办公室", "市政府办公室"),
        note="联系人：赵六，电话：12345678", format="letter",
    )
    fields.update(changes)
    return OutgoingDocument(**fields)


def minutes(**changes) -> OutgoingDocument:
    fields = dict(
        agency_mark=f"{ORGAN}主任办公会议纪要", doc_number="卫纪〔2026〕1号", title="2026年第1次主任办公会议纪要",
        body=("会议研究了基层能力提升工作。", "一、会议议定事项"), signature="", date=datetime.date(2026, 1, 5),
        kind="纪要", format="minutes", attendees=("张三", "李四", "王五"), on_leave=("赵六（出差）",),
        observers=("办公室　钱七",),
    )
    fields.update(changes)
    return OutgoingDocument(**fields)


def open_docx(doc: OutgoingDocument):
    return docx.Document(io.BytesIO(render_docx(doc)))


def para(paragraphs, text: str):
    found = [p for p in paragraphs if text in p.text]
    assert found, f"no paragraph contains {text!r}"
    return found[0]


def fonts(run) -> str:
    return run._r.rPr.rFonts.get(qn("w:eastAsia"))


def borders(p) -> dict[str, tuple[str, int]]:
    """{edge: (colour, weight in eighths of a point)} of the paragraph's rules."""
    pbdr = p._p.pPr.find(qn("w:pBdr"))
    if pbdr is None:
        return {}
    return {el.tag.split("}")[1]: (el.get(qn("w:color")), int(el.get(qn("w:sz")))) for el in pbdr}


@pytest.fixture(scope="module")
def rendered_letter():
    return open_docx(letter())


@pytest.fixture(scope="module")
def rendered_minutes():
    return open_docx(minutes())


@print_layout
def test_letter_mark_is_30_mm_from_the_page_top(rendered_letter):
    sec = rendered_letter.sections[0]
    assert sec.different_first_page_header_footer
    header = sec.first_page_header.paragraphs
    mark = header[0]
    assert mark.text == ORGAN  # the organ's name, no "文件"
    run = mark.runs[0]
    assert fonts(run) == "方正小标宋简体" and str(run.font.color.rgb) == "FF0000"
    assert mark.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    # the header starts 30 mm below the page edge and the 标志 is its first line, with nothing before it
    assert abs(sec.header_distance.mm - 30) < 0.1
    assert mark.paragraph_format.space_before in (None, 0)
    assert ORGAN not in rendered_letter.paragraphs[0].text  # not in the body: above the 版心


@print_layout
def test_letter_has_the_red_double_lines_170_mm_centred_on_the_page(rendered_letter):
    sec = rendered_letter.sections[0]
    header = sec.first_page_header.paragraphs
    gap, upper = header[1], header[2]
    assert abs(gap.paragraph_format.line_spacing.mm - 4) < 0.1 and not borders(gap)  # 4 mm under the 标志
    (top_colour, top_sz), (bottom_colour, bottom_sz) = borders(upper)["top"], borders(upper)["bottom"]
    assert top_colour == bottom_colour == "FF0000"
    assert top_sz > bottom_sz  # 上粗下细
    lower = sec.first_page_footer.paragraphs[0]
    assert borders(lower)["top"][1] < borders(lower)["bottom"][1]  # 上细下粗
    assert abs(sec.footer_distance.mm - 20) < 0.1  # 20 mm above the bottom of the page
    for rule in (upper, lower):
        left = sec.left_margin.mm + rule.paragraph_format.left_indent.mm
        right = sec.right_margin.mm + rule.paragraph_format.right_indent.mm
        assert abs(left - 20) < 0.1 and abs(right - 20) < 0.1  # 170 mm, centred on the 210 mm page


@print_layout
def test_letter_marks_and_number_share_the_first_line_under_the_rule(rendered_letter):
    body = rendered_letter.paragraphs
    first = body[0]
    assert first.text == "000001\t卫函〔2026〕3号"  # 份号 flush left, 字号 flush right
    stop = first.paragraph_format.tab_stops[0]
    assert stop.alignment == WD_TAB_ALIGNMENT.RIGHT and abs(stop.position.mm - 156) < 0.1
    assert abs(first.paragraph_format.space_before.pt - 16 * 7 / 8) < 0.1  # 7/8 of a 3号 character
    assert [p.text for p in body[1:5]] == ["秘密★1年", "特急", "", ""]  # 标题 two lines under the last element
    assert "关于商请协助" in body[5].text
    only_number = open_docx(letter(copy_number=None, classification=None, urgency="平急")).paragraphs[0]
    assert only_number.text == "\t卫函〔2026〕3号"


@print_layout
def test_letter_first_page_has_no_page_number_and_later_pages_do(rendered_letter):
    sec = rendered_letter.sections[0]
    first = sec.first_page_footer._element.xml
    assert "PAGE" not in first and "—" not in first
    for footer in (sec.footer, sec.even_page_footer):
        assert "PAGE" in footer._element.xml
    # the 一字线 still 7 mm under the 版心: the space after lifts it from the 20 mm footer line
    after = sec.footer.paragraphs[0].paragraph_format.space_after.mm
    assert abs(20 + after - (35 - 7 - 14 / 72 * 25.4 / 2)) < 0.1


@print_layout
def test_letter_edition_is_the_copy_to_alone_without_rules_at_the_foot(rendered_letter):
    # 10.1 "版记不加印发机关和印发日期、分隔线": the 抄送 in a 版记 floated to the foot of the last page
    texts = [p.text for p in rendered_letter.paragraphs]
    assert not any(t.startswith("抄送：") or "印发" in t for t in texts)
    (table,) = rendered_letter.tables
    tblPr = table._tbl.tblPr
    pos = tblPr.find(qn("w:tblpPr"))
    assert (pos.get(qn("w:vertAnchor")), pos.get(qn("w:tblpYSpec")), pos.get(qn("w:horzAnchor"))) == \
        ("margin", "bottom", "page")
    borders = tblPr.find(qn("w:tblBorders"))
    assert {el.get(qn("w:val")) for el in borders} == {"nil"}  # no 分隔线
    (cell_text,) = [p.text for p in table.rows[0].cells[0].paragraphs]
    assert cell_text == "抄送：市委办公室，市政府办公室。" and len(table.rows) == 1


@print_layout
@pytest.mark.parametrize(
    ("changes", "fault"),
    [
        ({"doc_number": None}, "信函格式应当标注发文字号"),
        ({"agency_mark": f"{ORGAN}文件"}, "不加“文件”"),
        ({"printing_office": "办公室", "printing_date": datetime.date(2026, 1, 6)}, "信函格式不标注印发机关"),
        ({"format": "poster"}, "版式“poster”无效"),
        ({"attendees": ("张三",)}, "只用于纪要格式"),
    ],
)
def test_letter_faults_are_refused(changes, fault):
    with pytest.raises(DocumentFormatError) as exc:
        letter(**changes)
    assert fault in exc.value.message


@print_layout
def test_minutes_mark_ends_with_jiyao(rendered_minutes):
    mark = para(rendered_minutes.paragraphs, "纪要")
    assert mark.text.endswith("纪要") and mark.text == f"{ORGAN}主任办公会议纪要"
    run = mark.runs[0]
    assert fonts(run) == "方正小标宋简体" and str(run.font.color.rgb) == "FF0000"
    assert abs(mark.paragraph_format.space_before.mm - 35) < 0.1  # as 7.2.4: 35 mm below the top of the 版心


@print_layout
def test_minutes_list_attendance_in_order_with_heiti_labels(rendered_minutes):
    texts = [p.text for p in rendered_minutes.paragraphs]
    rows = [i for i, t in enumerate(texts) if t.startswith(("出席：", "请假：", "列席："))]
    assert [texts[i] for i in rows] == ["出席：张三、李四、王五", "请假：赵六（出差）", "列席：办公室　钱七"]
    assert rows == [rows[0], rows[0] + 1, rows[0] + 2]
    assert texts[rows[0] - 1] == "" and texts.index("一、会议议定事项") < rows[0]  # one blank line under 正文
    for i in rows:
        p = rendered_minutes.paragraphs[i]
        label, names = p.runs[0], p.runs[1]
        assert label.text.endswith("：") and fonts(label) == "黑体" and label.font.size.pt == 16
        assert fonts(names) == "仿宋_GB2312" and names.font.size.pt == 16
        # "出席" two characters in; wrapped lines aligned with the first name after the colon
        pf = p.paragraph_format
        assert abs(pf.left_indent.mm - 5 * CHAR) < 0.1 and abs(pf.first_line_indent.mm + 3 * CHAR) < 0.1
    # no 署名: the date follows the attendance, two characters from the right
    assert ORGAN not in texts
    date = para(rendered_minutes.paragraphs, "2026年1月5日")
    assert abs(date.paragraph_format.left_indent.mm - (28 - 2 - 6) * CHAR) < 0.1


@print_layout
def test_minutes_without_leave_or_observers_and_without_a_number():
    d = open_docx(minutes(on_leave=(), observers=(), doc_number=None))
    texts = [p.text for p in d.paragraphs]
    assert [t for t in texts if t.startswith(("出席", "请假", "列席"))] == ["出席：张三、李四、王五"]
    assert not any("〔2026〕" in t for t in texts)


@print_layout
@pytest.mark.parametrize(
    ("changes", "fault"),
    [
        ({"attendees": ()}, "纪要应当标注出席人员名单"),
        ({"agency_mark": f"{ORGAN}文件"}, "纪要标志应为“××××纪要”"),
    ],
)
def test_minutes_faults_are_refused(changes, fault):
    with pytest.raises(DocumentFormatError) as exc:
        minutes(**changes)
    assert fault in exc.value.message


@print_layout
def test_minutes_attendees_may_be_waived_only_by_the_caller():
    d = open_docx(minutes(attendees=(), on_leave=(), observers=(), attendees_required=False))
    assert not any(p.text.startswith("出席") for p in d.paragraphs)


@print_layout
@pytest.mark.parametrize(("kind", "title"), [("letter", "关于商请协助开展能力评估的函"), ("minutes", "院务会议纪要")])
def test_the_download_of_a_letter_or_minutes_uses_its_special_format(docs, login, kind, title):
    from zeroerror.documents.models import OutgoingStatus

    extra = {"attendees": "王院长\n李副院长", "on_leave": "梅科长（出差）"} if kind == "minutes" else {}
    doc = docs.advance(docs.make_outgoing(kind=kind, title=title, copy_to="县卫生健康局", **extra),
                       OutgoingStatus.PRINTED)
    response = login(docs.alice).get(f"/documents/outgoing/{doc.pk}/docx/")
    assert response.status_code == 200
    d = docx.Document(io.BytesIO(response.content))
    texts = [p.text for p in d.paragraphs]
    if kind == "letter":
        mark = d.sections[0].first_page_header.paragraphs[0].text
        assert mark and not mark.endswith("文件")
        assert f"\t{doc.doc_number}" in texts[0]
        (table,) = d.tables  # the 版记: 抄送 only, no 印发 line
        assert [c.text for row in table.rows for c in row.cells] == ["抄送：县卫生健康局。"]
    else:
        assert any(t.endswith("纪要") and t != title for t in texts)  # the 标志
        assert doc.doc_number.endswith("〕第1期") and any("第1期" in t for t in texts)  # the 期号 under the 标志
        assert any(t.startswith("出席") and "王院长" in t and "李副院长" in t for t in texts)  # from the model
        assert any(t.startswith("请假") and "梅科长" in t for t in texts) and d.tables
