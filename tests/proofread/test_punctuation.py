import pytest

from tests.proofread.conftest import find


@pytest.mark.clause("一(一)2", "一(一)6", "一(四)4")
@pytest.mark.parametrize(("text", "mark", "fix"), [
    ("今天,我们开会。", ",", "，"),
    ("会议时间:上午", ":", "："),
    ("他说得对;我们同意。", ";", "；"),
    ("你同意吗?", "?", "？"),
    ("工作已经完成.下一步", ".", "。"),
    ("政府和社会资本合作(PPP)项目", "(", "（"),
])
def test_it_flags_halfwidth_marks_in_chinese(text, mark, fix):
    found = find(text, "punct.halfwidth")
    assert found and (found[0].text, found[0].suggestion) == (mark, fix)
    assert "GB/T 15834-2011" in found[0].message


@pytest.mark.parametrize("text", [
    "访问 https://www.gov.cn/zhengce/index.htm 查看。",
    "发邮件至 office@example.gov.cn 联系。",
    "增长3.5个百分点，时间为10:30，金额1,000元。",
    "Hello, world. This is English.",
    "一、总体要求\n（1）工作目标",
    "使用 `a.b(c)` 调用。",
])
def test_it_leaves_urls_numbers_code_and_english_alone(text):
    assert find(text, "punct.halfwidth") == []


@pytest.mark.clause("一(一)2", "一(一)6", "一(四)4")
def test_it_flags_straight_quotes_in_chinese_text():
    found = find('他说"你好"。', "punct.straight_quote")
    assert [(f.text, f.suggestion) for f in found] == [('"', "“"), ('"', "”")]
    assert find('He said "hi" today.', "punct.straight_quote") == []


@pytest.mark.clause("一(一)2", "一(一)6", "一(四)4")
def test_it_flags_unbalanced_and_reversed_pairs():
    assert [f.text for f in find("这是“重点工作。", "punct.unbalanced")] == ["“"]
    assert [f.text for f in find("见《条例。", "punct.unbalanced")] == ["《"]
    assert [f.text for f in find("这是”重点“工作。", "punct.unbalanced")] == ["”", "“"]
    assert find("这是“重点”工作（草案）。", "punct.unbalanced") == []
    # a quotation running over paragraphs opens each one and closes only the last
    assert find("“第一段，\n“第二段。”", "punct.unbalanced") == []


@pytest.mark.clause("一(一)2", "一(一)6", "一(四)4")
def test_it_flags_nested_book_titles():
    found = find("《关于印发《会议制度》的通知》", "punct.nested_book_title")
    assert [(f.text, f.suggestion) for f in found] == [("《", "〈"), ("》", "〉")]
    assert find("《关于印发〈会议制度〉的通知》", "punct.nested_book_title") == []


@pytest.mark.clause("一(一)2", "一(一)6", "一(四)4")
def test_it_flags_nested_double_quotes():
    found = find("他说：“要落实“三个务必”的要求。”", "punct.nested_quote")
    assert [f.suggestion for f in found] == ["‘", "’"]
    assert find("他说：“要落实‘三个务必’的要求。”", "punct.nested_quote") == []


@pytest.mark.clause("一(一)2", "一(一)6", "一(四)4")
@pytest.mark.parametrize(("text", "rule"), [
    ("依据《条例》、《办法》执行", "punct.dunhao_titles"),
    ("“放管服”、“最多跑一次”改革", "punct.dunhao_titles"),
    ("甲、乙、及丙", "punct.dunhao_conjunction"),
    ("教育、卫生、和文化", "punct.dunhao_conjunction"),
    ("大约五、六个人", "punct.dunhao_approximate"),
    ("用了七、八天", "punct.dunhao_approximate"),
])
def test_it_flags_misused_dunhao(text, rule):
    [f] = find(text, rule)
    assert f.text == "、" and f.suggestion == ""


@pytest.mark.parametrize("text", [
    "依据《条例》《办法》执行", "甲、乙及丙", "领导、与会人员", "保持社会稳定、和谐", "五六个人", "一、二、三等奖",
    "第五、六条",
])
def test_it_accepts_correct_dunhao(text):
    assert [f for f in find(text, "punct.dunhao_titles") + find(text, "punct.dunhao_conjunction")
            + find(text, "punct.dunhao_approximate")] == []


@pytest.mark.clause("一(一)2", "一(一)6", "一(四)4")
@pytest.mark.parametrize(("text", "bad"), [("等等...", "..."), ("如此。。。", "。。。"), ("如此…", "…"), ("如此………", "………")])
def test_it_flags_wrong_ellipsis_forms(text, bad):
    [f] = find(text, "punct.ellipsis")
    assert (f.text, f.suggestion) == (bad, "……")


def test_it_accepts_the_right_ellipsis_and_flags_it_with_deng():
    assert find("如此……", "punct.ellipsis") == []
    assert find("版本 1.2...3 is fine", "punct.ellipsis") == []
    [f] = find("苹果、香蕉……等。", "punct.ellipsis_deng")
    assert (f.text, f.suggestion) == ("……等", "……")
    assert find("苹果、香蕉等。", "punct.ellipsis_deng") == []
    assert find("……等待时机", "punct.ellipsis_deng") == []


@pytest.mark.clause("一(一)2", "一(一)6", "一(四)4")
def test_it_flags_repeated_marks_but_not_question_exclamation():
    [f] = find("会议结束，。", "punct.repeated")
    assert (f.text, f.suggestion) == ("，。", "。")
    assert find("真的吗？！", "punct.repeated") == []
    assert find("会议结束。", "punct.repeated") == []


@pytest.mark.clause("一(一)2", "一(一)6", "一(四)4")
def test_it_flags_wrong_interpunct():
    [f] = find("卡尔•马克思", "punct.interpunct")
    assert f.suggestion == "·"
    assert find("卡尔·马克思", "punct.interpunct") == []
