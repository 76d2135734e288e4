"""The one way a POST-only action view turns a form into an action call and a message."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def form_errors_text(form) -> str:
    return "；".join(e for errors in form.errors.values() for e in errors)


def run_form_action(request: HttpRequest, form, action: Callable[..., object], success: str) -> bool:
    """Validate ``form``; call ``action(**cleaned_data)``; flash the success message or the Chinese reasons.

    The action runs in its own transaction, so a refusal (ValidationError) changes nothing.
    """
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return False
    try:
        action(**form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return False
    messages.success(request, success)
    return True
