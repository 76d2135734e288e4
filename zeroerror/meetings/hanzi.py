"""Chinese collation and name similarity, pure Python (no Django).

* 笔画 order (姓氏笔画, 单位笔画): total stroke count of each character, from the Unihan database
  (kTotalStrokes, the zh-Hans value), vendored as ``data/cjk_strokes.txt`` (Unicode licence, see
  ``data/NOTICE-Unicode.txt``); characters of the same count by their stroke sequence, 横竖撇点折
  (Unihan has none: ``data/cjk_stroke_order.txt``, from cn-sort, MIT, see ``data/NOTICE-cn-sort.txt``).
  Names are compared character by character: stroke count, then stroke sequence, then (only for
  a character neither table knows) pinyin; then the next character. Deterministic.
* 拼音 order: pypinyin with phrase context (so 重庆 reads chong), letters first, then tone.
* Name distance: edit distance over characters where replacing a character by a homophone
  (same toneless pinyin, the commonest typing error in names) costs half.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from pypinyin import Style, lazy_pinyin, pinyin

DATA_FILE = Path(__file__).resolve().parent / "data" / "cjk_strokes.txt"
ORDER_FILE = Path(__file__).resolve().parent / "data" / "cjk_stroke_order.txt"

_SPACES = {" ", "\u3000", "\t", "\n", "\r", "\xa0"}


@cache
def _stroke_table() -> dict[str, int]:
    table: dict[str, int] = {}
    with DATA_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            count, chars = line.rstrip("\n").split("\t", 1)
            n = int(count)
            for ch in chars:
                table[ch] = n
    return table


@cache
def _sequence_rank() -> dict[str, int]:
    """Position of each character in 笔画 order (stroke count, then 横竖撇点折)."""
    with ORDER_FILE.open(encoding="utf-8") as fh:
        line = next(line for line in fh if not line.startswith("#")).rstrip("\n")
    return {ch: n for n, ch in enumerate(line)}


def stroke_count(ch: str) -> int | None:
    """Total strokes of one CJK character (simplified form count), None if not a known ideograph."""
    if len(ch) != 1:
        raise ValueError("stroke_count expects exactly one character")
    return _stroke_table().get(ch)


def normalize_name(text: str) -> str:
    """NFKC, without any whitespace (cards often pad two-character names: 张　三)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch not in _SPACES and not ch.isspace())


def _char_pinyin(ch: str) -> str:
    got = pinyin(ch, style=Style.NORMAL, heteronym=False, errors="default")
    return got[0][0] if got and got[0] else ch


_DIGITS = re.compile(r"(\d+)")


def _natural(chunk: str) -> tuple:
    """Digit runs compare as numbers (第2 before 第10)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in _DIGITS.split(chunk) if part)


def stroke_key(text: str) -> tuple:
    """Sort key for 笔画 order (fewest strokes first). Characters without stroke data
    (letters, digits, brackets) sort before ideographs, digit runs by their value."""
    text = normalize_name(text)
    table = _stroke_table()
    rank = _sequence_rank()
    unranked = len(rank)
    parts: list[tuple] = []
    for chunk in _DIGITS.split(text):
        if chunk.isdigit():
            parts.append((0, _natural(chunk), ""))
            continue
        for ch in chunk:
            n = table.get(ch)
            parts.append((0, _natural(ch), "") if n is None
                         else (n, (rank.get(ch, unranked),), "" if ch in rank else _char_pinyin(ch) + ch))
    return (tuple(parts), text)


def pinyin_key(text: str) -> tuple:
    """Sort key for 拼音 order: syllables letter by letter, then tones, then the text itself.
    Non-Chinese runs compare as themselves, digit runs by their value."""
    text = normalize_name(text)
    plain = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    toned = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors="default")
    letters = tuple(_natural(p.lower()) for p in plain)
    tones = tuple(t[len(p):] for p, t in zip(plain, toned, strict=True))
    return (letters, tones, text)


def _toneless(ch: str) -> str:
    return _char_pinyin(ch).lower()


def name_distance(a: str, b: str) -> float:
    """Weighted Levenshtein distance between two names (whitespace ignored).
    Insert/delete 1, substitute 1, substitute with a homophone 0.5."""
    a, b = normalize_name(a), normalize_name(b)
    if a == b:
        return 0.0
    prev = [float(j) for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        cur = [float(i)] + [0.0] * len(b)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                sub = 0.0
            elif _toneless(ca) == _toneless(cb) and _toneless(ca) != ca:
                sub = 0.5
            else:
                sub = 1.0
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub)
        prev = cur
    return prev[-1]
