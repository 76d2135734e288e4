"""The one place where the audit trail's cryptography lives (密评: keep algorithms behind one provider).

HMAC-SM3 through the ``cryptography`` package (bundled OpenSSL). The key comes from settings, never from the database.
"""

from __future__ import annotations

import json
from typing import Any

from cryptography.hazmat.primitives import hashes, hmac


def canonical(value: Any) -> bytes:
    """A stable byte form of a JSON-able value: sorted keys, no whitespace, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def hmac_sm3(key: str | bytes, data: bytes) -> str:
    mac = hmac.HMAC(key.encode() if isinstance(key, str) else key, hashes.SM3())
    mac.update(data)
    return mac.finalize().hex()
