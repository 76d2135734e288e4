"""Refused requests go to the audit trail (安全审计): 403 and 404 on the application's URLs, refused and throttled
logins, CSRF failures, admin pages asked for from outside the allowed addresses.

A scanner can produce thousands of refusals a minute, so each (event, source address) is recorded at most
ZEROERROR_AUDIT_REFUSALS_PER_MINUTE times a minute; the first refusal past the limit writes one ``….suppressed``
record saying that more followed."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.views import defaults
from django.views.csrf import csrf_failure as django_csrf_failure

from zeroerror.audit.middleware import client_ip
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.audit.trail import current_ip, record_standalone

WINDOW = timedelta(minutes=1)


def _escaped(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")[:300]


def record_refusal(request: HttpRequest, action: str, *, kind: str = AuditKind.VIEW, detail: dict | None = None,
                   object_type: str = "http.request", object_id: str = "") -> bool:
    """Audit one refused request unless this address already had its share this minute; returns whether written."""
    address = client_ip(request)
    token = current_ip.set(address)
    try:
        since = timezone.now() - WINDOW
        recent = AuditRecord.objects.filter(action=action, ip=address, at__gte=since).count()
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
        common = {"actor": actor, "kind": kind, "success": False, "object_type": object_type,
                  "object_id": object_id, "object_repr": _escaped(request.path)}
        if recent < settings.AUDIT_REFUSALS_PER_MINUTE:
            record_standalone(action, changes={"method": request.method, **(detail or {})}, **common)
            return True
        suppressed = f"{action}.suppressed"
        if not AuditRecord.objects.filter(action=suppressed, ip=address, at__gte=since).exists():
            record_standalone(suppressed, changes={"limit_per_minute": settings.AUDIT_REFUSALS_PER_MINUTE}, **common)
        return False
    finally:
        current_ip.reset(token)


def forbidden(request: HttpRequest, exception=None):
    """handler403: audited, then Django's page (403.html)."""
    record_refusal(request, "http.forbidden", detail={"status": 403})
    return defaults.permission_denied(request, exception)


def not_found(request: HttpRequest, exception=None):
    """handler404: audited when the address named an object (the URL resolved: hidden or missing record);
    unknown addresses (scanners) are not."""
    if getattr(request, "resolver_match", None) is not None:
        record_refusal(request, "http.not_found", detail={"status": 404})
    return defaults.page_not_found(request, exception)


def csrf_failure(request: HttpRequest, reason: str = ""):
    """CSRF_FAILURE_VIEW: audited with Django's reason, then Django's 403 page."""
    record_refusal(request, "http.csrf_failure", detail={"status": 403, "reason": reason[:200]})
    return django_csrf_failure(request, reason=reason)
