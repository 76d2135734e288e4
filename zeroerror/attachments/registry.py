"""Who may read an owner object's attachments is decided by the owning app's access helper.

Apps register ``(model label, check)`` where ``check(request, owner) -> bool`` (or raises Http404/PermissionDenied).
An attachment whose owner type has no registered check is never served.
"""

from collections.abc import Callable

_checks: dict[str, Callable] = {}


def register_owner(label: str, check: Callable) -> None:
    _checks[label] = check


def check_for(label: str) -> Callable | None:
    return _checks.get(label)
