"""错别字 (typo) rules.

* ``typo.wrong_word`` — a curated list of wrong words common in official writing (迫不急待→迫不及待).
* ``typo.char_substitution`` — the statistical layer (:mod:`.context`): a character, or two characters read
  alike, replaced by a 同音/近音/形近 one that makes the sentence much more probable under a word trigram language
  model (第三方机构平谷机制 → 评估). Each finding says why (``Finding.why``). Tuned for precision.
  Without the ``kenlm`` module it falls back to the older unigram check below (jieba word frequencies).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from . import context, data, lm
from .core import Context
from .finding import ERROR, WARNING, Finding, make
from .textutil import CJK

RULES = {
    "typo.wrong_word": "常见错误词语（成语、固定词语中的错别字）",
    "typo.collocation": "搭配中的错别字：的/地/得、截止/截至",
    "typo.char_substitution": "上下文中疑似音近、形近的错别字",
}

BASIS = "依据《通用规范汉字表》和《现代汉语词典》规范词形"

# A word must be at least this frequent in jieba's dictionary to be proposed as the intended word.
MIN_SUGGEST_FREQ = 50
# A character counts as covered by a dictionary word when that word is at least this frequent.
MIN_COVER_FREQ = 20
# Characters covered by a word at least this frequent are not examined.
MAX_COVER = 100
# Log-probability gain of the best segmentation that a replacement must bring (the prior odds against a typo).
MIN_GAIN = 8.0
WINDOW = 4
# Characters at least this frequent as words on their own (了 是 在 和 的 地 得 …) are grammatical words: their misuse
# (的/地/得) needs syntax, and a word-frequency model would always merge them into a neighbouring word.
FUNCTION_CHAR_FREQ = 100_000
MAX_WORD = 4

_RUN_RE = re.compile(f"[{CJK}]{{2,}}")


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[str, int]]]:
    """Wildcard index: "渠?" and "?道" → [(道, f)], [(渠, f)] for every frequent word of 2–4 characters."""
    index: dict[str, list[tuple[str, int]]] = {}
    cjk = re.compile(f"[{CJK}]{{2,{MAX_WORD}}}")
    for word, freq in data.word_freq().items():
        if freq < MIN_SUGGEST_FREQ or not cjk.fullmatch(word):
            continue
        for j, ch in enumerate(word):
            index.setdefault(word[:j] + "?" + word[j + 1 :], []).append((ch, freq))
    return index


def warm_up() -> None:
    """Load every table now (the first check otherwise pays for it)."""
    data.wrong_words()
    if lm.available():
        lm.model()
        context.protected_positions("")
    else:
        data.confusion()
        _index()


def _coverage(run: str, freq: dict[str, int]) -> list[int]:
    """For each character of a run of Chinese characters, the frequency of the most frequent dictionary word of
    2–4 characters covering it (0 when none does)."""
    n = len(run)
    cover = [0] * n
    for a in range(n - 1):
        for length in range(2, MAX_WORD + 1):
            b = a + length
            if b > n:
                break
            f = freq.get(run[a:b])
            if f and f >= MIN_COVER_FREQ:
                for k in range(a, b):
                    if f > cover[k]:
                        cover[k] = f
    return cover


def _seg_score(s: str, freq: dict[str, int]) -> float:
    """Log-probability of the best segmentation of ``s`` into dictionary words (a unigram word model)."""
    logp = _logp()
    n = len(s)
    best = [0.0] + [-1e9] * n
    for j in range(1, n + 1):
        for k in range(max(0, j - MAX_WORD - 1), j):
            w = s[k:j]
            lp = logp(w, freq)
            if lp is None:
                continue
            v = best[k] + lp
            if v > best[j]:
                best[j] = v
    return best[n]


@lru_cache(maxsize=1)
def _logp():
    total = float(sum(data.word_freq().values()))
    unknown = math.log(0.5 / total)

    def logp(w: str, freq: dict[str, int]) -> float | None:
        f = freq.get(w)
        if f:
            return math.log(f / total)
        return unknown if len(w) == 1 else None

    return logp


def _candidates(run: str, i: int) -> set[str]:
    """Confusable characters that, in place of ``run[i]``, complete a frequent word with its neighbours."""
    confusable = data.confusion().get(run[i])
    if not confusable:
        return set()
    index = _index()
    found: set[str] = set()
    n = len(run)
    for length in range(2, MAX_WORD + 1):
        for a in range(max(0, i - length + 1), min(i, n - length) + 1):
            for ch, _f in index.get(run[a:i] + "?" + run[i + 1 : a + length], ()):
                if ch in confusable:
                    found.add(ch)
    return found


def _substitutions(text: str, offset: int, run: str, freq: dict[str, int]) -> Iterator[Finding]:
    cover = _coverage(run, freq)
    for i, ch in enumerate(run):
        if cover[i] > MAX_COVER or freq.get(ch, 0) >= FUNCTION_CHAR_FREQ:
            continue
        cands = _candidates(run, i)
        if not cands:
            continue
        a, b = max(0, i - WINDOW), min(len(run), i + WINDOW + 1)
        window = run[a:b]
        base = _seg_score(window, freq)
        best, best_gain = None, MIN_GAIN
        for new in cands:
            gain = _seg_score(window[: i - a] + new + window[i - a + 1 :], freq) - base
            if gain > best_gain:
                best, best_gain = new, gain
        if best is None:
            continue
        pos = offset + i
        yield make("typo", "typo.char_substitution", text, pos, pos + 1, best,
                   f"疑似错别字：“{ch}”可能应为“{best}”。{BASIS}。", WARNING)


# Word-level checks where the grammar is unambiguous: (regex, wrong part group, right, why)
_ADVERB = "认真|积极|切实|扎实|稳步|有序|有效|全面|深入|主动|及时|严格|大力|充分|广泛|不断|逐步|依法|科学|合理|坚决|扎扎实实"
_VERB = "推进|开展|落实|做好|加强|推动|抓好|执行|贯彻|实施|完成|解决|部署|组织|参与|配合|做到|处理|整改|推行"
_DEGREE = "很好|非常好|十分好|较好|比较好|更好|不好|不够|不错|到位|扎实|出色|及时|很快|太慢|过慢"
COLLOCATIONS = (
    (re.compile(f"(?:{_ADVERB})(的)(?={_VERB})"), "地", "状语修饰动词用“地”"),
    (re.compile(f"(?:做|干|办|搞|完成|落实|开展|执行|推进|写|讲|准备|组织|落地)([的地])(?={_DEGREE})"), "得",
     "动词后接补语用“得”"),
    (re.compile(r"(截止)(?=到?(?:\d{4}年|\d{1,2}月|\d{1,2}日|今年|去年|本年|本月|上月|年底|年末|月底|目前|当前|发稿))"),
     "截至", "“截至”后接时间点；“截止”表示到期停止，不接时间"),
    (re.compile(r"(截至)(?=日期|时间|期限|[。，；）)]|$)"), "截止", "“截止”表示到期停止；“截至”后须接时间点"),
)


def _collocations(text: str) -> Iterator[Finding]:
    for regex, right, why in COLLOCATIONS:
        for m in regex.finditer(text):
            start, end = m.span(1)
            yield make("typo", "typo.collocation", text, start, end, right,
                       f"用字不当：“{m.group(1)}”应为“{right}”。{BASIS}。", WARNING, why)


def _statistical(text: str, ctx: Context) -> Iterator[Finding]:
    protected = context.protected_positions(text, ctx.lexicon)
    for m in _RUN_RE.finditer(text):
        skip = {p - m.start() for p in range(m.start(), m.end()) if p in protected}
        if len(skip) == m.end() - m.start():
            continue
        for s in context.suggest(m.group(), skip):
            start, end = m.start() + s.start, m.start() + s.end
            wrong = text[start:end]
            kind = "同音" if s.kind == "同音词" else s.kind
            yield make("typo", "typo.char_substitution", text, start, end, s.replacement,
                       f"疑似错别字：“{wrong}”可能应为“{s.replacement}”。", WARNING,
                       f"{kind}：改为“{s.replacement}”后构成“{s.phrase}”，上下文更通顺（语言模型）")


def check(text: str, ctx: Context) -> Iterator[Finding]:
    taken: list[tuple[int, int]] = []
    for start, end, wrong, right in data.wrong_words().finditer(text):
        taken.append((start, end))
        yield make("typo", "typo.wrong_word", text, start, end, right,
                   f"错别字：“{wrong}”应为“{right}”。{BASIS}。", ERROR, "常见错误词语")
    for f in _collocations(text):
        if not any(s < f.end and f.start < e for s, e in taken):
            taken.append((f.start, f.end))
            yield f
    if lm.available():
        found: Iterable[Finding] = _statistical(text, ctx)
    else:
        freq = data.word_freq()
        found = (f for m in _RUN_RE.finditer(text) for f in _substitutions(text, m.start(), m.group(), freq))
    for f in found:
        if not any(s < f.end and f.start < e for s, e in taken):
            yield f
