"""Reading numbers people can type into a query string or a form: a value outside the range is no value at all,
never an exception deeper down (year 0 and 99999 break date arithmetic, ids past 64 bits break the database)."""

from __future__ import annotations

MAX_ID = 2**63 - 1  # the largest primary key SQLite and PostgreSQL (bigint) hold
MIN_YEAR, MAX_YEAR = 1900, 2999  # the years a list of this office's papers can be filtered by


def int_param(value: str | None, *, minimum: int = 1, maximum: int = MAX_ID) -> int | None:
    """``value`` as an int when it is plain ASCII digits within [minimum, maximum]; otherwise None."""
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def year_param(value: str | None) -> int | None:
    return int_param(value, minimum=MIN_YEAR, maximum=MAX_YEAR)
