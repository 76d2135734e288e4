"""保密审查 checker (clause 一(四)2): what stops an item from being published, whatever the reviewer decides.

Pure Python (no Django): a 密级 marking or an internal marking, personal information (居民身份证号, mobile number,
bank card number) and the unit's configured sensitive terms. It runs the proofreading engine's secrecy and privacy
rules in the publication profile — the same rules the 校对 shows — and nothing else (a typo does not stop 保密审查).

    problems = screen("关于……的公示", sensitive_terms=("内部价格",))
    if problems: refuse(describe(problems))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from zeroerror.proofread.engine import PUBLICATION
from zeroerror.proofread.engine import privacy as privacy_rules
from zeroerror.proofread.engine import secrecy as secrecy_rules
from zeroerror.proofread.engine.core import Context

KIND_LABELS = {
    "secrecy.classification_mark": "密级标志",
    "secrecy.internal_marking": "内部标注",
    "secrecy.sensitive_term": "敏感词",
    "privacy.id_card": "身份证号码",
    "privacy.mobile": "手机号码",
    "privacy.bank_card": "银行卡号",
}


@dataclass(frozen=True)
class Problem:
    """One thing in the text that may not be published: ``rule`` (engine rule id), where, and what (masked for
    personal information, so the refusal does not repeat the number)."""

    rule: str
    start: int
    end: int
    shown: str
    message: str

    @property
    def kind(self) -> str:
        return KIND_LABELS.get(self.rule, "不得公开的内容")

    def to_dict(self) -> dict:
        return {"rule": self.rule, "kind": self.kind, "start": self.start, "end": self.end, "shown": self.shown,
                "message": self.message}


def screen(text: str, *, sensitive_terms: Iterable[str] = ()) -> list[Problem]:
    """Every problem in ``text`` (title and body joined by a newline), sorted by position."""
    terms = tuple(t.strip() for t in sensitive_terms if t and t.strip())
    ctx = Context(text, PUBLICATION, terms)
    found = [*secrecy_rules.check(text, ctx), *privacy_rules.check(text, ctx)]
    problems = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        shown = f.suggestion if f.category == "privacy" and f.suggestion else f.text
        problems.append(Problem(f.rule, f.start, f.end, shown, f.message))
    return problems


def describe(problems: Iterable[Problem], *, limit: int = 5) -> str:
    """The Chinese reason of a refusal: "保密审查未通过：含有身份证号码“510***********1234”；……，不得公开。"."""
    problems = list(problems)
    parts = [f"{p.kind}“{p.shown}”" for p in problems[:limit]]
    more = f"等 {len(problems)} 处" if len(problems) > limit else ""
    return f"保密审查未通过：含有{'；'.join(parts)}{more}，不得公开。请删除或去标识化后重新提交。"
