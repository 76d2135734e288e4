"""Secrecy rules: 密级 markings and configured sensitive terms must not reach public channels.

Basis: 保守国家秘密法; 政府信息公开条例（2019）第十四条、第十五条. In the publication profile every finding is an
error; in a 公文 a 密级 marking is expected (info) and a sensitive term is a warning."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .core import Context
from .finding import ERROR, INFO, WARNING, Finding, make
from .textutil import trie_regex

RULES = {
    "secrecy.classification_mark": "密级标志（绝密、机密、秘密，★ 与保密期限）",
    "secrecy.internal_marking": "“内部资料”“不得外传”等内部标注",
    "secrecy.sensitive_term": "配置的敏感词",
}

_MARK_RE = re.compile(
    r"(?:绝密|机密|秘密)\s*★\s*(?:[0-9０-９一二三四五六七八九十]+\s*年|长期)?"
    r"|密级\s*[：:]\s*(?:绝密|机密|秘密)"
    r"|(?m:^[ \t\u3000]*(?:绝\s*密|机\s*密|秘\s*密)[ \t\u3000]*$)"
)
_INTERNAL_RE = re.compile(r"内部资料|内部文件|内部刊物|不得外传|请勿外传|严禁外传|注意保密|内部使用")
BASIS = "依据《中华人民共和国保守国家秘密法》和《政府信息公开条例》（2019）第十四条、第十五条"


def check(text: str, ctx: Context) -> Iterator[Finding]:
    public = ctx.publication
    for m in _MARK_RE.finditer(text):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        end = m.start() + len(m.group().rstrip())
        if public:
            yield make("secrecy", "secrecy.classification_mark", text, start, end, None,
                       f"涉密标志“{text[start:end]}”：标有密级的内容不得公开发布。{BASIS}。", ERROR)
        else:
            yield make("secrecy", "secrecy.classification_mark", text, start, end, None,
                       f"密级标志“{text[start:end]}”：此件为涉密公文，须按密级管理，不得通过公开渠道发布。{BASIS}。", INFO)
    for m in _INTERNAL_RE.finditer(text):
        yield make("secrecy", "secrecy.internal_marking", text, m.start(), m.end(), None,
                   f"内部标注“{m.group()}”：标为内部的内容不应公开发布。{BASIS}。", ERROR if public else INFO)
    if ctx.sensitive_terms:
        terms = sorted({t.strip() for t in ctx.sensitive_terms if t.strip()})
        regex = re.compile(trie_regex(terms), re.IGNORECASE)
        for m in regex.finditer(text):
            yield make("secrecy", "secrecy.sensitive_term", text, m.start(), m.end(), None,
                       f"敏感词“{m.group()}”：已配置为不得公开的内容，发布前须删除或经审批。{BASIS}。",
                       ERROR if public else WARNING)
