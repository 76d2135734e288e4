"""The result type of the proofreader: one finding = one place in the text that breaks a rule."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)

CATEGORIES = ("typo", "variant", "punctuation", "number", "format", "privacy", "secrecy")


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule violation at ``text[start:end]`` (offsets in code points of the checked text).

    ``suggestion`` replaces ``text[start:end]`` when there is one (None otherwise); ``why`` says, for a
    statistical suggestion, what it rests on (the confusion kind and the phrase it completes), else ""."""

    category: str
    rule: str
    start: int
    end: int
    text: str
    suggestion: str | None
    message: str
    severity: str = ERROR
    why: str = ""

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def to_dict(self) -> dict:
        """The JSON shape of the CLI contract (key order included)."""
        return asdict(self)


def make(category: str, rule: str, text: str, start: int, end: int, suggestion: str | None, message: str,
         severity: str = ERROR, why: str = "") -> Finding:
    """Build a finding for ``text[start:end]``."""
    return Finding(category, rule, start, end, text[start:end], suggestion, message, severity, why)
