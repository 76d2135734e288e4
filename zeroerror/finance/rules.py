"""财务管理 rules without Django (clauses 一(五)1–3): amounts, the spending standards and the checks an expense must
pass before it is recorded.

* Money is ``Decimal`` yuan with two places; :func:`parse_amount` turns what a user typed into one, or says in Chinese
  why it cannot (never an exception the user did not cause).
* :func:`check_expense` compares one expense with its budget line's remaining amount and with its spending standard
  and returns the findings: over the remaining budget (超预算) or over the standard (超标准). Either needs a recorded
  special approval (特批); without one the expense is refused (clause 一(五)1).
* Printing (clause 一(五)3): in-house by default; outside printing only at a designated (政府采购) print shop, with a
  reason — :func:`check_printing`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
# The largest amount any field holds (DecimalField max_digits=12, decimal_places=2).
MAX_AMOUNT = Decimal("9999999999.99")
MAX_WHOLE_DIGITS = 10
MAX_QUANTITY = 100000

CLAUSE_BUDGET = "一(五)1"
CLAUSE_RECEPTION = "一(五)2"
CLAUSE_PRINTING = "一(五)3"

# Budget categories of the office's running costs (办公室经费).
CATEGORIES = [
    ("printing", "印刷费"),
    ("reception", "公务接待费"),
    ("vehicles", "公务用车运行维护费"),
    ("meetings", "会议费"),
    ("travel", "差旅费"),
    ("training", "培训费"),
    ("office", "办公费"),
    ("other", "其他商品和服务支出"),
]
CATEGORY_LABELS = dict(CATEGORIES)

# The spending standards a unit starts with (configuration; the office adds, and retires, its own). Figures follow
# the central 会议费/差旅费/培训费 standards' common county-level values; a unit sets its own. ``cap`` is per
# ``per`` (None: no unit cap — the scope is approved, the amount is bounded by the budget only).
# Reception standards (工作餐, 陪餐) belong to 政务接待; finance records the reception's cost against its 接待清单.
DEFAULT_STANDARDS = [
    # category, name, cap, per
    ("printing", "内部打印复印（纸张耗材）", Decimal("0.10"), "页"),
    ("printing", "定点外印（黑白）", Decimal("0.30"), "页"),
    ("printing", "定点外印（彩色）", Decimal("1.50"), "页"),
    ("meetings", "三类会议综合定额", Decimal("450.00"), "人·天"),
    ("meetings", "四类会议综合定额", Decimal("400.00"), "人·天"),
    ("travel", "住宿费（县级，一般人员）", Decimal("350.00"), "人·天"),
    ("travel", "伙食补助费", Decimal("100.00"), "人·天"),
    ("training", "培训综合定额（三类培训）", Decimal("450.00"), "人·天"),
    ("vehicles", "公务用车定点加油", None, "次"),
    ("vehicles", "公务用车定点维修保养", Decimal("3000.00"), "次"),
    ("reception", "公务接待（按接待清单）", None, "次"),
    ("office", "办公用品", None, "批"),
    ("other", "其他经批准的开支", None, "项"),
]


class AmountError(ValueError):
    """What the user typed is not an amount we accept; ``str(exc)`` is the Chinese message."""


_AMOUNT = re.compile(r"^\d+(\.\d+)?$")


def money(value) -> Decimal:
    """A sum as read from the database (SQLite gives Decimal('3000') or a float's digits) to yuan and fen."""
    return Decimal(value or 0).quantize(CENT, ROUND_HALF_UP)


def yuan(value: Decimal) -> str:
    """¥1,234.50"""
    return f"¥{value.quantize(CENT, ROUND_HALF_UP):,}"


def parse_amount(text, *, label: str = "金额", allow_zero: bool = False) -> Decimal:
    """A positive amount in yuan with at most two decimals, at most :data:`MAX_AMOUNT`. Accepts 1200, 1,200.50,
    ¥1200 and full-width digits; refuses with a Chinese message anything else."""
    if isinstance(text, Decimal):
        raw = format(text, "f")
    else:
        raw = str(text if text is not None else "").strip()
        raw = raw.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,"))
        raw = raw.replace(",", "").replace("¥", "").replace("￥", "").replace("元", "").strip()
    if not raw:
        raise AmountError(f"请填写{label}。")
    if raw.startswith("-"):
        raise AmountError(f"{label}不能为负数。")
    if not _AMOUNT.match(raw):
        raise AmountError(f"{label}须为数字，如 1200 或 1200.50。")
    whole, _, fraction = raw.partition(".")
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS:  # checked on the text: no arithmetic on a 400-digit number
        raise AmountError(f"{label}过大：不能超过 {yuan(MAX_AMOUNT)}。")
    if len(fraction.rstrip("0")) > 2:
        raise AmountError(f"{label}最多保留两位小数（到分）。")
    value = Decimal(f"{whole}.{fraction[:2] or '0'}")
    if value > MAX_AMOUNT:  # pragma: no cover - MAX_AMOUNT has all the digits MAX_WHOLE_DIGITS admits
        raise AmountError(f"{label}过大：不能超过 {yuan(MAX_AMOUNT)}。")
    if value == 0 and not allow_zero:
        raise AmountError(f"{label}须大于零。")
    return value.quantize(CENT)


def parse_quantity(text, *, label: str = "数量") -> int:
    raw = str(text if text is not None else "").strip()
    if not raw:
        raise AmountError(f"请填写{label}。")
    if not raw.isdigit() or len(raw) > 9:
        raise AmountError(f"{label}须为正整数。")
    value = int(raw)
    if value < 1:
        raise AmountError(f"{label}须为正整数。")
    if value > MAX_QUANTITY:
        raise AmountError(f"{label}过大：不能超过 {MAX_QUANTITY}。")
    return value


@dataclass(frozen=True)
class Standard:
    """A spending standard: its scope (category) and, if it has one, a cap per unit."""

    category: str
    name: str
    cap: Decimal | None
    per: str

    def limit(self, quantity: int) -> Decimal | None:
        return None if self.cap is None else (self.cap * quantity).quantize(CENT)


@dataclass(frozen=True)
class Finding:
    """Something about an expense that needs a special approval: ``kind`` is "over_budget" or "over_standard"."""

    kind: str
    message: str
    excess: Decimal


OVER_BUDGET = "over_budget"
OVER_STANDARD = "over_standard"


def scope_error(line_category: str, line_name: str, standard: Standard) -> str | None:
    """The standard must belong to the budget line's scope (开支范围)."""
    if standard.category != line_category:
        return (f"开支标准“{standard.name}”属于{CATEGORY_LABELS.get(standard.category, standard.category)}，"
                f"不在预算项目“{line_name}”（{CATEGORY_LABELS.get(line_category, line_category)}）的开支范围内。")
    return None


def check_expense(*, amount: Decimal, quantity: int, line_name: str, remaining: Decimal,
                  standard: Standard) -> list[Finding]:
    """The findings that need a special approval: over the line's remaining budget, over the standard's cap."""
    findings = []
    if amount > remaining:
        findings.append(Finding(
            OVER_BUDGET,
            f"超出预算：预算项目“{line_name}”剩余 {yuan(max(remaining, Decimal(0)))}，本次支出 {yuan(amount)}，"
            f"超出 {yuan(amount - max(remaining, Decimal(0)))}。超预算支出须经主要领导特批。",
            amount - max(remaining, Decimal(0))))
    limit = standard.limit(quantity)
    if limit is not None and amount > limit:
        findings.append(Finding(
            OVER_STANDARD,
            f"超出开支标准：{standard.name}每{standard.per} {yuan(standard.cap)}，{quantity} {standard.per}"
            f"应不超过 {yuan(limit)}，本次 {yuan(amount)}。超标准支出须经分管领导特批。",
            amount - limit))
    return findings


IN_HOUSE = "in_house"
OUTSIDE = "outside"


def check_printing(*, mode: str, shop_designated: bool | None, reason: str) -> str | None:
    """Clause 一(五)3: in-house by default; outside printing names a designated shop and a reason. Returns the
    refusal, or None. ``shop_designated`` is None when no shop was named."""
    if mode == IN_HOUSE:
        return None
    if mode != OUTSIDE:
        return "请选择印制方式（内部打印复印或定点外印）。"
    if shop_designated is None:
        return "外印须选择具有政府采购资格的定点打印店。"
    if not shop_designated:
        return "外印只能到具有政府采购资格的定点打印店：该打印店不是本单位在支出日期有效的定点打印店。"
    if not reason.strip():
        return "外印须说明理由（打字原则上自己完成，复印材料使用办公室配备设备）。"
    return None


def execution_rate(budget: Decimal, actual: Decimal) -> Decimal | None:
    """执行率 in percent, one decimal; None for a zero budget."""
    if budget <= 0:
        return None
    return (actual * 100 / budget).quantize(Decimal("0.1"), ROUND_HALF_UP)


def monthly_series(rows: list[tuple[int, Decimal]]) -> list[Decimal]:
    """Twelve monthly sums from (month, amount) rows (months 1–12)."""
    months = [Decimal("0.00")] * 12
    for month, amount in rows:
        if 1 <= month <= 12:
            months[month - 1] += money(amount)
    return months


def cumulative(values: list[Decimal]) -> list[Decimal]:
    total, out = Decimal("0.00"), []
    for v in values:
        total += v
        out.append(total)
    return out
