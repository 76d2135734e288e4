"""The 保密审查 checker on its own (no database): what stops an item from being published."""

import pytest

from tests.disclosure.conftest import CLEAN_TEXT, ID_NUMBER, MOBILE
from zeroerror.disclosure.screening import describe, screen


@pytest.mark.clause("一(四)2")
@pytest.mark.parametrize(("text", "kind", "shown"), [
    (f"联系人：张某，身份证号{ID_NUMBER}。", "身份证号码", "511022********1236"),
    (f"咨询电话{MOBILE}。", "手机号码", "139****5678"),
    ("秘密★5年\n关于某事项的通知", "密级标志", "秘密★5年"),
    ("本材料为内部资料，请勿转发。", "内部标注", "内部资料"),
])
def test_it_stops_secrets_and_personal_information(text, kind, shown):
    problems = screen(text)
    assert [(p.kind, p.shown) for p in problems] == [(kind, shown)]


@pytest.mark.clause("一(四)2")
def test_it_stops_a_configured_sensitive_term_and_says_so_in_chinese():
    problems = screen("本院内部审计结果如下。", sensitive_terms=["内部审计", " "])
    assert [p.kind for p in problems] == ["敏感词"]
    assert describe(problems) == "保密审查未通过：含有敏感词“内部审计”，不得公开。请删除或去标识化后重新提交。"


def test_it_lets_ordinary_text_through():
    assert screen(CLEAN_TEXT, sensitive_terms=["内部审计"]) == []
    # a number that is not a valid ID number, and a landline, are not personal information for the checker
    assert screen("统一编号511022198506121230，电话0816-1234567。") == []


def test_the_refusal_masks_the_number_and_counts_the_rest():
    text = "；".join(f"电话139{n:08d}" for n in range(7))
    message = describe(screen(text))
    assert "13900000000" not in message and "139****0000" in message and "等 7 处" in message
