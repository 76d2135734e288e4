"""密级 markings in text — pure Python, no Django: other apps call it before anything leaves for an external
channel (clauses 一(七)2, 5: 不得在外网发布、处理涉密信息).

    from zeroerror.secrecy.markings import contains_classified_marking, publication_refusal

    if contains_classified_marking(text):
        ...  # refuse to publish / export externally
    message = publication_refusal(text)  # None, or the Chinese refusal naming the markings found

What counts as a marking (《保守国家秘密法》, GB/T 9704 版头): a level with the star and period
(``机密★10年``, ``秘密★``, ``绝密★长期``), ``密级：机密``, a level standing alone on its own line (the 版头 position),
and the bracketed forms ``【机密】`` / ``（秘密）``. A level word inside ordinary prose (``保守秘密``, ``机密文件管理办法``)
is not a marking. The application keeps markings and registers, never classified content: a text carrying a
marking is for the 涉密 channel only.
"""

from __future__ import annotations

import re

LEVELS = ("绝密", "机密", "秘密")

_LEVEL = r"(?:绝\s*密|机\s*密|秘\s*密)"
_MARKING_RE = re.compile(
    rf"{_LEVEL}\s*[★☆*＊]\s*(?:[0-9０-９一二三四五六七八九十]+\s*年|长期)?"
    rf"|密\s*级\s*[：:]\s*{_LEVEL}"
    rf"|[【\[（(]\s*{_LEVEL}\s*[】\]）)]"
    rf"|(?m:^[ \t\u3000]*{_LEVEL}[ \t\u3000]*$)"
)


def classified_markings(text: str | None) -> list[str]:
    """The 密级 markings found in ``text``, in order, as written (whitespace around them trimmed)."""
    if not text:
        return []
    return [m.group().strip() for m in _MARKING_RE.finditer(text)]


def contains_classified_marking(text: str | None) -> bool:
    """True when ``text`` carries a 密级 marking and so must never be published or processed externally."""
    return bool(text) and _MARKING_RE.search(text) is not None


def publication_refusal(text: str | None) -> str | None:
    """The refusal for publishing ``text`` on an external network, or None when it carries no marking."""
    found = classified_markings(text)
    if not found:
        return None
    shown = "、".join(dict.fromkeys(found))
    return f"内容带有密级标志（{shown}），不得在外网发布或处理（一(七)2、5）。"
