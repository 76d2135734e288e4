"""Helpers shared by the finance views."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from zeroerror.finance.actions.common import MAX_YEAR, MIN_YEAR


def year_param(request: HttpRequest) -> int:
    """?year=2026; anything else (text, year 0 or 9999) is the current year."""
    raw = request.GET.get("year", "")
    if raw.isdigit() and len(raw) == 4 and MIN_YEAR <= int(raw) <= MAX_YEAR:
        return int(raw)
    return timezone.localdate().year


def show_errors(request: HttpRequest, exc) -> None:
    for message in exc.messages:
        messages.error(request, message)


def form_errors(request: HttpRequest, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["Cache-Control"] = "no-store"
    return response
