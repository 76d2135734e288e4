"""Punctuation rules of GB/T 15834-2011 《标点符号用法》."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .core import Context
from .finding import WARNING, Finding, make
from .textutil import CJK, is_cjk, line_spans

RULES = {
    "punct.halfwidth": "中文语句中误用半角标点（, . ; : ? ! ( )）",
    "punct.straight_quote": "中文语句中误用直引号（\" '）",
    "punct.unbalanced": "引号、括号、书名号不成对或方向颠倒",
    "punct.nested_book_title": "书名号内再用书名号应改用单书名号〈〉",
    "punct.nested_quote": "引号内再用引号应改用单引号‘’",
    "punct.dunhao_titles": "并列的书名号或引号之间不用顿号",
    "punct.dunhao_conjunction": "顿号不与“和、及、与、或”连用",
    "punct.dunhao_approximate": "相邻数字连用表示概数时不用顿号",
    "punct.ellipsis": "省略号应为“……”",
    "punct.ellipsis_deng": "省略号与“等”不连用",
    "punct.repeated": "点号重复或连用",
    "punct.interpunct": "间隔号应为“·”",
}

STD = "依据 GB/T 15834-2011《标点符号用法》"
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
_HALF_RE = re.compile(r"[,;:?!().]")
_CN_MARKS = "，。；：？！、“”‘’《》（）"
_PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "〈": "〉", "【": "】", "〔": "〕"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_BRACKET_RE = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")
_HEADING_PAREN_RE = re.compile(r"\(\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*\)")
_DUNHAO_TITLES_RE = re.compile(r"(?<=[》”])、(?=[《“])")
_DUNHAO_CONJ_RE = re.compile(
    r"、(?=以及|及(?![时格早至])|与(?![会其时])|和(?![谐平睦美善蔼田煦缓气])|或(?!许))"
)
_CN_DIGITS = "一二三四五六七八九十"
_DUNHAO_APPROX_RE = re.compile(
    r"(?<![一二三四五六七八九十百千万〇零第])([一二三四五六七八九])、([二三四五六七八九十])"
    r"(?=[多余]?[个天年月日次人名位岁倍里米元万亿千百十周小层件项条家户所])"
)
_ELLIPSIS_RE = re.compile(r"\.{3,}|。{3,}|…+|⋯+")
_DENG_RE = re.compile(r"…+等(?![待候到于级同价号])|等…+(?=[，。；）”\s]|$)", re.M)
_REPEAT_RE = re.compile(r"[，。；：、？！]{2,}")
_INTERPUNCT_RE = re.compile(f"(?<=[{CJK}])[•・‧∙⋅･](?=[{CJK}])")


def _chinese(ch: str) -> bool:
    return bool(ch) and (is_cjk(ch) or ch in _CN_MARKS)


def _halfwidth(text: str, ctx: Context) -> Iterator[Finding]:
    paren_ok: set[int] = set()
    for _off, line in line_spans(text):
        m = _HEADING_PAREN_RE.match(line.lstrip(" \t\u3000"))
        if m:  # "(1)" opening a line is a heading: the format rule reports it
            start = _off + len(line) - len(line.lstrip(" \t\u3000"))
            paren_ok.update((start + m.start(), start + m.end() - 1))
    n = len(text)
    for m in _HALF_RE.finditer(text):
        p = m.start()
        if p in paren_ok or ctx.protected.covers(p):
            continue
        ch = m.group()
        prev = text[p - 1] if p else ""
        nxt = text[p + 1] if p + 1 < n else ""
        if ch == ".":
            if not is_cjk(prev) or (nxt and (nxt.isascii() and nxt.isalnum() or nxt == ".")):
                continue
        elif ch in ",:":
            if prev.isdigit() and nxt.isdigit():
                continue
            if not (_chinese(prev) or is_cjk(nxt)):
                continue
        elif ch in ";?!":
            if not _chinese(prev):
                continue
        elif ch == "(":
            close = text.find(")", p, p + 80)
            inner = text[p + 1 : close] if close > 0 else nxt
            after = text[close + 1] if 0 < close < n - 1 else ""
            if not (is_cjk(prev) or any(is_cjk(c) for c in inner) or is_cjk(after)):
                continue
        else:  # ")"
            open_ = text.rfind("(", max(0, p - 80), p)
            inner = text[open_ + 1 : p] if open_ >= 0 else prev
            before = text[open_ - 1] if open_ > 0 else ""
            if not (is_cjk(nxt) or any(is_cjk(c) for c in inner) or is_cjk(before)):
                continue
        yield make("punctuation", "punct.halfwidth", text, p, p + 1, _FULL[ch],
                   f"中文语句中应使用全角标点“{_FULL[ch]}”，不用半角“{ch}”。{STD}。")


def _straight_quotes(text: str, ctx: Context) -> Iterator[Finding]:
    for off, line in line_spans(text):
        if not any(is_cjk(c) for c in line):
            continue
        for quote, pair in (('"', "“”"), ("'", "‘’")):
            positions = [off + i for i, c in enumerate(line) if c == quote and not ctx.protected.covers(off + i)]
            for k in range(0, len(positions), 2):
                a = positions[k]
                b = positions[k + 1] if k + 1 < len(positions) else None
                inner = text[a + 1 : b] if b is not None else text[a + 1 : a + 2]
                outside = (text[a - 1] if a else "") + (text[b + 1] if b is not None and b + 1 < len(text) else "")
                if not (any(is_cjk(c) for c in inner) or (quote == '"' and any(is_cjk(c) for c in outside))):
                    continue
                for pos, mark in ((a, pair[0]), (b, pair[1])):
                    if pos is not None:
                        yield make("punctuation", "punct.straight_quote", text, pos, pos + 1, mark,
                                   f"中文语句中应使用弯引号“{pair}”，不用直引号。{STD}。")


def _brackets(text: str) -> Iterator[Finding]:
    lines = list(line_spans(text))
    for li, (off, line) in enumerate(lines):
        stack: list[tuple[str, int, bool]] = []  # (opening mark, position, nested-and-wrong)
        for m in _BRACKET_RE.finditer(line):
            ch, pos = m.group(), off + m.start()
            if ch in _PAIRS:
                nested = (ch == "《" and any(s[0] == "《" for s in stack)) or (
                    ch == "“" and any(s[0] == "“" for s in stack))
                stack.append((ch, pos, nested))
                if nested and ch == "《":
                    yield make("punctuation", "punct.nested_book_title", text, pos, pos + 1, "〈",
                               f"书名号内再用书名号时，内层应使用单书名号“〈〉”。{STD}，4.15.3。")
                elif nested:
                    yield make("punctuation", "punct.nested_quote", text, pos, pos + 1, "‘",
                               f"引号内再用引号时，内层应使用单引号“‘’”。{STD}，4.8.4。")
                continue
            opener = _CLOSERS[ch]
            if stack and stack[-1][0] == opener:
                _o, _p, nested = stack.pop()
                if nested:
                    inner = "〉" if ch == "》" else "’"
                    rule = "punct.nested_book_title" if ch == "》" else "punct.nested_quote"
                    yield make("punctuation", rule, text, pos, pos + 1, inner,
                               f"内层应使用“{'〈〉' if ch == '》' else '‘’'}”与外层区分。{STD}。")
                continue
            if any(s[0] == opener for s in stack):  # close an outer pair: the inner openers were never closed
                while stack[-1][0] != opener:
                    o, p, _n = stack.pop()
                    yield _unclosed(text, o, p)
                stack.pop()
                continue
            yield make("punctuation", "punct.unbalanced", text, pos, pos + 1, None,
                       f"“{ch}”没有与之配对的“{opener}”（标点不成对或方向颠倒）。{STD}。")
        next_line = lines[li + 1][1].lstrip(" \t\u3000") if li + 1 < len(lines) else ""
        for o, p, _n in stack:
            if o == "“" and next_line.startswith("“"):
                continue  # a quotation running over several paragraphs opens each of them and closes only the last
            yield _unclosed(text, o, p)


def _unclosed(text: str, opener: str, pos: int) -> Finding:
    return make("punctuation", "punct.unbalanced", text, pos, pos + 1, None,
                f"“{opener}”没有与之配对的“{_PAIRS[opener]}”（标点不成对）。{STD}。")


def _dunhao(text: str) -> Iterator[Finding]:
    for m in _DUNHAO_TITLES_RE.finditer(text):
        yield make("punctuation", "punct.dunhao_titles", text, m.start(), m.end(), "",
                   f"并列的书名号或引号之间通常不用顿号。{STD}，4.5.3.5。", WARNING)
    for m in _DUNHAO_CONJ_RE.finditer(text):
        yield make("punctuation", "punct.dunhao_conjunction", text, m.start(), m.end(), "",
                   f"“和、及、与、或”等连词前不用顿号。{STD}。")
    for m in _DUNHAO_APPROX_RE.finditer(text):
        a, b = _CN_DIGITS.index(m.group(1)), _CN_DIGITS.index(m.group(2))
        if b == a + 1:
            p = m.start() + 1
            yield make("punctuation", "punct.dunhao_approximate", text, p, p + 1, "",
                       f"相邻两数字连用表示概数时不用顿号（如“五六个”）。{STD}，4.5.3.5。")


def _ellipsis(text: str, ctx: Context) -> Iterator[Finding]:
    for m in _ELLIPSIS_RE.finditer(text):
        s = m.group()
        if s[0] == "…" and len(s) % 2 == 0:
            continue
        if s[0] == "." and (ctx.protected.covers(m.start()) or not any(
                is_cjk(c) for c in text[max(0, m.start() - 1) : m.end() + 1])):
            continue
        yield make("punctuation", "punct.ellipsis", text, m.start(), m.end(), "……",
                   f"省略号应为六个点“……”（占两个字的位置），不用“{s}”。{STD}，4.11。")
    for m in _DENG_RE.finditer(text):
        dots = m.group().replace("等", "")
        yield make("punctuation", "punct.ellipsis_deng", text, m.start(), m.end(), dots,
                   f"省略号与“等”“等等”不连用，二者选用其一。{STD}，4.11.3.7。")


def _repeated(text: str) -> Iterator[Finding]:
    for m in _REPEAT_RE.finditer(text):
        s = m.group()
        if set(s) <= {"？", "！"} or set(s) == {"。"} and len(s) >= 3:
            continue
        keep = s[-1] if s[-1] in "。？！" else s[0]
        yield make("punctuation", "punct.repeated", text, m.start(), m.end(), keep,
                   f"点号“{s}”连用：一处只用一个点号。{STD}。")


def check(text: str, ctx: Context) -> Iterator[Finding]:
    yield from _halfwidth(text, ctx)
    yield from _straight_quotes(text, ctx)
    yield from _brackets(text)
    yield from _dunhao(text)
    yield from _ellipsis(text, ctx)
    yield from _repeated(text)
    for m in _INTERPUNCT_RE.finditer(text):
        yield make("punctuation", "punct.interpunct", text, m.start(), m.end(), "·",
                   f"外国人名各部分之间及月日简称中的间隔号应为“·”（U+00B7）。{STD}，4.14。", WARNING)
