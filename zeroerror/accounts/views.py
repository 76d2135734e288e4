"""Login, second factor, password and the security administrator's credential page. Views stay thin: the actions
in ``actions.py`` change things, ``policy`` says what is due."""

from __future__ import annotations

import base64

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from zeroerror.accounts import actions, lockout, policy
from zeroerror.accounts.access import get_managed_person_or_404, require_security_admin
from zeroerror.accounts.forms import CodeForm, PasswordChangeForm, SecondFactorForm, UnlockForm
from zeroerror.accounts.models import RecoveryCodeDevice
from zeroerror.accounts.qr import qr_data_url
from zeroerror.audit.pseudonym import PREFIX as UNKNOWN_PREFIX
from zeroerror.core.forms import flash_form_errors, flash_refusal
from zeroerror.org.models import Person, RoleAssignment
from zeroerror.org.roles import ADMIN_ROLES


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return "/"


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    """The one login page (the admin's login redirects here). A throttled address or a locked account is refused
    with 429 before the password is looked at."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        return lockout.refuse_login(request) or super().post(request, *args, **kwargs)


# Second factor at login ---------------------------------------------------------------------------------------------

def verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if policy.totp_device(user) is None or user.is_verified():
        return redirect(_next_url(request))
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = actions.do_verify_second_factor(user, form.cleaned_data["code"], actor=user)
        if device is not None:
            otp_login(request, device)
            if isinstance(device, RecoveryCodeDevice):
                messages.warning(request, f"已使用一个恢复码，还剩 {device.unused_count()} 个。"
                                          "请尽快在“账号安全”中重新生成恢复码。")
            return redirect(_next_url(request))
        form.add_error("code", "验证码不正确或已使用过。请输入验证器当前显示的数字；连续输错后须稍候再试。")
    return render(request, "accounts/verify.html", {"title": "双因素认证", "form": form, "gate": True,
                                                    "next": _next_url(request)})


# Enrolment and the account page -------------------------------------------------------------------------------------

def _otpauth_secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def second_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    confirmed = policy.totp_device(user)
    pending = None if confirmed else policy.totp_device(user, confirmed=False)
    context = {
        "title": "手机验证器（双因素认证）", "confirmed": confirmed, "pending": pending,
        "required": policy.second_factor_required(user), "gate": confirmed is None and policy.second_factor_required(user),
        "form": CodeForm(), "next": _next_url(request),
    }
    if pending is not None:
        context["qr"] = qr_data_url(pending.config_url)
        context["secret"] = _otpauth_secret(pending)
    if confirmed is not None:
        codes = RecoveryCodeDevice.objects.filter(user=user).first()
        context["recovery_left"] = codes.unused_count() if codes else 0
    return render(request, "accounts/second_factor.html", context)


@require_POST
def second_factor_start(request: HttpRequest) -> HttpResponse:
    try:
        actions.do_start_second_factor(request.user, actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
    return redirect("accounts:second_factor")


def _show_recovery_codes(request: HttpRequest, codes: list[str], *, first: bool) -> HttpResponse:
    return render(request, "accounts/recovery_codes.html", {
        "title": "恢复码", "codes": codes, "first": first, "next": _next_url(request),
    })


@require_POST
def second_factor_confirm(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("accounts:second_factor")
    try:
        device, codes = actions.do_confirm_second_factor(request.user, form.cleaned_data["code"], actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
        return redirect("accounts:second_factor")
    otp_login(request, device)
    return _show_recovery_codes(request, codes, first=True)


@require_POST
def recovery_codes_regenerate(request: HttpRequest) -> HttpResponse:
    try:
        codes = actions.do_regenerate_recovery_codes(request.user, actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
        return redirect("accounts:second_factor")
    return _show_recovery_codes(request, codes, first=False)


@require_POST
def second_factor_remove(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            actions.do_remove_second_factor(request.user, form.cleaned_data["code"], actor=request.user)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, "已解除手机验证器，登录时不再需要验证码。")
    else:
        flash_form_errors(request, form)
    return redirect("accounts:second_factor")


def password(request: HttpRequest) -> HttpResponse:
    reason = policy.password_change_reason(request.user)
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_change_password(request.user, form.cleaned_data["new_password1"], actor=request.user)
        update_session_auth_hash(request, request.user)
        messages.success(request, "密码已修改。")
        return redirect(_next_url(request))
    return render(request, "accounts/password.html", {
        "title": "修改密码", "form": form, "reason": reason, "gate": reason is not None, "next": _next_url(request),
        "max_age_days": settings.PASSWORD_MAX_AGE_DAYS,
    })


def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(request, "accounts/account.html", {
        "title": "账号安全", "changed_at": policy.password_changed_at(user),
        "totp": policy.totp_device(user), "required": policy.second_factor_required(user),
    })


# The security administrator's page ---------------------------------------------------------------------------------

def manage(request: HttpRequest) -> HttpResponse:
    me = require_security_admin(request)
    q = request.GET.get("q", "").strip()[:50]
    people = Person.objects.filter(unit=me.unit).active().select_related("department", "user__password_state")
    if q:
        people = people.filter(Q(name__icontains=q) | Q(user__username__icontains=q) | Q(department__name__icontains=q))
    people = people.annotate(
        enrolled=Exists(TOTPDevice.objects.filter(user=OuterRef("user"), confirmed=True))
    ).prefetch_related(Prefetch("role_assignments", to_attr="admin_assignments",
                                queryset=RoleAssignment.objects.current().filter(role__in=ADMIN_ROLES)))
    page = Paginator(people.order_by("department__order", "rank", "id"), 50).get_page(request.GET.get("page"))
    locks = lockout.current_locks()
    locked = {account for account, _until in locks}
    return render(request, "accounts/manage.html", {
        "title": "账号锁定与重置", "page": page, "q": q, "locks": locks, "locked": locked,
        "unknown_prefix": UNKNOWN_PREFIX,
    })


@require_POST
def unlock(request: HttpRequest) -> HttpResponse:
    require_security_admin(request)
    form = UnlockForm(request.POST)
    if form.is_valid():
        try:
            actions.do_unlock_account(form.cleaned_data["account"], actor=request.user)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, "已解除锁定。")
    return redirect("accounts:manage")


@require_POST
def reset_password(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_managed_person_or_404(request, pk)
    try:
        temporary = actions.do_reset_password(person.user, actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
        return redirect("accounts:manage")
    return render(request, "accounts/reset_done.html", {
        "title": "密码已重置", "subject": person, "temporary": temporary,
    })


@require_POST
def reset_second_factor(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_managed_person_or_404(request, pk)
    try:
        actions.do_reset_second_factor(person.user, actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, f"已重置{person.name}的手机验证器，其下次登录时须重新绑定。")
    return redirect("accounts:manage")
