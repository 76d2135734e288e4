"""At every login the session starts its clocks and must pass the gate afresh; a lock is audited once."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from zeroerror.accounts.middleware import GATE_PASSED
from zeroerror.accounts.sessions import LOGIN_AT, SEEN_AT
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.audit.trail import record_standalone


@receiver(user_logged_in)
def start_session_clocks(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is None:
        return
    now = timezone.now().timestamp()
    session[LOGIN_AT] = now
    session[SEEN_AT] = now
    session.pop(GATE_PASSED, None)
    session.pop(DEVICE_ID_SESSION_KEY, None)


@receiver(user_locked_out)
def audit_lockout(sender, request, username, ip_address, **kwargs):
    """The failure that locks an account (axes also signals refused attempts during the lock: recorded once)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    if AuditRecord.objects.filter(action="auth.lockout", object_repr=username or "", at__gte=since).exists():
        return
    record_standalone("auth.lockout", actor=None, kind=AuditKind.LOGIN_FAILED, success=False,
                      object_type="auth.user", object_repr=username or "",
                      changes={"failures": settings.AXES_FAILURE_LIMIT,
                               "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)})
