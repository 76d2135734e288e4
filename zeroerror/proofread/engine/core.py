"""The rule runner: applies every rule module of a profile to a text and returns the sorted findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from .finding import ERROR, INFO, WARNING, Finding
from .textutil import Protected

DOCUMENT = "document"
PUBLICATION = "publication"
PROFILES = (DOCUMENT, PUBLICATION)


@dataclass
class Context:
    """What a rule needs beyond the text: the profile, configured sensitive terms, the unit's own words (never
    flagged as typos) and the protected spans."""

    text: str
    profile: str = DOCUMENT
    sensitive_terms: tuple[str, ...] = ()
    lexicon: tuple[str, ...] = ()
    protected: Protected = field(init=False)

    def __post_init__(self) -> None:
        self.protected = Protected(self.text)

    @property
    def publication(self) -> bool:
        return self.profile == PUBLICATION


Checker = Callable[[str, Context], Iterable[Finding]]


def _checkers(profile: str) -> list[Checker]:
    from . import format as format_rules
    from . import number, privacy, punctuation, secrecy, typo, variant

    checkers: list[Checker] = [typo.check, variant.check, punctuation.check, number.check]
    if profile == DOCUMENT:
        checkers.append(format_rules.check)
    checkers += [privacy.check, secrecy.check]
    return checkers


_RANK = {ERROR: 0, WARNING: 1, INFO: 2}


def _dedupe(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Drop a finding whose span is already reported by a more specific or more severe one of the same span."""
    seen: dict[tuple[int, int], Finding] = {}
    for f in sorted(findings, key=lambda f: (f.start, f.end, _RANK[f.severity])):
        key = (f.start, f.end)
        if key in seen and seen[key].suggestion == f.suggestion:
            continue
        if key in seen and f.category in ("punctuation", "number") and seen[key].category == "format":
            continue
        seen.setdefault(key, f)
        yield f


def proofread_text(text: str, profile: str = DOCUMENT, sensitive_terms: Iterable[str] = (),
                   lexicon: Iterable[str] = ()) -> list[Finding]:
    """Check ``text`` (paragraphs separated by ``\\n``) and return the findings sorted by position.

    ``profile`` is ``"document"`` (公文: every rule) or ``"publication"`` (信息公开 and posts: no 公文 form rules,
    and privacy and secrecy findings are errors). ``sensitive_terms`` are configured words that must not be
    published; ``lexicon`` holds the unit's own words (names of people, departments, 来文机关, places, words the
    office accepted) that the typo layer never flags."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILES)}")
    if not isinstance(text, str):
        raise TypeError("text must be str")
    ctx = Context(text, profile, tuple(t for t in sensitive_terms if t and t.strip()),
                  tuple(w.strip() for w in lexicon if w and w.strip()))
    found: list[Finding] = []
    for check in _checkers(profile):
        found.extend(check(text, ctx))
    forms = [(f.start, f.end) for f in found if f.category == "format" and f.end > f.start]
    if forms:  # a 公文 form finding (e.g. a heading mark "一.") explains the punctuation inside it
        found = [f for f in found if f.category not in ("punctuation", "number")
                 or not any(s <= f.start and f.end <= e for s, e in forms)]
    return list(_dedupe(found))


def with_severity(f: Finding, severity: str) -> Finding:
    return f if f.severity == severity else replace(f, severity=severity)
