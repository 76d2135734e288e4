"""零差错校对引擎 — an offline proofreader for 公文 and public posts (pure Python, no Django).

    from zeroerror.proofread.engine import proofread_text, proofread_docx, Finding

Categories and their rule modules: typo, variant, punctuation, number, format (公文 form), privacy, secrecy.
"""

from .core import DOCUMENT, PROFILES, PUBLICATION, proofread_text
from .docx import DocxError, DocxResult, proofread_docx
from .finding import CATEGORIES, ERROR, INFO, SEVERITIES, WARNING, Finding


def all_rules() -> dict[str, str]:
    """Every stable rule id → its description (Chinese)."""
    from . import docx, number, privacy, punctuation, secrecy, typo, variant
    from . import format as format_rules

    rules: dict[str, str] = {}
    for module in (typo, variant, punctuation, number, format_rules, docx, privacy, secrecy):
        rules.update(module.RULES)
    return rules


__all__ = [
    "CATEGORIES", "DOCUMENT", "ERROR", "INFO", "PROFILES", "PUBLICATION", "SEVERITIES", "WARNING",
    "DocxError", "DocxResult", "Finding", "all_rules", "proofread_docx", "proofread_text",
]
