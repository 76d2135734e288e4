"""异形词 (variant) rule: non-preferred forms of 《第一批异形词整理表》(GF 1001-2001)."""

from __future__ import annotations

from collections.abc import Iterator

from . import data
from .core import Context
from .finding import ERROR, Finding, make

RULES = {"variant.nonpreferred": "《第一批异形词整理表》中的非推荐词形"}


def check(text: str, ctx: Context) -> Iterator[Finding]:
    for start, end, wrong, right in data.variants().finditer(text):
        yield make("variant", "variant.nonpreferred", text, start, end, right,
                   f"异形词：“{wrong}”应使用推荐词形“{right}”。依据《第一批异形词整理表》（GF 1001-2001）。", ERROR)
