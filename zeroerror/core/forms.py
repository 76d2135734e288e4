"""The one way a POST-only action view turns a form into an action call and a message."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def form_errors_text(form) -> str:
    """The form's errors naming their fields: "请填写标题；收文日期：请输入一个有效的日期。" (never a bare
    "这个字段是必填项" that leaves the user guessing which field)."""
    parts = []
    for name, errors in form.errors.as_data().items():
        field = form.fields.get(name)
        label = str(field.label) if field is not None and field.label else ""
        for error in errors:
            text = "；".join(error.messages)
            if not label:
                parts.append(text)
            elif error.code == "required":
                parts.append(f"请填写{label}")
            else:
                parts.append(f"{label}：{text}")
    return "；".join(parts)


_KEPT = "zeroerror.kept_input"


def keep_input(request: HttpRequest, key: str) -> None:
    """Keep what the user typed into a refused POST (files aside) so that the page redirected to can show it again
    (see :func:`kept_input`)."""
    data = {k: request.POST.getlist(k) for k in request.POST if k != "csrfmiddlewaretoken"}
    request.session[_KEPT] = {"key": key, "data": data}


def kept_input(request: HttpRequest, key: str):
    """The input kept for ``key`` by the last refused POST (a QueryDict to bind a form to), once; else None."""
    from django.http import QueryDict

    kept = request.session.get(_KEPT)
    if not kept or kept.get("key") != key:
        return None
    del request.session[_KEPT]
    data = QueryDict(mutable=True)
    for name, values in kept["data"].items():
        data.setlist(name, values)
    return data


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
