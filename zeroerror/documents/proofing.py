"""The seam between 核稿 and the 校对 service (:mod:`zeroerror.proofread.service`).

A draft cannot pass 核稿 while this returns anything, unless the reviewer overrides with a reason, which the 核稿
action records with the findings (the service's second kind of recorded override). The unit's sensitive terms apply.
"""

from __future__ import annotations

from zeroerror.proofread import service


def unresolved_proofreading_errors(text: str) -> list:
    """Findings of severity "error" in ``text`` (warnings and hints do not block 核稿)."""
    return [f for f in service.check(text, profile="document") if f.severity == "error"]
