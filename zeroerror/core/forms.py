"""The one way a POST-only action view turns a form into an action call and a message."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def form_errors_text(form) -> str:
    return "；".join(e for errors in form.errors.values() for e in errors)


def flash_refusal(request: HttpRequest, exc: ValidationError) -> None:
    """An action's Chinese reasons for refusing, as an error message."""
    messages.error(request, "；".join(exc.messages))


def flash_form_errors(request: HttpRequest, form) -> None:
    messages.error(request, form_errors_text(form))


def run_action(request: HttpRequest, action: Callable[[], object], success: str) -> bool:
    """Call ``action()``; flash ``success`` or the reasons of its refusal (the action changed nothing then)."""
    try:
        action()
    except ValidationError as exc:
        flash_refusal(request, exc)
        return False
    messages.success(request, success)
    return True


def run_form_action(request: HttpRequest, form, action: Callable[..., object], success: str) -> bool:
    """Validate ``form``; call ``action(**cleaned_data)``; flash the success message or the Chinese reasons.

    The action runs in its own transaction, so a refusal (ValidationError) changes nothing.
    """
    if not form.is_valid():
        flash_form_errors(request, form)
        return False
    return run_action(request, lambda: action(**form.cleaned_data), success)
