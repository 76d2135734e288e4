"""身份鉴别 b: 5 failures lock the account for 30 minutes (even against the right password), an address that fails
too often is throttled, every failure and lock is audited, and the 安全管理员 unlocks from a page."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import authenticate
from django.db.models import F
from django.test import RequestFactory

from tests.accounts.helpers import signed_in
from tests.factories import PASSWORD
from zeroerror.audit.models import AuditKind, AuditRecord


def _try(client, username, password, **extra):
    return client.post("/login/", {"username": username, "password": password}, **extra)


def _age_attempts(minutes):
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))
    AccessFailureLog.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def test_it_locks_the_account_after_five_failures_even_against_the_right_password(org, client):
    for _ in range(4):
        assert _try(client, "alice", "wrong-password-1").status_code == 200
    fifth = _try(client, "alice", "wrong-password-1")
    assert fifth.status_code == 429
    assert 1790 <= int(fifth["Retry-After"]) <= 1800
    assert "已锁定 30 分钟" in fifth.content.decode()

    sixth = _try(client, "alice", PASSWORD)
    assert sixth.status_code == 429 and "_auth_user_id" not in client.session
    assert not AuditRecord.objects.filter(kind=AuditKind.LOGIN).exists()
    assert AuditRecord.objects.filter(action="auth.login_failed", object_repr="alice").count() == 5
    lock = AuditRecord.objects.get(action="auth.lockout")
    assert lock.object_repr == "alice" and lock.success is False
    assert AuditRecord.objects.filter(action="auth.login_locked", success=False).count() == 1


def test_the_lock_ends_by_itself_after_thirty_minutes(org, client):
    for _ in range(5):
        _try(client, "alice", "wrong-password-1")
    _age_attempts(29)
    assert _try(client, "alice", PASSWORD).status_code == 429
    _age_attempts(2)
    assert _try(client, "alice", PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(org.alice.user.pk)


def test_thirty_fast_guesses_never_get_in(org, client):
    responses = [_try(client, "alice", f"guess-{i}") for i in range(29)] + [_try(client, "alice", PASSWORD)]
    assert [r.status_code for r in responses].count(200) == 4
    assert all(r.status_code == 429 for r in responses[4:])
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_starts_the_count_again(org, client):
    for _ in range(4):
        _try(client, "alice", "wrong-password-1")
    assert _try(client, "alice", PASSWORD).status_code == 302
    client.post("/logout/")
    for _ in range(4):
        assert _try(client, "alice", "wrong-password-1").status_code == 200


def test_the_authentication_backend_refuses_a_locked_account_on_any_path(org, client):
    for _ in range(5):
        _try(client, "alice", "wrong-password-1")
    request = RequestFactory().post("/somewhere/")
    request.session = client.session
    assert authenticate(request, username="alice", password=PASSWORD) is None


def test_the_admin_login_is_the_same_login(org, client):
    response = client.post("/admin/login/?next=/admin/", {"username": "admin", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/login/").status_code == 302


def test_an_address_that_fails_too_often_is_throttled_and_others_are_not(org, client, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 20
    for i in range(20):
        assert _try(client, f"nobody{i}", "x", REMOTE_ADDR="198.51.100.9").status_code == 200
    refused = _try(client, "alice", PASSWORD, REMOTE_ADDR="198.51.100.9")
    assert refused.status_code == 429 and "本机登录失败次数过多" in refused.content.decode()
    assert 890 <= int(refused["Retry-After"]) <= 900
    assert AuditRecord.objects.filter(action="auth.login_throttled", ip="198.51.100.9").count() == 1
    assert _try(client, "alice", PASSWORD, REMOTE_ADDR="198.51.100.10").status_code == 302


def test_the_security_admin_sees_and_ends_a_lock(org, security, client):
    for _ in range(5):
        _try(client, "alice", "wrong-password-1")
    page = signed_in(client, security).get("/account/manage/")
    assert page.status_code == 200
    assert 'name="account" value="alice"' in page.content.decode()
    response = client.post("/account/manage/unlock/", {"account": "alice"}, follow=True)
    assert "已解除锁定" in response.content.decode()
    record = AuditRecord.objects.get(action="auth.unlock")
    assert record.actor == security.user and record.object_repr == "alice"
    client.post("/logout/")
    assert _try(client, "alice", PASSWORD).status_code == 302


@pytest.mark.parametrize("who", ["alice", "admin", "auditor"])
def test_nobody_else_reaches_the_unlock_page(org, login, client, who):
    for _ in range(5):
        _try(client, "bob", "wrong-password-1")
    user_client = login(getattr(org, who))
    assert user_client.get("/account/manage/").status_code == 403
    assert user_client.post("/account/manage/unlock/", {"account": "bob"}).status_code == 403
    assert AccessAttempt.objects.filter(username="bob").exists()
    assert not AuditRecord.objects.filter(action="auth.unlock").exists()


def test_unlocking_an_account_that_is_not_locked_says_so(org, security, login):
    response = login(security).post("/account/manage/unlock/", {"account": "alice"}, follow=True)
    assert "该账号当前没有被锁定" in response.content.decode()
    assert not AuditRecord.objects.filter(action="auth.unlock").exists()
