"""The statistical 错别字 layer: a character (or a two-character word) is flagged when a confusable replacement —
同音, 近音 or 形近 — makes its context much more probable under a word trigram language model.

For each run of Chinese characters:

1. candidates: every confusable character that completes a likely vocabulary word of two or three characters
   with its neighbours (贯澈落实 → 彻 completes 贯彻), and every two-character word with the same pinyin as two
   written characters (平谷 → 评估); a cheap unigram segmentation keeps only those that improve the best split of
   the run;
2. each candidate is scored by the trigram model on a window of ±``WINDOW`` characters (segmented into words):
   gain = log10 P(window with the replacement) − log10 P(window as written) − the penalty of the confusion kind;
3. a candidate with gain ≥ ``THRESHOLD`` is reported (at most one per place, the best), with the phrase it completes.

The thresholds are tuned for precision on four fifths of the ECSpell 公文 training split (docs/proofread.md); the
words of the unit's own lexicon (people, departments, 来文机关, places, waived words) are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import lm
from .data import DATA_DIR
from .textutil import CJK, trie_regex

WINDOW = 4
# log10 gain the replacement must bring on the window (the prior odds against a typo), and per-kind penalties
THRESHOLD = 3.5
PENALTY = {"同音": 0.0, "近音": 1.0, "形近": 1.0, "同音词": 1.0}
# the unigram pre-filter: a candidate must improve the best segmentation of the run by this much (log10)
PREFILTER = 0.2
# A character inside a likely word of the run's best segmentation is not examined: a two-character word at least
# this likely (log10), or a longer word at least SAFE_LONG_LOGP. (On the tuning data 1 typo in 1,000 sits there.)
SAFE_PAIR_LOGP = -4.0
SAFE_LONG_LOGP = -6.5


@dataclass(frozen=True, slots=True)
class Suggestion:
    """``run[start:end]`` should probably read ``replacement``; ``kind`` is 同音/近音/形近/同音词, ``phrase`` the
    words the replacement forms with its context, ``gain`` the log10 likelihood gain."""

    start: int
    end: int
    replacement: str
    kind: str
    phrase: str
    gain: float


# Proper names the model cannot know: the two characters before a place or organisation suffix (碧园社区, 柳泉口村),
# and a 机关代字 before 〔 of a 发文字号 (冀政呈〔2019〕6号).
_NAME_RE = re.compile(
    f"[{CJK}]{{2}}(?=(?:社区|村|乡|镇|街道|大街|路|县|旗|嘎查|苏木|舰|公司|集团|大学|学院|医院|小区|花园|园区|公园|广场))"
    f"|[{CJK}]{{1,8}}(?=〔)"
)


@lru_cache(maxsize=1)
def _gongwen_words() -> tuple[str, ...]:
    with open(DATA_DIR / "gongwen_words.txt", encoding="utf-8") as fh:
        return tuple(w for w in (line.strip() for line in fh) if w and not w.startswith("#"))


@lru_cache(maxsize=16)
def _words_regex(lexicon: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(trie_regex(sorted({*_gongwen_words(), *lexicon}, key=len, reverse=True)))


def protected_positions(text: str, lexicon: Iterable[str] = ()) -> set[int]:
    """Positions of ``text`` the layer never changes: the 公文 vocabulary of ``data/gongwen_words.txt``, the
    unit's own words (``lexicon``: people, departments, 来文机关, places, waived words) and proper-name contexts."""
    lexicon = tuple(sorted({w for w in lexicon if w and len(w) <= 40}))
    positions: set[int] = set()
    for pattern in (_words_regex(lexicon), _NAME_RE):
        for m in pattern.finditer(text):
            positions.update(range(m.start(), m.end()))
    return positions


def _forward_backward(m: lm.Model, s: str) -> tuple[list[float], list[float], list[str]]:
    """Best unigram segmentation scores of every prefix and suffix of ``s``, and the best segmentation itself
    (the same as :meth:`lm.Model.segment`)."""
    logp, unknown, maxw = m.logp, m.unknown, lm.MAX_WORD
    n = len(s)
    fw = [0.0] + [-1e18] * n
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        for k in range(max(0, j - maxw), j):
            lp = logp.get(s[k:j])
            if lp is None:
                if j - k > 1:
                    continue
                lp = unknown
            if fw[k] + lp > fw[j]:
                fw[j] = fw[k] + lp
                back[j] = k
    bw = [-1e18] * n + [0.0]
    for k in range(n - 1, -1, -1):
        for j in range(k + 1, min(n, k + maxw) + 1):
            lp = logp.get(s[k:j])
            if lp is None:
                if j - k > 1:
                    continue
                lp = unknown
            if bw[j] + lp > bw[k]:
                bw[k] = bw[j] + lp
    words = []
    j = n
    while j > 0:
        words.append(s[back[j]:j])
        j = back[j]
    words.reverse()
    return fw, bw, words


def _best_with(m: lm.Model, s: str, fw: list[float], bw: list[float], i: int, j: int, rep: str) -> float:
    """Best unigram segmentation score of ``s`` with ``s[i:j]`` replaced by ``rep`` (same length), where one
    vocabulary word covers the whole replaced span."""
    logp, maxw, n = m.logp, lm.MAX_WORD, len(s)
    best = -1e18
    for a in range(max(0, j - maxw), i + 1):
        for b in range(j, min(n, a + maxw) + 1):
            lp = logp.get(s[a:i] + rep + s[j:b])
            if lp is not None and fw[a] + lp + bw[b] > best:
                best = fw[a] + lp + bw[b]
    return best


def _candidates(m: lm.Model, s: str, fw: list[float], bw: list[float], skip: set[int], single: set[int],
                pairs: set[int]) -> Iterator[tuple[int, int, str, str]]:
    base = fw[len(s)] + PREFILTER
    n = len(s)
    wildcard, confusion, pinyin, logp, homophones = m.wildcard, m.confusion, m.pinyin, m.logp, m.homophones
    function_chars, confusable_sets = m.function_chars, m.confusable
    for i, ch in enumerate(s):
        if i in skip:
            continue
        kinds = confusion.get(ch)
        if kinds:
            # the words of 2–3 characters around i that a confusable character completes: (key, start, end)
            left1, right1 = s[i - 1:i] if i else "", s[i + 1:i + 2]
            left2, right2 = s[i - 2:i] if i > 1 else "", s[i + 1:i + 3]
            specs = []
            if left1:
                specs.append((left1 + "?", i - 1, i + 1))
                if right1:
                    specs.append((left1 + "?" + right1, i - 1, i + 2))
            if right1:
                specs.append(("?" + right1, i, i + 2))
            if len(left2) == 2:
                specs.append((left2 + "?", i - 2, i + 1))
            if len(right2) == 2:
                specs.append(("?" + right2, i, i + 3))
            best: dict[str, float] = {}
            confusable = confusable_sets[ch]
            for key, a, b in specs:
                completing = wildcard.get(key)
                if completing:
                    for d in confusable.intersection(completing):
                        v = fw[a] + logp[key.replace("?", d)] + bw[b]
                        if v > best.get(d, -1e18):
                            best[d] = v
            for d, v in best.items():
                if v > base and d not in function_chars:
                    yield i, i + 1, d, kinds[d]
        # two characters replaced at once: where they form a word, or one of them stands alone
        if (i + 1 < n and i + 1 not in skip and (i in pairs or i in single or i + 1 in single)
                and ch in pinyin and s[i + 1] in pinyin):
            words = homophones.get(pinyin[ch] + " " + pinyin[s[i + 1]])
            if words:
                floor = logp.get(s[i:i + 2], -99.0)
                for w in words:
                    if (w[0] != ch and w[1] != s[i + 1] and logp[w] > floor
                            and _best_with(m, s, fw, bw, i, i + 2, w) > base):
                        yield i, i + 2, w, "同音词"


def _phrase(words: list[str], start: int, end: int) -> str:
    """The word(s) of a segmented window that contain ``[start, end)`` (offsets in the window), with a neighbour
    when the word is short, so the clerk sees the phrase the replacement completes."""
    pos, first, last = 0, None, None
    for k, w in enumerate(words):
        if pos < end and start < pos + len(w):
            first = k if first is None else first
            last = k
        pos += len(w)
    if first is None:
        return ""
    if sum(len(w) for w in words[first:last + 1]) <= 2:
        if last + 1 < len(words) and len(words[last + 1]) > 1:
            last += 1
        elif first > 0 and len(words[first - 1]) > 1:
            first -= 1
    return "".join(words[first:last + 1])


def _segmentation(m: lm.Model, words: list[str]) -> tuple[set[int], set[int], set[int]]:
    """From the best segmentation of a run (``words``): positions inside a likely word (not examined), positions that are a
    word on their own, and the start positions of two-character words."""
    safe: set[int] = set()
    single: set[int] = set()
    pairs: set[int] = set()
    pos = 0
    for w in words:
        if len(w) == 1:
            single.add(pos)
        else:
            if len(w) == 2:
                pairs.add(pos)
            if m.logp.get(w, m.unknown) > (SAFE_PAIR_LOGP if len(w) == 2 else SAFE_LONG_LOGP):
                safe.update(range(pos, pos + len(w)))
        pos += len(w)
    return safe, single, pairs


def suggest(run: str, skip: Iterable[int] = ()) -> list[Suggestion]:
    """Suggestions for one run of Chinese characters; positions in ``skip`` (the unit's own words) are never
    changed."""
    m = lm.model()
    n = len(run)
    fw, bw, words = _forward_backward(m, run)
    safe, single, pairs = _segmentation(m, words)
    skip = set(skip) | safe
    cache: dict[tuple[int, int], float] = {}
    scored: list[Suggestion] = []
    for i, j, rep, kind in _candidates(m, run, fw, bw, skip, single, pairs):
        a, b = max(0, i - WINDOW), min(n, j + WINDOW)
        old = cache.get((a, b))
        if old is None:
            old = cache[(a, b)] = m.sentence_score(m.segment(run[a:b]), a == 0, b == n)
        words = m.segment(run[a:i] + rep + run[j:b])
        gain = m.sentence_score(words, a == 0, b == n) - old - PENALTY[kind]
        if gain >= THRESHOLD:
            scored.append(Suggestion(i, j, rep, kind, _phrase(words, i - a, j - a), gain))
    chosen: list[Suggestion] = []
    for s in sorted(scored, key=lambda s: -s.gain):  # the best first; a weaker one next to it is its echo
        if not any(s.start <= c.end and c.start <= s.end for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda s: s.start)
