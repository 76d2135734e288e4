"""发文字号 rules (clause 一(一)2) and the 公文 value types."""

import datetime

import pytest

from zeroerror.documents.docnumber import (
    Classification,
    DocNumber,
    DocNumberError,
    DocumentKind,
    SecrecyLevel,
    Urgency,
    format_doc_number,
    parse_doc_number,
    parse_order_number,
    validate_doc_number,
)

clause = pytest.mark.clause("一(一)2")

WRONG_FORMS = [
    ("卫发[2026]3号", "不能用方括号", "卫发〔2026〕3号"),
    ("卫发(2026)3号", "不能用半角圆括号", "卫发〔2026〕3号"),
    ("卫发（2026）3号", "不能用圆括号“（）”", "卫发〔2026〕3号"),
    ("卫发【2026】3号", "不能用方头括号", "卫发〔2026〕3号"),
    ("卫发〔26〕3号", "年份须标全称", "卫发〔2026〕3号"),
    ("卫发〔2026〕第3号", "不加“第”字", "卫发〔2026〕3号"),
    ("卫发〔2026〕03号", "不编虚位", "卫发〔2026〕3号"),
    ("卫发〔2026〕3", "须加“号”字", "卫发〔2026〕3号"),
    ("卫发2026 3号", "六角括号“〔〕”括入", "卫发〔2026〕3号"),
    ("卫发〔2026)3号", "不配对", "卫发〔2026〕3号"),
    ("卫发〔2026〕3号文", "“号”字后不应再有“文”", "卫发〔2026〕3号"),
    ("〔2026〕3号", "缺少机关代字", None),
    ("卫发〔2026〕", "缺少发文顺序号", None),
    ("卫发〔2026〕0号", "从1开始", None),
    ("", "不能为空", None),
    ("卫发", "缺少年份和发文顺序号", None),
]


@clause
@pytest.mark.parametrize("incoming", [False, True], ids=["outgoing", "incoming"])
@pytest.mark.parametrize(("text", "fault", "suggestion"), WRONG_FORMS)
def test_wrong_forms_are_refused_with_a_message_naming_the_fault(text, fault, suggestion, incoming):
    with pytest.raises(DocNumberError) as exc:
        parse_doc_number(text, incoming=incoming)
    err = exc.value
    assert fault in err.message
    assert err.message.startswith(f"文号“{text}”格式错误")
    assert err.suggestion == suggestion
    # the message always shows the right form: the corrected number, or the pattern with an example
    assert (f"应为“{suggestion}”" if suggestion else "正确格式如“卫发〔2026〕3号”") in err.message


@clause
def test_several_faults_are_all_named():
    with pytest.raises(DocNumberError) as exc:
        parse_doc_number("卫发[26]第03号")
    problems = "；".join(exc.value.problems)
    for fault in ("方括号", "年份须标全称", "不加“第”字", "不编虚位"):
        assert fault in problems
    assert exc.value.suggestion == "卫发〔2026〕3号"


@clause
@pytest.mark.parametrize(
    "text",
    ["卫发〔2026〕3号", "国办发〔2026〕12号", "中办发〔2012〕14号", "国发明电〔2020〕5号", "粤府函〔2026〕115号", "卫发〔2026〕1000号"],
)
def test_right_forms_are_accepted_and_round_trip(text):
    n = parse_doc_number(text)
    assert str(n) == text
    assert parse_doc_number(str(n)) == n
    validate_doc_number(text)
    validate_doc_number(text, incoming=True)


@clause
def test_parse_gives_the_parts_and_format_builds_the_canonical_form():
    n = parse_doc_number("国办发〔2026〕12号")
    assert (n.agency_code, n.year, n.serial) == ("国办发", 2026, 12)
    assert format_doc_number("卫发", 2026, 1) == "卫发〔2026〕1号"
    assert str(DocNumber("卫发", 2026, 9).next()) == "卫发〔2026〕10号"
    assert sorted([DocNumber("卫发", 2026, 10), DocNumber("卫发", 2026, 9)])[0].serial == 9


@clause
def test_outgoing_is_strict_where_incoming_is_lenient():
    # input-method artefacts in a 来文机关's number: blanks, full-width digits, small brackets ﹝﹞
    messy = " 国办发 ﹝２０２６﹞ 12号 "
    assert str(parse_doc_number(messy, incoming=True)) == "国办发〔2026〕12号"
    with pytest.raises(DocNumberError) as exc:
        parse_doc_number(messy)
    problems = "；".join(exc.value.problems)
    assert "空格" in problems and "全角数字" in problems and "小六角括号" in problems
    # some organs use Latin letters in the 代字; we accept them from others but not in our own numbers
    assert parse_doc_number("ABC发〔2026〕3号", incoming=True).agency_code == "ABC发"
    with pytest.raises(DocNumberError, match="只能由汉字组成"):
        parse_doc_number("ABC发〔2026〕3号")


@clause
def test_doc_number_value_refuses_impossible_parts():
    with pytest.raises(DocNumberError, match="从1开始"):
        DocNumber("卫发", 2026, 0)
    with pytest.raises(DocNumberError, match="年份"):
        DocNumber("卫发", 26, 1)
    with pytest.raises(DocNumberError, match="机关代字"):
        DocNumber("", 2026, 1)


def test_order_number():
    assert parse_order_number("第708号") == 708
    for wrong in ("708号", "第0708号", "第708"):
        with pytest.raises(DocNumberError, match=f"文号“{wrong}”格式错误：令号应为“第N号”，N为不加前导0的阿拉伯数字"):
            parse_order_number(wrong)


def test_document_kinds_are_the_fifteen_of_the_regulation():
    labels = [label for _, label in DocumentKind.choices()]
    assert labels == ["决议", "决定", "命令(令)", "公报", "公告", "通告", "意见", "通知", "通报",
                      "报告", "请示", "批复", "议案", "函", "纪要"]
    assert len({value for value, _ in DocumentKind.choices()}) == 15
    assert DocumentKind.from_label("令") is DocumentKind.ORDER
    assert DocumentKind.from_label("请示") is DocumentKind.REQUEST
    assert DocumentKind.from_label("letter") is DocumentKind.LETTER
    assert DocumentKind.REQUEST.expects_reply and not DocumentKind.NOTICE.expects_reply
    assert DocumentKind.REQUEST.usual_direction.label == "上行文"
    with pytest.raises(ValueError, match="不是有效的文种"):
        DocumentKind.from_label("报")


def test_urgency_display_and_choices():
    assert Urgency.choices() == [("extra_urgent", "特急"), ("urgent", "加急"), ("normal", "平急")]
    assert [u.printed_mark for u in Urgency] == ["特急", "加急", ""]
    assert Urgency("urgent") is Urgency.URGENT and Urgency.URGENT == "urgent"


@pytest.mark.parametrize(
    ("text", "shown"),
    [("秘密★1年", "秘密★1年"), ("机密★6个月", "机密★6个月"), ("绝密★长期", "绝密★长期"), ("秘密", "秘密"),
     ("机密 ☆ ５年", "机密★5年")],
)
def test_classification_parse_and_display(text, shown):
    assert str(Classification.parse(text)) == shown


@pytest.mark.parametrize(
    ("text", "fault"),
    [("秘密★11年", "不超过10年"), ("机密★长期", "只有绝密"), ("秘密★0年", "格式错误"), ("内部", "格式错误")],
)
def test_classification_refuses_wrong_periods(text, fault):
    with pytest.raises(ValueError, match=fault):
        Classification.parse(text)


def test_classification_expiry():
    start = datetime.date(2026, 8, 31)
    assert Classification(SecrecyLevel.CONFIDENTIAL, years=1).expires_on(start) == datetime.date(2027, 8, 31)
    assert Classification(SecrecyLevel.SECRET, months=6).expires_on(start) == datetime.date(2027, 2, 28)
    assert Classification(SecrecyLevel.CONFIDENTIAL).expires_on(start) == datetime.date(2036, 8, 31)
    assert Classification(SecrecyLevel.TOP_SECRET, long_term=True).expires_on(start) is None
    assert Classification("机密", years=2).level is SecrecyLevel.SECRET
