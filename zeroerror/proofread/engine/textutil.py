"""Shared helpers: character classes, protected spans (URLs, e-mail, code) and a trie regex builder."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
# Chinese full-width punctuation that may sit next to a half-width mark and still mark the text as Chinese
CN_PUNCT = "，。；：？！、“”‘’（）《》〈〉【】〔〕…—"

_PROTECTED_RE = re.compile(
    r"(?:https?|ftp)://[^\s\u3000" + CJK + r"，。；！？“”（）《》]+"
    r"|www\.[A-Za-z0-9.-]+[^\s\u3000" + CJK + r"，。；！？“”（）《》]*"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
    r"|`[^`\n]*`"
    r"|\b[A-Za-z0-9.-]+\.(?:com|cn|org|net|gov|edu|io)(?:/[^\s\u3000" + CJK + r"]*)?\b"
)


def is_cjk(ch: str) -> bool:
    return bool(ch) and bool(CJK_RE.match(ch))


class Protected:
    """Spans of a text that punctuation and number rules must not touch (URLs, e-mail addresses, inline code)."""

    def __init__(self, text: str) -> None:
        spans = [(m.start(), m.end()) for m in _PROTECTED_RE.finditer(text)] if ("." in text or "`" in text) else []
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]


def trie_regex(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` arranged as a trie, so matching costs one branch per character."""
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and not end:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return build(trie)


def line_spans(text: str) -> Iterable[tuple[int, str]]:
    """(offset, line) for every line of ``text`` (paragraphs are separated by newlines)."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1
