"""The rotating sign-in code (clause 一(二)7, 10): the desk screen shows a QR code that changes every
``PERIOD`` seconds; a code is accepted for ``ACCEPT`` periods (so a phone that scanned it just before it changed still
signs in), and a photo of the code sent to someone who is not in the room stops working within minutes.

code = the first 12 hex digits of HMAC-SHA256(secret, window), window = floor(unix time / PERIOD). The secret is the
meeting's own (derived from the site's key and the meeting's stored token), so one meeting's code is worthless for
another. Pure Python, no Django.
"""

from __future__ import annotations

import hashlib
import hmac

PERIOD = 30  # seconds a code is shown
ACCEPT = 4  # the current code and the three before it (up to two minutes old)
RECOGNISE = 12 * 3600 // PERIOD  # an older code of the same meeting is reported as expired, not as unknown


def window(timestamp: float) -> int:
    return int(timestamp // PERIOD)


def code_for(secret: str, win: int) -> str:
    return hmac.new(secret.encode(), str(win).encode(), hashlib.sha256).hexdigest()[:12]


def current_code(secret: str, timestamp: float) -> str:
    return code_for(secret, window(timestamp))


def seconds_left(timestamp: float) -> int:
    return PERIOD - int(timestamp % PERIOD)


def check(secret: str, code: str, timestamp: float) -> str:
    """'valid', 'expired' (an earlier code of this meeting) or 'unknown'."""
    now = window(timestamp)
    for age in range(ACCEPT):
        if hmac.compare_digest(code_for(secret, now - age), code):
            return "valid"
    for age in range(ACCEPT, RECOGNISE):
        if hmac.compare_digest(code_for(secret, now - age), code):
            return "expired"
    return "unknown"
