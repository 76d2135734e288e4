"""Helpers shared by the seals views."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone


def year_param(request: HttpRequest) -> int:
    """The ``?year=`` of a register page: a sane year, else this year (never a 500 for what a user can type)."""
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except (TypeError, ValueError):
        return this_year
    return year if 2000 <= year <= this_year + 1 else this_year


def try_action(request: HttpRequest, form, fn) -> bool:
    """Run ``fn()``; on refusal put the Chinese reasons on the form. True when it ran."""
    try:
        fn()
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    return True
