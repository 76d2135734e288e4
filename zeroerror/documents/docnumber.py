"""发文字号 and the value types of a 公文: 文种, 紧急程度, 密级和保密期限.

Pure Python (no Django): the 公文 app builds its models and forms on top of this.

发文字号 (GB/T 9704-2012 7.2.5): 机关代字 + 年份 + 发文顺序号 + "号", e.g. ``卫发〔2026〕3号``.
The year is written in full and enclosed in 六角括号 〔〕; the sequence number carries no "第" and no
leading zero ("1" not "01") and is followed by "号".

Two validation modes:

* outgoing (``incoming=False``, our own numbers): exactly the form above; the 代字 is Chinese characters.
* incoming (``incoming=True``, numbers of the 来文机关 registered at 收文): surrounding and inner blanks,
  full-width digits and the look-alike small brackets ﹝﹞ that input methods produce are normalised;
  the 代字 may contain other characters (some organs use Latin letters or digits).  The malformed forms —
  ``[2026]`` ``(2026)`` ``（2026）`` ``【2026】`` ``〔26〕`` ``第3号`` ``03号``, a missing "号" or 代字 —
  are refused in both modes, each with a Chinese message that names the fault and shows the right form.

A 命令(令) carries a 令号 ``第708号`` instead of a 发文字号 (GB/T 9704-2012 10.2): see
:func:`parse_order_number`.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "ChoiceEnum",
    "Classification",
    "DocNumber",
    "DocNumberError",
    "DocumentKind",
    "Direction",
    "SecrecyLevel",
    "Urgency",
    "format_doc_number",
    "parse_doc_number",
    "parse_order_number",
    "validate_doc_number",
]

EXAMPLE = "卫发〔2026〕3号"
MIN_YEAR = 1949
MAX_YEAR = 2199

# opening/closing characters people put around the year, with the name used in messages
_OPEN_BRACKETS = {
    "〔": "六角括号", "﹝": "小六角括号“﹝﹞”", "[": "方括号“[ ]”", "［": "全角方括号“［］”",
    "(": "半角圆括号“( )”", "（": "圆括号“（）”", "【": "方头括号“【】”", "〖": "空心方头括号“〖〗”",
    "<": "尖括号“< >”", "《": "书名号“《》”", "〈": "单书名号“〈〉”", "{": "花括号“{ }”",
    "｛": "花括号“｛｝”", "「": "直角引号“「」”",
}
_CLOSE_BRACKETS = {
    "〕": "〔", "﹞": "﹝", "]": "[", "］": "［", ")": "(", "）": "（", "】": "【", "〗": "〖",
    ">": "<", "》": "《", "〉": "〈", "}": "{", "｝": "｛", "」": "「",
}
_OPEN_CLASS = "".join(re.escape(c) for c in _OPEN_BRACKETS)
_CLOSE_CLASS = "".join(re.escape(c) for c in _CLOSE_BRACKETS)
_SHAPE = re.compile(
    rf"(?P<code>.*?)(?P<open>[{_OPEN_CLASS}]?)(?P<year>\d+)(?P<close>[{_CLOSE_CLASS}]?)(?P<tail>.*)",
    re.DOTALL,
)
_TAIL = re.compile(r"(?P<di>第?)(?P<serial>\d*)(?P<hao>号?)(?P<rest>.*)", re.DOTALL)
_CJK_CODE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_BLANKS = re.compile(r"[\s\u3000]+")


class DocNumberError(ValueError):
    """A 文号 in the wrong form.  ``problems`` lists each fault; ``suggestion`` is the corrected form if known."""

    def __init__(self, text: str, problems: list[str], suggestion: str | None = None):
        self.text = text
        self.problems = list(problems)
        self.suggestion = suggestion
        right = f"应为“{suggestion}”" if suggestion else f"正确格式如“{EXAMPLE}”"
        self.message = f"文号“{text}”格式错误：" + "；".join(self.problems) + f"。{right}（机关代字〔年份〕序号号）。"
        super().__init__(self.message)


@dataclass(frozen=True, order=True)
class DocNumber:
    """A 发文字号.  ``str(n)`` is the canonical form ``卫发〔2026〕3号``; ordering is (代字, 年, 序号)."""

    agency_code: str
    year: int
    serial: int

    def __post_init__(self) -> None:
        problems = []
        if not self.agency_code or _BLANKS.search(self.agency_code):
            problems.append("机关代字不能为空，也不能含空格")
        if any(c in _OPEN_BRACKETS or c in _CLOSE_BRACKETS for c in self.agency_code):
            problems.append("机关代字中不能含括号")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            problems.append(f"年份{self.year}不在{MIN_YEAR}—{MAX_YEAR}之间")
        if self.serial < 1:
            problems.append("发文顺序号从1开始")
        if problems:
            raise DocNumberError(f"{self.agency_code}〔{self.year}〕{self.serial}号", problems)

    def __str__(self) -> str:
        return format_doc_number(self.agency_code, self.year, self.serial)

    @classmethod
    def parse(cls, text: str, *, incoming: bool = False) -> DocNumber:
        return parse_doc_number(text, incoming=incoming)

    def next(self) -> DocNumber:
        """The following number in the same 代字 and year."""
        return DocNumber(self.agency_code, self.year, self.serial + 1)


def format_doc_number(agency_code: str, year: int, serial: int) -> str:
    """``机关代字〔年份〕序号号`` — full year in 六角括号, no 第, no leading zero."""
    return f"{agency_code}〔{year:d}〕{serial:d}号"


_QUERY_YEAR = re.compile(r"[\[［(（【﹝〖〔](\d{4})[\]］)）】﹞〗〕]")


def normalise_query(text: str) -> str:
    """A search as registration stores 文号: full-width digits made half-width, and a year in any bracket — [2026],
    (2026), （２０２６）, 【2026】 — written 〔2026〕. Other text is left as typed."""
    s = (text or "").translate(_FULLWIDTH_DIGITS)
    return _QUERY_YEAR.sub(lambda m: f"〔{m.group(1)}〕", s)


def validate_doc_number(text: str, *, incoming: bool = False) -> None:
    """Raise :class:`DocNumberError` if ``text`` is not a well-formed 发文字号."""
    parse_doc_number(text, incoming=incoming)


def parse_doc_number(text: str, *, incoming: bool = False) -> DocNumber:
    """Parse a 发文字号; refuse every malformed form with all its faults named (see module docstring)."""
    original = text if isinstance(text, str) else str(text)
    s = original.strip()
    if not s:
        raise DocNumberError(original, ["文号不能为空"])
    problems: list[str] = []
    if incoming:
        s = _BLANKS.sub("", s).translate(_FULLWIDTH_DIGITS).replace("﹝", "〔").replace("﹞", "〕")
    else:
        if _BLANKS.search(s):
            problems.append("文号中不能有空格")
            s = _BLANKS.sub("", s)
        if any(c in "０１２３４５６７８９" for c in s):
            problems.append("年份和序号须用半角阿拉伯数字，不能用全角数字")
            s = s.translate(_FULLWIDTH_DIGITS)

    m = _SHAPE.fullmatch(s)
    if m is None:
        raise DocNumberError(original, ["缺少年份和发文顺序号"])
    code, opening, year_text, closing, tail = m.group("code", "open", "year", "close", "tail")
    if not opening and not closing and len(year_text) > 4:
        # "卫发20263号": the year and the number ran together because the brackets are missing
        year_text, tail = year_text[:4], year_text[4:] + tail

    code_ok = False
    if not code:
        problems.append("缺少机关代字（如“卫发”）")
    elif not incoming and not _CJK_CODE.fullmatch(code):
        problems.append(f"机关代字“{code}”只能由汉字组成")
    elif any(c in _OPEN_BRACKETS or c in _CLOSE_BRACKETS for c in code):
        problems.append(f"机关代字“{code}”中不能含括号")
    else:
        code_ok = True

    problems.extend(_bracket_problems(opening, closing))

    year_ok = len(year_text) == 4 and MIN_YEAR <= int(year_text) <= MAX_YEAR
    suggested_year = year_text
    if len(year_text) != 4:
        if len(year_text) == 2:
            suggested_year = ("20" if int(year_text) < 50 else "19") + year_text
        problems.append(f"年份须标全称（四位数字，如〔2026〕），不能写作“{year_text}”")
    elif not year_ok:
        problems.append(f"年份{year_text}不合理")

    t = _TAIL.fullmatch(tail)
    assert t is not None  # the pattern accepts any string
    di, serial_text, hao, rest = t.group("di", "serial", "hao", "rest")
    if di:
        problems.append("发文顺序号前不加“第”字")
    if not serial_text:
        problems.append("缺少发文顺序号")
    elif serial_text.startswith("0") and int(serial_text) > 0:
        problems.append(f"发文顺序号不编虚位（不加前导0）：写“{int(serial_text)}号”，不写“{serial_text}号”")
    elif int(serial_text) == 0:
        problems.append("发文顺序号从1开始，不能为0")
    if not hao and not rest:
        if serial_text:
            problems.append("发文顺序号后须加“号”字")
    elif rest:
        problems.append(f"“号”字后不应再有“{rest}”" if hao else f"序号后多出“{rest}”，应以“号”字结尾")

    suggestion = None
    if code_ok and serial_text and int(serial_text) > 0 and len(suggested_year) == 4:
        suggestion = format_doc_number(code, int(suggested_year), int(serial_text))
    if problems:
        raise DocNumberError(original, problems, suggestion if suggestion != original else None)
    return DocNumber(code, int(year_text), int(serial_text))


def _bracket_problems(opening: str, closing: str) -> list[str]:
    if opening == "〔" and closing == "〕":
        return []
    if not opening and not closing:
        return ["年份须用六角括号“〔〕”括入"]
    used = _OPEN_BRACKETS.get(opening) or _OPEN_BRACKETS.get(_CLOSE_BRACKETS.get(closing, ""), "")
    if opening and closing and _CLOSE_BRACKETS.get(closing) != opening:
        return [f"年份两侧的括号“{opening}”“{closing}”不配对，须用六角括号“〔〕”"]
    if not opening or not closing:
        return [f"年份两侧的括号不完整（“{opening or '缺'}…{closing or '缺'}”），须用六角括号“〔〕”"]
    return [f"年份须用六角括号“〔〕”，不能用{used}"]


_ORDER_NUMBER = re.compile(r"第([1-9]\d*)号")


def parse_order_number(text: str) -> int:
    """A 命令(令)'s 令号 ``第708号`` (GB/T 9704-2012 10.2.2) → 708; no leading zero."""
    s = _BLANKS.sub("", str(text)).translate(_FULLWIDTH_DIGITS)
    m = _ORDER_NUMBER.fullmatch(s)
    if m is None:
        raise DocNumberError(str(text), ["令号应为“第N号”，N为不加前导0的阿拉伯数字"], None)
    return int(m.group(1))


# --------------------------------------------------------------------------------------------------
# value types usable as Django choices

_LABEL_ALIASES = {"order": ("命令", "令")}


class ChoiceEnum(StrEnum):
    """A str enum whose members carry a Chinese ``label``; ``choices()`` gives Django-style pairs."""

    label: str

    def __new__(cls, value: str, label: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def from_label(cls, text: str):
        """Look a member up by value, label or one of its aliases (``_aliases``)."""
        key = str(text).strip()
        for m in cls:
            if key in (m.value, m.label) or key in _LABEL_ALIASES.get(m.value, ()):
                return m
        names = "、".join(m.label for m in cls)
        raise ValueError(f"“{key}”不是有效的{cls._title()}，可选：{names}")

    @classmethod
    def _title(cls) -> str:
        return cls.__name__


class Direction(ChoiceEnum):
    """行文方向."""

    UPWARD = "upward", "上行文"
    PARALLEL = "parallel", "平行文"
    DOWNWARD = "downward", "下行文"


class DocumentKind(ChoiceEnum):
    """The 15 文种 of 条例 第八条."""

    RESOLUTION = "resolution", "决议"
    DECISION = "decision", "决定"
    ORDER = "order", "命令(令)"
    COMMUNIQUE = "communique", "公报"
    ANNOUNCEMENT = "announcement", "公告"
    PUBLIC_NOTICE = "public_notice", "通告"
    OPINION = "opinion", "意见"
    NOTICE = "notice", "通知"
    CIRCULAR = "circular", "通报"
    REPORT = "report", "报告"
    REQUEST = "request", "请示"
    REPLY = "reply", "批复"
    MOTION = "motion", "议案"
    LETTER = "letter", "函"
    MINUTES = "minutes", "纪要"

    @property
    def short(self) -> str:
        """The 文种 word as it ends a title (命令(令) → 令 is also used; 命令 is the form here)."""
        return "命令" if self is DocumentKind.ORDER else self.label

    @property
    def usual_direction(self) -> Direction | None:
        """请示/报告 always go up, 批复/命令/决定 down, 函 sideways; None when it depends on the case."""
        return _KIND_DIRECTION.get(self)

    @property
    def expects_reply(self) -> bool:
        """请示 must be answered (with a 批复); a 函 asking a question must be answered too."""
        return self in (DocumentKind.REQUEST, DocumentKind.LETTER)

    @classmethod
    def _title(cls) -> str:
        return "文种"


_KIND_DIRECTION = {
    DocumentKind.REQUEST: Direction.UPWARD,
    DocumentKind.REPORT: Direction.UPWARD,
    DocumentKind.REPLY: Direction.DOWNWARD,
    DocumentKind.ORDER: Direction.DOWNWARD,
    DocumentKind.DECISION: Direction.DOWNWARD,
    DocumentKind.CIRCULAR: Direction.DOWNWARD,
    DocumentKind.LETTER: Direction.PARALLEL,
}


class Urgency(ChoiceEnum):
    """紧急程度 (条例 第九条(三)).  Only 特急 and 加急 are printed on the document (GB/T 9704-2012 7.2.3)."""

    EXTRA_URGENT = "extra_urgent", "特急"
    URGENT = "urgent", "加急"
    NORMAL = "normal", "平急"

    @property
    def printed_mark(self) -> str:
        return "" if self is Urgency.NORMAL else self.label

    @classmethod
    def _title(cls) -> str:
        return "紧急程度"


class SecrecyLevel(ChoiceEnum):
    """密级 (保守国家秘密法 第十三条)."""

    TOP_SECRET = "top_secret", "绝密"
    SECRET = "secret", "机密"
    CONFIDENTIAL = "confidential", "秘密"

    @property
    def max_years(self) -> int:
        """Longest 保密期限 unless otherwise decided: 绝密 30 years, 机密 20, 秘密 10 (保密法 第十六条)."""
        return {"top_secret": 30, "secret": 20, "confidential": 10}[self.value]

    @classmethod
    def _title(cls) -> str:
        return "密级"


_CLASSIFICATION = re.compile(r"(绝密|机密|秘密)(?:★(?:(长期)|([1-9]\d*)(年|个月)))?")


@dataclass(frozen=True)
class Classification:
    """密级和保密期限, shown as ``秘密★1年`` / ``机密★6个月`` / ``绝密★长期`` / ``秘密`` (no period marked).

    ``years``/``months`` hold the period (one of them, or neither); ``long_term`` is 绝密's 长期.
    """

    level: SecrecyLevel
    years: int | None = None
    months: int | None = None
    long_term: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.level, SecrecyLevel):
            object.__setattr__(self, "level", SecrecyLevel.from_label(self.level))
        given = [x for x in (self.years, self.months) if x is not None]
        if len(given) + self.long_term > 1:
            raise ValueError("保密期限只能标注一种：年、月或长期")
        if any(x < 1 for x in given):
            raise ValueError("保密期限须为正整数")
        if self.long_term and self.level is not SecrecyLevel.TOP_SECRET:
            raise ValueError("只有绝密级事项可以标注“长期”")
        total_months = (self.years or 0) * 12 + (self.months or 0)
        if total_months > self.level.max_years * 12:
            raise ValueError(f"{self.level.label}级保密期限一般不超过{self.level.max_years}年")

    def __str__(self) -> str:
        if self.long_term:
            return f"{self.level.label}★长期"
        if self.years is not None:
            return f"{self.level.label}★{self.years}年"
        if self.months is not None:
            return f"{self.level.label}★{self.months}个月"
        return self.level.label

    @classmethod
    def parse(cls, text: str) -> Classification:
        s = _BLANKS.sub("", str(text)).translate(_FULLWIDTH_DIGITS).replace("☆", "★").replace("*", "★")
        m = _CLASSIFICATION.fullmatch(s)
        if m is None:
            raise ValueError(f"密级和保密期限“{text}”格式错误，应如“秘密★1年”“机密★6个月”“绝密★长期”或只标“秘密”")
        level, long_term, number, unit = m.groups()
        kwargs: dict = {"long_term": bool(long_term)}
        if number:
            kwargs["years" if unit == "年" else "months"] = int(number)
        return cls(SecrecyLevel.from_label(level), **kwargs)

    def expires_on(self, start: datetime.date) -> datetime.date | None:
        """The day the 保密期限 runs out, counted from ``start`` (usually the 成文日期); None for 长期.

        With no period marked the level's longest period applies.
        """
        if self.long_term:
            return None
        months = (self.years or 0) * 12 + (self.months or 0) or self.level.max_years * 12
        month_index = start.month - 1 + months
        year, month = start.year + month_index // 12, month_index % 12 + 1
        return datetime.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
