"""Number rules of GB/T 15835-2011 《出版物上数字用法》 (and GB/T 9704-2012 for dates in 公文)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from .core import Context
from .finding import ERROR, WARNING, Finding, make

RULES = {
    "number.fullwidth_digit": "全角数字或全角％",
    "number.two_digit_year": "年份简写为两位",
    "number.range_unit": "数值范围前一数值省略了单位（万、亿、%）",
    "number.arabic_with_unit": "阿拉伯数字与“十、百、千”连用",
    "number.year_zero": "汉字数字年份中的“零”应写作“〇”",
    "number.impossible_date": "不存在的日期",
    "number.zero_padded_date": "年月日中的月、日前补零",
    "number.decimal_point": "小数点前缺“0”",
}

STD = "依据 GB/T 15835-2011《出版物上数字用法》"
_FW_RE = re.compile(r"[０-９％]+(?:[．.][０-９]+)?[％]?")
_FW_MAP = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_TWO_YEAR_RE = re.compile(r"(?<![\d０-９.\-/])(\d{2})年(?=\d{1,2}月)")
_YEAR_RANGE_RE = re.compile(r"((?:19|20)\d{2})年(?:至|到|—|－|-|～|~)(\d{2})年")
_RANGE_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(\s*[～~〜—－]\s*|至|到)(\d+(?:\.\d+)?)(万亿|万|亿|%|‰|％)")
_ARABIC_UNIT_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)([十百千])(?![克米瓦伏帕焦卡赫分比兆字])")
_CN_YEAR_RE = re.compile(r"(?<![一二三四五六七八九〇零○OＯ])[一二][一二三四五六七八九〇零○OＯ]{3}(?=年)")
_DATE_RE = re.compile(r"(?<![\d.])(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_PADDED_RE = re.compile(r"(?<![\d.])(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")
_DECIMAL_RE = re.compile(r"(?<=[\u4e00-\u9fff，、：（])\.\d+")
_ZERO_FORMS = "零○OＯ"


def _fullwidth(text: str) -> Iterator[Finding]:
    for m in _FW_RE.finditer(text):
        s = m.group()
        yield make("number", "number.fullwidth_digit", text, m.start(), m.end(), s.translate(_FW_MAP),
                   f"数字和百分号应使用半角形式（“{s.translate(_FW_MAP)}”），不用全角“{s}”。{STD}。")


def _years(text: str) -> Iterator[Finding]:
    for m in _TWO_YEAR_RE.finditer(text):
        full = ("20" if int(m.group(1)) < 50 else "19") + m.group(1)
        yield make("number", "number.two_digit_year", text, m.start(1), m.end(1), full,
                   f"年份不能简写，应写全“{full}年”。{STD}，5.2.1.3。")
    for m in _YEAR_RANGE_RE.finditer(text):
        full = m.group(1)[:2] + m.group(2)
        yield make("number", "number.two_digit_year", text, m.start(2), m.end(2), full,
                   f"年份不能简写，应写全“{full}年”。{STD}，5.2.1.3。")
    for m in _CN_YEAR_RE.finditer(text):
        for k, ch in enumerate(m.group()):
            if ch in _ZERO_FORMS:
                p = m.start() + k
                yield make("number", "number.year_zero", text, p, p + 1, "〇",
                           f"汉字数字年份中的零应写作“〇”（U+3007），不用“{ch}”。{STD}，5.1.3。")


def _ranges(text: str) -> Iterator[Finding]:
    for m in _RANGE_RE.finditer(text):
        unit = m.group(4)
        fixed = f"{m.group(1)}{unit}{m.group(2)}{m.group(3)}{unit}"
        yield make("number", "number.range_unit", text, m.start(), m.end(), fixed,
                   f"表示数值范围时，前后两个数值的单位“{unit}”都应写出（“{fixed}”）。{STD}，4.4。")
    for m in _ARABIC_UNIT_RE.finditer(text):
        digits, unit = m.group(1), m.group(2)
        mult = {"十": 10, "百": 100, "千": 1000}[unit]
        value = float(digits) * mult
        fixed = str(int(value)) if value == int(value) else None
        yield make("number", "number.arabic_with_unit", text, m.start(), m.end(), fixed,
                   f"阿拉伯数字不与“{unit}”连用（“{digits}{unit}”应写作阿拉伯数字或汉字数字，“万”“亿”除外）。{STD}，5.1.2。")


def _dates(text: str, ctx: Context) -> Iterator[Finding]:
    for m in _DATE_RE.finditer(text):
        year = int(m.group(1)) if m.group(1) else 2000  # a leap year when none is given
        month, day = int(m.group(2)), int(m.group(3))
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            continue
        yield make("number", "number.impossible_date", text, m.start(), m.end(), None,
                   f"日期“{m.group()}”不存在，请核对。{STD}。")
    for m in _PADDED_RE.finditer(text):
        for g in (2, 3):
            v = m.group(g)
            if v and len(v) == 2 and v.startswith("0"):
                yield make("number", "number.zero_padded_date", text, m.start(g), m.end(g), v[1],
                           f"年月日中的月、日不补零（“{v}”应为“{v[1]}”）。依据 GB/T 9704-2012 7.3.5.1。",
                           ERROR if not ctx.publication else WARNING)
    for m in _DECIMAL_RE.finditer(text):
        yield make("number", "number.decimal_point", text, m.start(), m.end(), "0" + m.group(),
                   f"纯小数须写出小数点前的“0”（“0{m.group()}”）。{STD}。")


def check(text: str, ctx: Context) -> Iterator[Finding]:
    yield from _fullwidth(text)
    yield from _years(text)
    yield from _ranges(text)
    yield from _dates(text, ctx)
