import pytest

from tests.proofread.conftest import find


@pytest.mark.clause("一(一)2", "一(一)6", "一(四)4")
@pytest.mark.parametrize(("text", "rule", "bad", "fix"), [
    ("３月召开", "number.fullwidth_digit", "３", "3"),
    ("增长１.５％", "number.fullwidth_digit", "１.５％", "1.5%"),
    ("18年3月", "number.two_digit_year", "18", "2018"),
    ("2018年至19年", "number.two_digit_year", "19", "2019"),
    ("投资9～16亿元", "number.range_unit", "9～16亿", "9亿～16亿"),
    ("增长10～20%", "number.range_unit", "10～20%", "10%～20%"),
    ("3～5万人", "number.range_unit", "3～5万", "3万～5万"),
    ("共5百人", "number.arabic_with_unit", "5百", "500"),
    ("二零一八年", "number.year_zero", "零", "〇"),
    ("二○一八年", "number.year_zero", "○", "〇"),
    ("2026年4月31日", "number.impossible_date", "2026年4月31日", None),
    ("2025年2月29日", "number.impossible_date", "2025年2月29日", None),
    ("2026年04月08日", "number.zero_padded_date", "04", "4"),
    ("增长了.8个百分点", "number.decimal_point", ".8", "0.8"),
])
def test_it_flags_number_forms(text, rule, bad, fix):
    found = find(text, rule)
    assert found, text
    assert (found[0].text, found[0].suggestion) == (bad, fix)
    assert "GB/T" in found[0].message


@pytest.mark.parametrize("text", [
    "3月召开", "2018年3月", "近18年来", "9亿～16亿元", "10%～20%", "5万人", "3亿元", "10千克", "5千米", "二〇一八年",
    "2024年2月29日", "2026年4月8日", "增长0.8个百分点", "十四五规划", "二十届三中全会", "1月—3月",
])
def test_it_accepts_correct_number_forms(text):
    assert [f.rule for f in _all(text) if f.category == "number"] == []


def _all(text):
    from zeroerror.proofread.engine import proofread_text

    return proofread_text(text)


@pytest.mark.clause("一(一)2", "一(一)6", "一(四)4")
def test_it_reports_every_zero_of_a_chinese_year_and_both_ends_of_a_date():
    assert [f.text for f in find("二零零八年", "number.year_zero")] == ["零", "零"]
    assert [f.text for f in find("2026年04月08日", "number.zero_padded_date")] == ["04", "08"]
