"""Shared helpers for the per-app access helpers: who is asking, and refusing."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from zeroerror.org.models import Person


def person_of(request: HttpRequest) -> Person:
    """The signed-in person; accounts without a person record (e.g. a bare superuser) get 403 on office pages."""
    person = getattr(request, "_person_cache", None)
    if person is None:
        person = getattr(request.user, "person", None) if request.user.is_authenticated else None
        if person is None or not person.active:
            raise PermissionDenied("该账号未关联在职人员。")
        request._person_cache = person
    return person


def require_role(*roles: str):
    """View decorator: the signed-in person must hold one of ``roles`` today, else 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not person_of(request).has_role(*roles):
                raise PermissionDenied("您没有执行此操作的权限。")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
