"""Recovery codes (pure): ten single-use codes like ``k7mq-2xrt-9bwd``. The first group is a lookup key kept in the
clear; the other two (about 40 bits, from 31 letters and digits without look-alikes) are stored hashed."""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i
COUNT = 10
_CODE = re.compile(r"^([a-z0-9]{4})([a-z0-9]{8})$")


def new_code() -> str:
    groups = ["".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(3)]
    return "-".join(groups)


def normalise(text: str) -> str:
    return re.sub(r"[\s\-－—_]", "", text).lower()


def split_code(text: str) -> tuple[str, str] | None:
    """(lookup, secret) of a typed code, or None when it cannot be one."""
    match = _CODE.match(normalise(text))
    return (match.group(1), match.group(2)) if match else None
