"""Breaking a 公文 标题 into lines by meaning (GB/T 9704-2012 7.3.1: "回行时，要做到词意完整，排列对称，长短适宜，
间距恰当，标题排列应当使用梯形或菱形").

Pure Python (no Django); words come from jieba.  :func:`break_title` returns the lines; :func:`title_line_problems`
checks lines a drafter set by hand.  The rules:

* a line holds at most ``max_chars`` characters of the title's size (20 for 2号 in the 156 mm 版心; digits and
  Latin letters count half);
* no line is a single character ("…的 / 函" is refused), and no word is split ("…请 / 示"): breaks fall only
  between jieba's words, never between a number and its 年/月/日/号, never inside an organ's name (``keep``);
* among the breaks that satisfy these, the fewest lines, then the best score: a break before "关于" (the organ
  on its own line) is good, one before "的/和/与/及" or after "关于/对/为" is poor, one inside 《》 or “” poorer;
  lines of similar length are preferred, and a short line in the middle (an hourglass) is penalised, so that
  the shape is a trapezoid or a diamond.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from itertools import combinations

from .gbt9704_layout import text_width_chars

__all__ = ["break_title", "title_line_problems"]

_GOOD_BEFORE = ("关于",)
_BAD_LINE_START = tuple("的和与及或等之暨") + ("以及",)
_BAD_LINE_END = ("关于", "对", "为", "在", "与", "和", "及", "将", "对于", "由")
_UNITS_AFTER_NUMBER = ("年", "年度", "月", "日", "号", "期", "次", "届", "个", "项", "家", "名", "人", "元", "万元")
_OPENING, _CLOSING = "《“（(〔[", "》”）)〕]"


@functools.cache
def _tokenizer():
    import jieba

    jieba.setLogLevel(60)  # silence "Building prefix dict..." on stderr
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _kept_spans(title: str, keep: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of a ``keep`` phrase (organ names) in ``title``."""
    spans = []
    for phrase in {k.strip() for k in keep if k and len(k.strip()) > 1}:
        start = title.find(phrase)
        while start != -1:
            spans.append((start, start + len(phrase)))
            start = title.find(phrase, start + 1)
    return spans


def _boundary_penalty(before: str, after: str, depth: int) -> float | None:
    """Cost of a line break between ``before`` (the words so far) and ``after``; None: never here."""
    if not before or not after:
        return None
    if before[-1].isdigit() and after.startswith(_UNITS_AFTER_NUMBER):
        return None
    if before[-1].isdigit() and after[0].isdigit():
        return None
    cost = 10.0
    if after.startswith(_GOOD_BEFORE):
        cost = 0.0
    if after.startswith(_BAD_LINE_START):
        cost += 40
    if before.endswith(_BAD_LINE_END):
        cost += 40
    if after[0] in "，、：；。！？》”）)〕]" or before[-1] in _OPENING:
        return None  # punctuation would start a line / an opening mark end one
    if depth > 0:
        cost += 30  # inside 《》 or “”
    return cost


def _shape_penalty(widths: Sequence[float], max_chars: int) -> float:
    if len(widths) < 2:
        return 0.0
    longest = max(widths)
    cost = sum(((longest - w) / max_chars) ** 2 for w in widths) * 40
    for i in range(1, len(widths) - 1):  # an hourglass: a middle line shorter than both its neighbours
        if widths[i] < widths[i - 1] and widths[i] < widths[i + 1]:
            cost += 25
    return cost


def break_title(title: str, max_chars: int = 20, *, keep: Iterable[str] = ()) -> list[str]:
    """The lines of ``title`` (see the module docstring); ``keep``: phrases never to split (the organ's names)."""
    title = title.strip()
    if not title or text_width_chars(title) <= max_chars:
        return [title] if title else []
    words = _tokenizer().lcut(title, HMM=False)
    spans = _kept_spans(title, keep)
    # candidate breaks: after word i (1 ≤ i < len(words)), with their cost
    prefix, depth, candidates = "", 0, {}
    for i, word in enumerate(words[:-1], start=1):
        prefix += word
        depth += sum(word.count(c) for c in _OPENING) - sum(word.count(c) for c in _CLOSING)
        if any(s < len(prefix) < e for s, e in spans):
            continue
        cost = _boundary_penalty(prefix, "".join(words[i:]), max(depth, 0))
        if cost is not None:
            candidates[i] = cost
    best: tuple[float, list[str]] | None = None
    least = math.ceil(text_width_chars(title) / max_chars)
    for count in range(least, min(least + 2, len(words)) + 1):
        for cut in combinations(sorted(candidates), count - 1):
            bounds = (0, *cut, len(words))
            lines = ["".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
            widths = [text_width_chars(line) for line in lines]
            if any(w > max_chars for w in widths) or any(len(line) < 2 for line in lines):
                continue
            cost = sum(candidates[c] for c in cut) + _shape_penalty(widths, max_chars)
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None:
            break
    if best is None:  # no break satisfies the rules (a very long word): break at the width, never a lone char
        return _hard_break(title, max_chars)
    return best[1]


def _hard_break(title: str, max_chars: int) -> list[str]:
    lines, line = [], ""
    for char in title:
        if text_width_chars(line + char) > max_chars:
            lines.append(line)
            line = ""
        line += char
    if len(line) == 1 and lines:
        line, lines[-1] = lines[-1][-1] + line, lines[-1][:-1]
    return [*lines, line]


def title_line_problems(lines: Sequence[str], max_chars: int = 20) -> list[str]:
    """What is wrong with title lines set by hand: a line too long for the 版心 or a line of one character."""
    problems = []
    for number, line in enumerate(lines, start=1):
        if text_width_chars(line) > max_chars:
            problems.append(f"标题第{number}行“{line}”超过{max_chars}字，一行排不下")
        if len(line.strip()) == 1:
            problems.append(f"标题第{number}行只有一个字“{line.strip()}”，回行时不能单字成行")
        if not line.strip():
            problems.append(f"标题第{number}行是空行")
    return problems
