"""Helpers shared by the views of 公务用车."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone


def run(form, call) -> bool:
    """Call the action; a refusal becomes the form's error. True when it went through."""
    try:
        call()
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error(None, message)
        return False
    return True


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def month_of(request) -> tuple[int, int]:
    """The ?month=YYYY-MM parameter (this month when missing or malformed)."""
    raw = request.GET.get("month", "")
    try:
        year, month = (int(x) for x in raw.split("-"))
        date(year, month, 1)
        if not 2000 <= year <= 2100:
            raise ValueError
    except ValueError:
        today = timezone.localdate()
        return today.year, today.month
    return year, month


def int_param(request, name: str) -> int | None:
    raw = request.GET.get(name, "")
    return int(raw) if raw.isdigit() and len(raw) < 10 else None
