"""Credentials beside Django's user: when the password was last changed (maximum age), whether an administrator's
reset forces a change at the next login, and the recovery codes of the second factor (single use, stored hashed).

The TOTP device itself is django-otp's ``TOTPDevice``; recovery codes are a django-otp device of their own so that a
session verified with one is verified in the same way (``request.user.is_verified()``).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.db import models
from django.utils import timezone
from django_otp.models import Device, ThrottlingMixin


class PasswordState(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name="账号", on_delete=models.PROTECT,
                                related_name="password_state")
    changed_at = models.DateTimeField("密码修改时间")
    must_change = models.BooleanField("下次登录须修改密码", default=False,
                                      help_text="管理员重置密码后置位，本人修改密码后清除")

    class Meta:
        verbose_name = "密码状态"
        verbose_name_plural = "密码状态"

    def __str__(self) -> str:
        return f"{self.user} 密码状态"


class RecoveryCodeDevice(ThrottlingMixin, Device):
    """A person's set of recovery codes (one device per person; regenerating replaces its codes)."""

    class Meta:
        verbose_name = "恢复码"
        verbose_name_plural = "恢复码"

    def get_throttle_factor(self) -> int:
        return getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)

    def verify_token(self, token) -> bool:
        from zeroerror.accounts.recovery import split_code

        verify_allowed, _ = self.verify_is_allowed()
        if not verify_allowed:
            return False
        parts = split_code(str(token))
        code = None
        if parts is not None:
            lookup, secret = parts
            code = self.codes.select_for_update().filter(lookup=lookup, used_at__isnull=True).first()
        if code is None or not check_password(secret, code.code_hash):
            self.throttle_increment()
            return False
        code.used_at = timezone.now()
        code.save(update_fields=["used_at"])
        self.throttle_reset()
        return True

    def unused_count(self) -> int:
        return self.codes.filter(used_at__isnull=True).count()


class RecoveryCode(models.Model):
    """One recovery code: a short public lookup part and the rest hashed with the password hasher."""

    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    lookup = models.CharField(max_length=8, db_index=True)
    code_hash = models.CharField(max_length=256)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "恢复码"
        verbose_name_plural = "恢复码"

    def __str__(self) -> str:
        return f"{self.lookup}-…"
