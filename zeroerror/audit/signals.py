"""Login, failed login and logout go to the audit trail. A login name that matches no account is recorded as a
keyed hash, never verbatim (people type their password into the name field)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from zeroerror.audit.middleware import client_ip
from zeroerror.audit.models import AuditKind
from zeroerror.audit.pseudonym import unknown_login_name
from zeroerror.audit.trail import current_ip, record_standalone


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    record_standalone("auth.login", actor=user, kind=AuditKind.LOGIN, obj=user)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        record_standalone("auth.logout", actor=user, kind=AuditKind.LOGOUT, obj=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    if request is not None:
        current_ip.set(client_ip(request))
    user = get_user_model().objects.filter(username=username).first()
    record_standalone(
        "auth.login_failed",
        actor=None,
        kind=AuditKind.LOGIN_FAILED,
        success=False,
        object_type="auth.user",
        object_id=str(user.pk) if user else "",
        object_repr=username if user else unknown_login_name(username),
    )
