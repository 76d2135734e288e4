"""身份鉴别 d: TOTP second factor — mandatory for the three administrators (enrolled at their first login), optional
for everyone else; a code is accepted once; recovery codes are single use and stored hashed."""

import re
import time

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.helpers import current_code, enrol, signed_in
from tests.factories import PASSWORD
from zeroerror.accounts.models import RecoveryCode
from zeroerror.audit.models import AuditRecord


@pytest.fixture(autouse=True)
def no_throttle(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the device's back-off after a wrong code (1 s, 2 s, …) is not under test


def _password_login(client, username, next_url=None):
    url = "/login/" + (f"?next={next_url}" if next_url else "")
    response = client.post(url, {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_an_administrator_must_enrol_at_the_first_login(org):
    client = Client()
    _password_login(client, "admin")
    response = client.get("/org/people/")
    assert response.status_code == 302 and response["Location"].startswith("/account/second-factor/")
    page = client.get(response["Location"])
    assert "必须使用双因素认证" in page.content.decode()
    assert 'id="sidenav"' not in page.content.decode()  # nothing else until enrolled

    client.post("/account/second-factor/start/")
    page = client.get("/account/second-factor/").content.decode()
    assert 'src="data:image/svg+xml;base64,' in page  # the QR code, drawn locally
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    device = TOTPDevice.objects.get(user=org.admin.user, confirmed=False)
    assert len(secret) >= 32

    wrong = client.post("/account/second-factor/confirm/", {"code": "000000"}, follow=True)
    assert "验证码不正确" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=org.admin.user, confirmed=True).exists()

    shown = client.post("/account/second-factor/confirm/", {"code": current_code(device)})
    codes = re.findall(r"<li>([2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4})</li>", shown.content.decode())
    assert shown.status_code == 200 and len(codes) == 10
    assert client.get("/org/people/").status_code == 200
    assert AuditRecord.objects.filter(action="auth.second_factor.enrol", actor=org.admin.user).exists()
    stored = str(list(RecoveryCode.objects.values_list("lookup", "code_hash")))
    assert all(code.split("-", 1)[1].replace("-", "") not in stored for code in codes)  # hashed


def test_a_code_is_accepted_once_and_replay_is_refused(org):
    device = enrol(org.alice.user)
    first = Client()
    _password_login(first, "alice", next_url="/org/people/")
    assert first.get("/org/people/")["Location"].startswith("/account/verify/")
    code = current_code(device)
    accepted = first.post("/account/verify/?next=/org/people/", {"code": code, "next": "/org/people/"})
    assert accepted.status_code == 302 and accepted["Location"] == "/org/people/"
    assert first.get("/org/people/").status_code == 200

    second = Client()
    _password_login(second, "alice")
    replay = second.post("/account/verify/", {"code": code})
    assert replay.status_code == 200 and "验证码不正确或已使用过" in replay.content.decode()
    assert second.get("/org/people/").status_code == 302
    outcomes = list(AuditRecord.objects.filter(action="auth.second_factor.verify").values_list("success", flat=True))
    assert outcomes == [True, False]


def test_a_recovery_code_works_once(org):
    client = Client()
    _password_login(client, "admin")
    client.post("/account/second-factor/start/")
    device = TOTPDevice.objects.get(user=org.admin.user)
    page = client.post("/account/second-factor/confirm/", {"code": current_code(device)}).content.decode()
    recovery = re.findall(r"<li>([2-9a-z-]{14})</li>", page)[0]
    client.post("/logout/")

    _password_login(client, "admin")
    used = client.post("/account/verify/", {"code": recovery.upper()}, follow=True)
    assert "已使用一个恢复码，还剩 9 个" in used.content.decode()
    client.post("/logout/")
    _password_login(client, "admin")
    again = client.post("/account/verify/", {"code": recovery})
    assert "验证码不正确或已使用过" in again.content.decode()
    assert client.get("/org/people/").status_code == 302


def test_it_is_optional_for_everyone_else(org, login):
    client = Client()
    _password_login(client, "alice")
    assert client.get("/org/people/").status_code == 200
    client.post("/account/second-factor/start/")
    device = TOTPDevice.objects.get(user=org.alice.user)
    client.post("/account/second-factor/confirm/", {"code": current_code(device)})
    device.refresh_from_db()
    assert device.confirmed
    next_code = current_code(device, at=time.time() + 30)  # the code just used cannot be used again
    removed = client.post("/account/second-factor/remove/", {"code": next_code}, follow=True)
    assert "已解除手机验证器" in removed.content.decode()
    assert not TOTPDevice.objects.filter(user=org.alice.user).exists()


def test_an_administrator_cannot_turn_it_off(org, login):
    client = login(org.admin)
    device = TOTPDevice.objects.get(user=org.admin.user)
    response = client.post("/account/second-factor/remove/", {"code": current_code(device)}, follow=True)
    assert "必须使用双因素认证，不能解除" in response.content.decode()
    assert TOTPDevice.objects.filter(user=org.admin.user).exists()


def test_the_security_admin_resets_a_lost_phone(org, security, login):
    enrol(org.admin.user)
    response = login(security).post(f"/account/manage/{org.admin.pk}/second-factor/", follow=True)
    assert "其下次登录时须重新绑定" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=org.admin.user).exists()
    assert AuditRecord.objects.get(action="auth.second_factor.reset").actor == security.user
    admin_client = Client()
    _password_login(admin_client, "admin")
    assert admin_client.get("/").url.startswith("/account/second-factor/")


def test_a_session_verified_by_a_removed_device_must_enrol_again(org, security, login):
    admin_client = signed_in(Client(), org.admin)
    assert admin_client.get("/org/people/").status_code == 200
    login(security).post(f"/account/manage/{org.admin.pk}/second-factor/")
    assert admin_client.get("/org/people/")["Location"].startswith("/account/second-factor/")


def test_nobody_resets_their_own_second_factor(org, security, login):
    enrol(security.user)
    response = login(security).post(f"/account/manage/{security.pk}/second-factor/", follow=True)
    assert "不能重置自己的账号" in response.content.decode()
    assert TOTPDevice.objects.filter(user=security.user).exists()
