"""The pure rules (no database): amounts, the budget and standard checks, printing, the charts."""

from decimal import Decimal

import pytest

from zeroerror.finance import chart, rules

MEETING = rules.Standard(category="meetings", name="三类会议综合定额", cap=Decimal("450.00"), per="人·天")


@pytest.mark.parametrize("text, value", [
    ("1200", "1200.00"), ("1,200.50", "1200.50"), ("¥ 88", "88.00"), ("１２３．４", "123.40"), ("0.01", "0.01"),
    ("9999999999.99", "9999999999.99"), ("12.500", "12.50"), ("007", "7.00"),
])
def test_it_reads_amounts_as_decimal_yuan(text, value):
    assert rules.parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text, message", [
    ("", "请填写金额。"),
    ("abc", "金额须为数字，如 1200 或 1200.50。"),
    ("1e5", "金额须为数字，如 1200 或 1200.50。"),
    ("NaN", "金额须为数字，如 1200 或 1200.50。"),
    ("-5", "金额不能为负数。"),
    ("12.345", "金额最多保留两位小数（到分）。"),
    ("0", "金额须大于零。"),
    ("10000000000", "金额过大：不能超过 ¥9,999,999,999.99。"),
    ("9" * 400, "金额过大：不能超过 ¥9,999,999,999.99。"),
    ("0." + "0" * 400 + "1", "金额最多保留两位小数（到分）。"),
])
def test_it_refuses_what_is_not_an_amount_with_a_message(text, message):
    with pytest.raises(rules.AmountError) as exc:
        rules.parse_amount(text)
    assert str(exc.value) == message


@pytest.mark.parametrize("text, message", [
    ("0", "数量须为正整数。"), ("1.5", "数量须为正整数。"), ("", "请填写数量。"), ("100001", "数量过大：不能超过 100000。"),
])
def test_it_refuses_bad_quantities(text, message):
    with pytest.raises(rules.AmountError) as exc:
        rules.parse_quantity(text)
    assert str(exc.value) == message


@pytest.mark.clause("一(五)1")
def test_it_finds_an_expense_over_the_remaining_budget():
    findings = rules.check_expense(amount=Decimal("1500"), quantity=10, line_name="办公室会议费",
                                   remaining=Decimal("1200"), standard=MEETING)
    assert [f.kind for f in findings] == [rules.OVER_BUDGET]
    assert findings[0].message == ("超出预算：预算项目“办公室会议费”剩余 ¥1,200.00，本次支出 ¥1,500.00，超出 ¥300.00。"
                                   "超预算支出须经主要领导特批。")


@pytest.mark.clause("一(五)1")
def test_it_finds_an_expense_over_the_standard():
    findings = rules.check_expense(amount=Decimal("4600"), quantity=10, line_name="办公室会议费",
                                   remaining=Decimal("20000"), standard=MEETING)
    assert [(f.kind, f.excess) for f in findings] == [(rules.OVER_STANDARD, Decimal("100.00"))]
    assert findings[0].message == ("超出开支标准：三类会议综合定额每人·天 ¥450.00，10 人·天应不超过 ¥4,500.00，"
                                   "本次 ¥4,600.00。超标准支出须经分管领导特批。")


def test_it_passes_an_expense_within_budget_and_standard_and_one_without_a_cap():
    assert rules.check_expense(amount=Decimal("4500"), quantity=10, line_name="会议费", remaining=Decimal("4500"),
                               standard=MEETING) == []
    open_scope = rules.Standard(category="office", name="办公用品", cap=None, per="批")
    assert rules.check_expense(amount=Decimal("99999"), quantity=1, line_name="办公费", remaining=Decimal("100000"),
                               standard=open_scope) == []


@pytest.mark.clause("一(五)1")
def test_it_refuses_a_standard_outside_the_line_scope():
    assert rules.scope_error("printing", "办公室印刷费", MEETING) == (
        "开支标准“三类会议综合定额”属于会议费，不在预算项目“办公室印刷费”（印刷费）的开支范围内。")
    assert rules.scope_error("meetings", "办公室会议费", MEETING) is None


@pytest.mark.clause("一(五)3")
@pytest.mark.parametrize("mode, designated, reason, problem", [
    ("in_house", None, "", None),
    ("outside", True, "彩色画册，本单位无设备", None),
    ("", None, "", "请选择印制方式（内部打印复印或定点外印）。"),
    ("outside", None, "急用", "外印须选择具有政府采购资格的定点打印店。"),
    ("outside", False, "急用", "外印只能到具有政府采购资格的定点打印店：该打印店不是本单位在支出日期有效的定点打印店。"),
    ("outside", True, " ", "外印须说明理由（打字原则上自己完成，复印材料使用办公室配备设备）。"),
])
def test_it_allows_outside_printing_only_at_a_designated_shop_with_a_reason(mode, designated, reason, problem):
    assert rules.check_printing(mode=mode, shop_designated=designated, reason=reason) == problem


def test_it_sums_months_and_rates():
    months = rules.monthly_series([(1, Decimal("10")), (3, Decimal("5")), (1, Decimal("2.5"))])
    assert months[:3] == [Decimal("12.5"), Decimal("0"), Decimal("5")]
    assert rules.cumulative(months)[2] == Decimal("17.5")
    assert rules.execution_rate(Decimal("200"), Decimal("50")) == Decimal("25.0")
    assert rules.execution_rate(Decimal("0"), Decimal("50")) is None


def test_the_charts_are_svg_with_a_text_alternative_and_escape_names():
    fig = chart.LineFigures(name="<印刷>&费", category="印刷费", budget=Decimal("5000"),
                            months=[Decimal("1000")] * 6 + [Decimal("0")] * 6)
    svg = chart.line_chart(fig)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "&lt;印刷&gt;&amp;费：预算 ¥5,000.00，累计支出 ¥6,000.00，执行率 120.0%" in svg
    assert svg.count("<rect") == 6 + 1  # six monthly bars and the legend swatch
    assert chart.OVER in svg  # over budget: the cumulative line turns red
    summary = chart.summary_chart([fig])
    assert "<印刷>" not in summary and "120.0%" in summary
