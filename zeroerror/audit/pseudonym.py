"""Login names that match no account are never stored verbatim (people type passwords into the name field):
the audit trail and the lockout tables keep a keyed hash instead, so repeated attempts still group together."""

from __future__ import annotations

from django.conf import settings

from zeroerror.audit.crypto import hmac_sm3

PREFIX = "未知账号#"


def unknown_login_name(name: str) -> str:
    """A stable keyed digest of ``name`` (HMAC-SM3 with the audit key, domain-separated)."""
    return PREFIX + hmac_sm3(settings.AUDIT_HMAC_KEY, b"login-name\x00" + name.encode("utf-8", "replace"))[:20]
