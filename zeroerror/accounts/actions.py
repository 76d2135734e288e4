"""Write paths of the accounts app (password, second factor, lockout). Each runs in one durable transaction that
also writes the audit record. Passwords, codes and secrets never go into the audit trail."""

from __future__ import annotations

from datetime import datetime

from axes.models import AccessAttempt
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from zeroerror.accounts import policy, recovery
from zeroerror.accounts.models import PasswordState, RecoveryCode, RecoveryCodeDevice
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.org.passwords import generate_password

TOTP_NAME = "手机验证器"


def _not_oneself(actor, user, what: str) -> None:
    if actor is not None and actor.pk == user.pk:
        raise ValidationError(f"不能{what}自己的账号，请由另一位管理员办理。")


def _set_password_state(user, *, must_change: bool) -> None:
    PasswordState.objects.update_or_create(user=user, defaults={"changed_at": timezone.now(),
                                                                "must_change": must_change})


# Password -----------------------------------------------------------------------------------------------------------

def require_password_change(user) -> None:
    """An initial or handed-over password: the person must choose their own at the next login. Callers hold the
    transaction (roster import)."""
    _set_password_state(user, must_change=True)


@transaction.atomic(durable=True)
def do_change_password(user, new_password: str, *, actor) -> None:
    """The person's own change (the form checked the old password and the password rules)."""
    user.set_password(new_password)
    user.save(update_fields=["password"])
    _set_password_state(user, must_change=False)
    record("auth.password.change", actor=actor, kind=AuditKind.CHANGE, obj=user)


@transaction.atomic(durable=True)
def do_reset_password(user, *, actor) -> str:
    """An administrator's reset: a temporary password (shown once) that must be changed at the next login.
    The account is unlocked too; the person's open sessions end because the password changed."""
    _not_oneself(actor, user, "重置")
    password = generate_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    _set_password_state(user, must_change=True)
    unlocked, _ = AccessAttempt.objects.filter(username=user.get_username()).delete()
    record("auth.password.reset", actor=actor, kind=AuditKind.CHANGE, obj=user,
           changes={"must_change": True, "unlocked": bool(unlocked)})
    return password


# Lockout ------------------------------------------------------------------------------------------------------------

@transaction.atomic(durable=True)
def do_unlock_account(account: str, *, actor) -> None:
    """End a lock before its time (``account`` is the name axes counts under: the username or its keyed hash)."""
    if actor is not None and account == actor.get_username():
        raise ValidationError("不能为自己的账号解锁，请由另一位管理员办理。")
    deleted, _ = AccessAttempt.objects.filter(username=account).delete()
    if not deleted:
        raise ValidationError("该账号当前没有被锁定。")
    record("auth.unlock", actor=actor, kind=AuditKind.CHANGE, object_type="auth.user", object_repr=account)


# Second factor ------------------------------------------------------------------------------------------------------

@transaction.atomic(durable=True)
def do_start_second_factor(user, *, actor) -> TOTPDevice:
    """A new, unconfirmed TOTP secret for the person to scan; an earlier unconfirmed one is replaced."""
    if policy.totp_device(user) is not None:
        raise ValidationError("已绑定手机验证器。如需更换，请先解除绑定或请安全管理员重置。")
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    record("auth.second_factor.start", actor=actor, kind=AuditKind.CHANGE, obj=user)
    return device


def _new_recovery_codes(user) -> list[str]:
    RecoveryCodeDevice.objects.filter(user=user).delete()
    device = RecoveryCodeDevice.objects.create(user=user, name="恢复码", confirmed=True)
    codes = [recovery.new_code() for _ in range(recovery.COUNT)]
    RecoveryCode.objects.bulk_create([
        RecoveryCode(device=device, lookup=lookup, code_hash=make_password(secret))
        for lookup, secret in (recovery.split_code(code) for code in codes)
    ])
    return codes


@transaction.atomic(durable=True)
def do_confirm_second_factor(user, code: str, *, actor) -> tuple[TOTPDevice, list[str]]:
    """The first code from the phone confirms the binding; returns the device and ten recovery codes (shown once)."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        raise ValidationError("请先开始绑定手机验证器。")
    if not device.verify_token(code.strip()):
        raise ValidationError("验证码不正确：请确认手机时间准确，并输入验证器当前显示的 6 位数字。")
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(user)
    record("auth.second_factor.enrol", actor=actor, kind=AuditKind.CHANGE, obj=user,
           changes={"recovery_codes": len(codes)})
    return device, codes


@transaction.atomic(durable=True)
def do_verify_second_factor(user, code: str, *, actor):
    """Check a code from the phone or a recovery code at login. Returns the device that accepted it, or None
    (the failure is audited and counted by the device's throttling: nothing is rolled back)."""
    text = code.strip()
    device, method = None, "totp"
    if text.isdigit():
        totp = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).order_by("-id").first()
        if totp is not None and totp.verify_token(text):
            device = totp
    else:
        method = "recovery_code"
        codes = RecoveryCodeDevice.objects.select_for_update().filter(user=user).first()
        if codes is not None and codes.verify_token(text):
            device = codes
    record("auth.second_factor.verify", actor=actor, kind=AuditKind.LOGIN if device else AuditKind.LOGIN_FAILED,
           obj=user, success=device is not None, changes={"method": method})
    return device


@transaction.atomic(durable=True)
def do_regenerate_recovery_codes(user, *, actor) -> list[str]:
    if policy.totp_device(user) is None:
        raise ValidationError("请先绑定手机验证器。")
    codes = _new_recovery_codes(user)
    record("auth.recovery_codes.regenerate", actor=actor, kind=AuditKind.CHANGE, obj=user)
    return codes


def _remove_devices(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCodeDevice.objects.filter(user=user).delete()


@transaction.atomic(durable=True)
def do_remove_second_factor(user, code: str, *, actor) -> None:
    """The person turns the optional second factor off (a current code proves the phone is theirs)."""
    if policy.second_factor_required(user):
        raise ValidationError("系统管理员、安全管理员、审计管理员必须使用双因素认证，不能解除。")
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
    if device is None:
        raise ValidationError("尚未绑定手机验证器。")
    if not device.verify_token(code.strip()):
        raise ValidationError("验证码不正确，未解除绑定。")
    _remove_devices(user)
    record("auth.second_factor.remove", actor=actor, kind=AuditKind.CHANGE, obj=user)


@transaction.atomic(durable=True)
def do_reset_second_factor(user, *, actor) -> None:
    """The security administrator clears a lost phone: the person enrols again at the next login."""
    _not_oneself(actor, user, "重置")
    if not TOTPDevice.objects.filter(user=user).exists():
        raise ValidationError("该账号没有绑定手机验证器。")
    _remove_devices(user)
    record("auth.second_factor.reset", actor=actor, kind=AuditKind.CHANGE, obj=user)


# Sessions -----------------------------------------------------------------------------------------------------------

@transaction.atomic(durable=True)
def do_purge_expired_sessions(now: datetime, *, actor=None) -> int:
    """Delete sessions past their absolute or idle limit (the store writes the earlier one as the expiry)."""
    count, _ = Session.objects.filter(expire_date__lt=now).delete()
    if count:
        record("auth.sessions.purge", actor=actor, kind=AuditKind.SYSTEM, changes={"deleted": count})
    return count


def purge_expired_sessions(now: datetime) -> str:
    """tick task."""
    count = do_purge_expired_sessions(now)
    return f"已清除过期会话 {count} 个。" if count else ""

