"""Lazily loaded, process-wide cached data: word lists shipped in ``data/`` and jieba's word frequencies.

jieba's ``dict.txt`` (MIT) is read as a plain file from the installed package: jieba itself is never imported,
so nothing is printed and nothing is downloaded."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[list[str]]:
    rows = []
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows


class WordList:
    """wrong→right pairs matched by one trie regex, with optional characters that cancel a match around it."""

    def __init__(self, rows: list[list[str]]) -> None:
        from .textutil import trie_regex

        self.right: dict[str, str] = {}
        self.not_after: dict[str, str] = {}
        self.not_before: dict[str, str] = {}
        for row in rows:
            wrong, right = row[0], row[1]
            self.right[wrong] = right
            if len(row) > 2 and row[2]:
                self.not_after[wrong] = row[2]
            if len(row) > 3 and row[3]:
                self.not_before[wrong] = row[3]
        self.regex = re.compile(trie_regex(self.right))

    def finditer(self, text: str):
        """(start, end, wrong, right) for every non-cancelled occurrence of a wrong form."""
        for m in self.regex.finditer(text):
            wrong = m.group()
            after = self.not_after.get(wrong)
            if after and m.end() < len(text) and text[m.end()] in after:
                continue
            before = self.not_before.get(wrong)
            if before and m.start() > 0 and text[m.start() - 1] in before:
                continue
            yield m.start(), m.end(), wrong, self.right[wrong]


@lru_cache(maxsize=1)
def wrong_words() -> WordList:
    return WordList(_rows("wrong_words.tsv"))


@lru_cache(maxsize=1)
def variants() -> WordList:
    return WordList(_rows("variants.tsv"))


def jieba_dict_path() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise RuntimeError("jieba is not installed: its dict.txt provides the word frequencies")
    return Path(spec.origin).parent / "dict.txt"


@lru_cache(maxsize=1)
def word_freq() -> dict[str, int]:
    """Word → frequency from jieba's dictionary (about 349,000 words)."""
    freq: dict[str, int] = {}
    with open(jieba_dict_path(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ", 2)
            if len(parts) >= 2:
                freq[parts[0]] = int(parts[1])
    return freq


@lru_cache(maxsize=1)
def confusion() -> dict[str, frozenset[str]]:
    """Character → characters it is commonly mistyped for: same pinyin (any tone) or similar shape (pycorrector's
    same_pinyin.txt and same_stroke.txt, Apache-2.0, see NOTICE)."""
    sets: dict[str, set[str]] = {}
    for row in _rows("same_pinyin.txt"):
        ch = row[0]
        if len(ch) != 1:
            continue
        others = "".join(row[1:])
        sets.setdefault(ch, set()).update(c for c in others if c != ch)
    for row in _rows("same_stroke.txt"):
        group = [c for c in row if len(c) == 1]
        for ch in group:
            sets.setdefault(ch, set()).update(c for c in group if c != ch)
    return {ch: frozenset(s) for ch, s in sets.items()}
