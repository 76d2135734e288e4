"""Session timeouts and the login gate.

SessionActivityMiddleware notes when a signed-in session was last used (at most once a minute, so that the session
row is not rewritten on every request); the session store turns that into the idle expiry.

LoginGateMiddleware keeps a signed-in person on the one page they must visit before anything else: the second
factor (verify or, for administrators, enrol) and then a forced password change. Once passed, the session
remembers it; a session that relied on a second-factor device loses the pass when the device goes.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from zeroerror.accounts import policy
from zeroerror.accounts.sessions import LOGIN_AT, SEEN_AT

GATE_PASSED = "zeroerror_gate_passed"
SEEN_REFRESH_SECONDS = 60

STEP_URLS = {
    policy.VERIFY: ("accounts:verify",),
    policy.ENROL: ("accounts:second_factor", "accounts:second_factor_start", "accounts:second_factor_confirm"),
    policy.PASSWORD: ("accounts:password",),
}
ALWAYS_OPEN = ("logout", "healthz")


@cache
def _paths(step: str) -> frozenset[str]:
    return frozenset(reverse(name) for name in STEP_URLS[step] + ALWAYS_OPEN)


class SessionActivityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            session, now = request.session, timezone.now().timestamp()
            if session.get(LOGIN_AT) is None:
                session[LOGIN_AT] = now
            if now - session.get(SEEN_AT, 0) >= SEEN_REFRESH_SECONDS:
                session[SEEN_AT] = now
        return self.get_response(request)


def gate_step(request) -> str | None:
    passed = request.session.get(GATE_PASSED)
    if passed is not None and (not passed.get("otp") or request.user.is_verified()):
        return None
    step = policy.pending_step(request.user)
    if step is None:
        request.session[GATE_PASSED] = {"otp": request.user.is_verified()}
    return step


class LoginGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and not request.path_info.startswith("/static/"):
            step = gate_step(request)
            if step is not None and request.path_info not in _paths(step):
                target = reverse(STEP_URLS[step][0])
                if request.method == "GET":
                    target += "?" + urlencode({"next": request.get_full_path()})
                return redirect(target)
        return self.get_response(request)
