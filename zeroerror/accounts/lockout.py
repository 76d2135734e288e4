"""Refusing logins (身份鉴别 b): an account is locked after ZEROERROR_LOGIN_FAILURE_LIMIT failures for
ZEROERROR_LOGIN_LOCK_MINUTES (django-axes counts them), and an address that fails too often is throttled.
Both answer 429 with Retry-After. The hooks named in settings (AXES_*) live here."""

from __future__ import annotations

import math
from datetime import datetime

from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zeroerror.audit.middleware import client_ip
from zeroerror.audit.pseudonym import unknown_login_name


def attempted_username(request: HttpRequest | None, credentials: dict | None) -> str | None:
    """The name axes counts failures under: the account's name if it exists, else a keyed hash (never the text)."""
    if credentials:
        name = credentials.get("username")
    else:
        name = getattr(request, "POST", {}).get("username") if request is not None else None
    if name is None:
        return None
    name = str(name)
    if get_user_model().objects.filter(username=name).exists():
        return name
    return unknown_login_name(name)


def _seconds_until(moment: datetime) -> int:
    return max(1, math.ceil((moment - timezone.now()).total_seconds()))


def account_lock_seconds(username: str | None) -> int:
    """Seconds until the account is unlocked; 0 when it is not locked."""
    if not username:
        return 0
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    recent = AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
    latest = recent.aggregate(last=Max("attempt_time"))["last"]
    failures = sum(recent.values_list("failures_since_start", flat=True))
    if latest is None or failures < settings.AXES_FAILURE_LIMIT:
        return 0
    return _seconds_until(latest + settings.AXES_COOLOFF_TIME)


def address_wait_seconds(address: str) -> int:
    """Seconds until the address may try again: it failed LOGIN_ADDRESS_FAILURE_LIMIT times within the window."""
    if not address:
        return 0
    limit, window = settings.LOGIN_ADDRESS_FAILURE_LIMIT, settings.LOGIN_ADDRESS_WINDOW
    times = list(
        AccessFailureLog.objects.filter(ip_address=address, attempt_time__gte=timezone.now() - window)
        .order_by("-attempt_time").values_list("attempt_time", flat=True)[:limit]
    )
    if len(times) < limit:
        return 0
    return _seconds_until(times[-1] + window)


def refusal_page(request: HttpRequest, seconds: int, *, reason: str) -> HttpResponse:
    minutes = max(1, math.ceil(seconds / 60))
    response = render(request, "accounts/locked.html", {
        "title": "暂时无法登录", "minutes": minutes, "reason": reason,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "lock_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }, status=429)
    response["Retry-After"] = str(seconds)
    return response


def refuse_login(request: HttpRequest) -> HttpResponse | None:
    """Before any password is checked: 429 for a throttled address or a locked account, audited (rate-limited)."""
    from zeroerror.audit.refusals import record_refusal

    address = client_ip(request)
    wait = address_wait_seconds(address)
    if wait:
        record_refusal(request, "auth.login_throttled", detail={"reason": "address"})
        return refusal_page(request, wait, reason="address")
    username = attempted_username(request, None)
    wait = account_lock_seconds(username)
    if wait:
        record_refusal(request, "auth.login_locked", detail={"reason": "account", "account": username})
        return refusal_page(request, wait, reason="account")
    return None


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the answer to the failure that locked the account."""
    username = attempted_username(request, credentials)
    seconds = account_lock_seconds(username) or int(settings.AXES_COOLOFF_TIME.total_seconds())
    return refusal_page(request, seconds, reason="account")


def current_locks() -> list[tuple[str, datetime]]:
    """(account, locked until) of every locked account now, newest first; unknown names appear as their hash."""
    from django.db.models import Sum

    since = timezone.now() - settings.AXES_COOLOFF_TIME
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=since).values("username")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT).order_by("-last")
    )
    return [(row["username"], row["last"] + settings.AXES_COOLOFF_TIME) for row in rows]
