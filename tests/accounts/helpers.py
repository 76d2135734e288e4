"""Signing in from tests: the session a person has after the login page and, where they use one, the second factor.

``signed_in(client, person)`` is what the ``login`` fixture does; browser and view tests that need real codes use
``enrol`` and ``current_code``."""

from __future__ import annotations

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from zeroerror.accounts import policy
from zeroerror.accounts.middleware import GATE_PASSED


def enrol(user) -> TOTPDevice:
    """A confirmed TOTP device for ``user`` (as if they had scanned the QR code)."""
    device = policy.totp_device(user)
    return device or TOTPDevice.objects.create(user=user, name="手机验证器", confirmed=True)


def current_code(device: TOTPDevice, *, at: float | None = None) -> str:
    """The code the phone shows now (or at ``at``; ``time.time() + 30`` is the next one, still accepted)."""
    clock = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    clock.time = at or time.time()
    return f"{clock.token():0{device.digits}d}"


def signed_in(client, person):
    """Log ``person`` (or a bare user) in; administrators, who must use a second factor, are enrolled and verified."""
    user = getattr(person, "user", person)
    client.force_login(user)
    device = policy.totp_device(user)
    if device is None and policy.second_factor_required(user):
        device = enrol(user)
    session = client.session
    if device is not None:
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[GATE_PASSED] = {"otp": device is not None}  # as after the login steps (tests of the gate log in for real)
    session.save()
    return client
