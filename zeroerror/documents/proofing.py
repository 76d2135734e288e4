"""The seam between 核稿 and the proofreading engine (built in :mod:`zeroerror.proofread`).

A draft cannot pass 核稿 while this returns anything, unless the reviewer overrides with a reason (recorded).
Without the engine installed nothing is found and 核稿 relies on the reviewer alone.
"""

from __future__ import annotations


def unresolved_proofreading_errors(text: str) -> list:
    """Findings of severity "error" in ``text`` (warnings and hints do not block 核稿)."""
    try:
        from zeroerror.proofread.engine import proofread_text
    except ImportError:
        return []
    return [f for f in proofread_text(text, profile="document") if getattr(f, "severity", "error") == "error"]
