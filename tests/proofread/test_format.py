import pytest

from tests.proofread.conftest import find
from zeroerror.proofread.engine import proofread_text


@pytest.mark.clause("一(一)2", "一(一)6")
@pytest.mark.parametrize(("text", "rule", "bad", "fix"), [
    ("卫发[2025]9号", "format.docnumber_bracket", "[2025]", "〔2025〕"),
    ("卫发（2025）9号", "format.docnumber_bracket", "（2025）", "〔2025〕"),
    ("卫发【2025】9号", "format.docnumber_bracket", "【2025】", "〔2025〕"),
    ("卫发〔25〕9号", "format.docnumber_year", "25", None),
    ("卫发〔2025〕第9号", "format.docnumber_ordinal", "第", ""),
    ("卫发〔2025〕09号", "format.docnumber_leading_zero", "09", "9"),
])
def test_it_checks_the_document_number(text, rule, bad, fix):
    [f] = find(text, rule)
    assert (f.text, f.suggestion) == (bad, fix)
    assert "GB/T 9704-2012" in f.message


@pytest.mark.parametrize("text", ["卫发〔2025〕9号", "国办发〔2026〕12号", "（2023）京0105民初1234号", "见第3号文件"])
def test_it_accepts_a_correct_document_number(text):
    assert [f for f in proofread_text(text) if f.rule.startswith("format.docnumber")] == []


@pytest.mark.clause("一(一)2", "一(一)6")
@pytest.mark.parametrize(("line", "fix"), [
    ("一. 总体要求", "一、"), ("二，主要任务", "二、"), ("（一）、工作目标", "（一）"), ("(一)工作目标", "（一）"),
    ("1、具体措施", "1."), ("(1)第一项", "（1）"), ("（1）、第一项", "（1）"),
])
def test_it_checks_heading_marks(line, fix):
    found = find(line, "format.heading_mark")
    assert [f.suggestion for f in found] == [fix]
    assert find(line, "punct.halfwidth") == []  # the form finding explains the mark


@pytest.mark.parametrize("line", ["一、总体要求", "（一）工作目标", "1.具体措施", "1．具体措施", "（1）第一项", "1.5亿元已到位"])
def test_it_accepts_correct_heading_marks(line):
    assert find(line, "format.heading_mark") == []


@pytest.mark.clause("一(一)2", "一(一)6")
def test_it_checks_heading_order():
    good = "一、总体要求\n（一）目标\n1.第一\n2.第二\n（二）原则\n二、任务"
    assert find(good, "format.heading_order") == []
    gap = "一、总体要求\n三、任务"
    [f] = find(gap, "format.heading_order")
    assert f.start == gap.index("三") and f.severity == "warning"
    skipped = "一、总体要求\n1.第一"
    assert [f.text for f in find(skipped, "format.heading_order")] == ["1"]


@pytest.mark.clause("一(一)2", "一(一)6")
def test_it_checks_the_attachment_note():
    bad = "附件:1、关于开展检查的报告。\n2.检查表"
    found = find(bad, "format.attachment_note")
    assert [(f.text, f.suggestion) for f in found] == [(":", "："), ("、", "."), ("。", "")]
    assert find("附件：1.关于开展检查的报告\n2.检查表", "format.attachment_note") == []
    # numbered attachment lines are not headings out of order
    assert find("一、总体要求\n附件：1.报告\n2.检查表", "format.heading_order") == []


@pytest.mark.clause("一(一)2", "一(一)6")
def test_it_checks_the_addressee_line():
    doc = "关于做好安全生产工作的通知\n各区县人民政府，市政府各部门\n现将有关事项通知如下。"
    [f] = find(doc, "format.addressee_colon")
    assert f.suggestion == "：" and f.start == f.end == doc.index("\n现")
    assert find(doc.replace("各部门\n", "各部门：\n"), "format.addressee_colon") == []


@pytest.mark.clause("一(一)2", "一(一)6")
def test_it_checks_the_cc_line():
    found = find("抄送:市委办公室、市人大办公室", "format.cc_line")
    assert [(f.text, f.suggestion) for f in found] == [(":", "："), ("、", "，"), ("", "。")]
    assert find("抄送：市委办公室，市人大办公室。", "format.cc_line") == []


@pytest.mark.clause("一(一)2", "一(一)6")
def test_it_checks_the_title():
    doc = "关于做好安全生产工作的通知。\n各部门：\n正文。"
    [f] = find(doc, "format.title")
    assert (f.text, f.suggestion) == ("。", "")
    [f] = find("关于2026年工作的请示报告\n市政府：\n正文。", "format.title")
    assert f.text == "请示报告"
    assert find("关于做好安全生产工作的通知\n各部门：\n正文。", "format.title") == []
    # a sentence of the body mentioning 关于…决定 is no title
    assert find("根据会议精神，关于此事应当作出决定。\n第二段。", "format.title") == []


@pytest.mark.clause("一(一)2", "一(一)6")
def test_it_wants_arabic_numerals_in_the_date_line():
    [f] = find("市人民政府\n二〇二六年四月八日", "format.date_numerals")
    assert (f.text, f.suggestion) == ("二〇二六年四月八日", "2026年4月8日")
    assert find("市人民政府\n2026年4月8日", "format.date_numerals") == []


def test_it_applies_form_rules_to_documents_only():
    assert find("卫发[2025]9号", "format.docnumber_bracket", profile="publication") == []
