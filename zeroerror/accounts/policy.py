"""Who must do what before using the system after the password: pass the second factor, enrol one, change the
password. Read by the login gate (middleware) and the account pages."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from zeroerror.accounts.models import PasswordState
from zeroerror.org.roles import ADMIN_ROLES

VERIFY, ENROL, PASSWORD = "verify", "enrol", "password"
RESET, EXPIRED = "reset", "expired"


def second_factor_required(user) -> bool:
    """The three administrators (and a break-glass superuser) must use a second factor; others may."""
    if user.is_superuser:
        return True
    person = getattr(user, "person", None)
    return person is not None and person.has_role(*ADMIN_ROLES)


def totp_device(user, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("-id").first()


def password_expired(changed_at: datetime, now: datetime, max_age_days: int) -> bool:
    return max_age_days > 0 and now - changed_at > timedelta(days=max_age_days)


def password_changed_at(user) -> datetime:
    state = PasswordState.objects.filter(user=user).first()
    return state.changed_at if state else user.date_joined


def password_change_reason(user, now: datetime | None = None) -> str | None:
    """RESET after an administrator's reset, EXPIRED past ZEROERROR_PASSWORD_MAX_AGE_DAYS, else None."""
    state = PasswordState.objects.filter(user=user).first()
    if state is not None and state.must_change:
        return RESET
    changed_at = state.changed_at if state else user.date_joined
    if password_expired(changed_at, now or timezone.now(), settings.PASSWORD_MAX_AGE_DAYS):
        return EXPIRED
    return None


def pending_step(user) -> str | None:
    """The step this signed-in user must take next, or None. ``user.is_verified()`` comes from django-otp."""
    enrolled = totp_device(user) is not None
    if enrolled and not user.is_verified():
        return VERIFY
    if not enrolled and second_factor_required(user):
        return ENROL
    if password_change_reason(user):
        return PASSWORD
    return None
