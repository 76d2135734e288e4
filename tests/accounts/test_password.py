"""身份鉴别 a: the password rules (no account name, no pinyin name), changing one's own password (old one required),
the 安全管理员's reset that forces a change at the next login, and the maximum age."""

from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from tests.accounts.helpers import signed_in
from tests.factories import PASSWORD, PersonFactory
from zeroerror.accounts.models import PasswordState
from zeroerror.audit.models import AuditRecord
from zeroerror.org.passwords import name_spellings

NEW = "Brand-New-Pass-42"


@pytest.fixture
def luoqi(org):
    return PersonFactory(user__username="luoqi", name="罗琦", department=org.info)


@pytest.mark.parametrize("password", [
    "luoqi2026Luoqi",  # the account name (and the pinyin name)
    "LUOQI-2026-abcd",
    "Qiluo#2026-abcd",  # the given name first
    "Short-1a",  # too short
    "alllowercase-words",  # one class and a symbol: two classes
])
def test_it_refuses_weak_and_personal_passwords(luoqi, password):
    with pytest.raises(ValidationError):
        validate_password(password, luoqi.user)


def test_the_pinyin_of_the_name_is_refused_under_another_account_name(org):
    person = PersonFactory(user__username="hr007", name="罗琦", department=org.info)
    with pytest.raises(ValidationError, match="不能包含账号名或本人姓名的拼音"):
        validate_password("Luoqi-2026-abcd", person.user)
    validate_password("Tiger-Lily-2026", person.user)


def test_pinyin_spellings():
    assert name_spellings("罗琦") == {"luoqi", "qiluo"}
    assert name_spellings("欧阳修") == {"ouyangxiu", "yangxiuou"}
    assert name_spellings("") == set()


def test_it_changes_the_own_password_with_the_old_one(org, login):
    client = login(org.alice)
    wrong = client.post("/account/password/", {"old_password": "nope", "new_password1": NEW, "new_password2": NEW})
    assert wrong.status_code == 200 and "旧密码不正确" in wrong.content.decode()
    org.alice.user.refresh_from_db()
    assert org.alice.user.check_password(PASSWORD)

    done = client.post("/account/password/", {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302
    org.alice.user.refresh_from_db()
    assert org.alice.user.check_password(NEW)
    assert client.get("/org/people/").status_code == 200  # still signed in
    assert PasswordState.objects.get(user=org.alice.user).must_change is False
    record = AuditRecord.objects.get(action="auth.password.change")
    assert record.actor == org.alice.user and NEW not in str(record.changes)


def test_a_new_password_with_the_own_name_is_refused(org, login):
    client = login(org.alice)
    response = client.post("/account/password/", {"old_password": PASSWORD, "new_password1": "Alice-2026-xyz",
                                                  "new_password2": "Alice-2026-xyz"})
    assert "不能包含账号名或本人姓名的拼音" in response.content.decode()
    org.alice.user.refresh_from_db()
    assert org.alice.user.check_password(PASSWORD)


def test_a_reset_forces_a_change_at_the_next_login(org, security, login):
    alice_client = signed_in(Client(), org.alice)
    page = login(security).post(f"/account/manage/{org.alice.pk}/password/")
    temporary = page.context["temporary"]
    assert page.status_code == 200 and temporary in page.content.decode()
    assert AuditRecord.objects.get(action="auth.password.reset").actor == security.user
    assert temporary not in str(list(AuditRecord.objects.values_list("changes", flat=True)))
    assert alice_client.get("/org/people/").status_code == 302  # her open session ended

    fresh = Client()
    fresh.post("/login/", {"username": "alice", "password": temporary})
    response = fresh.get("/org/people/")
    assert response["Location"].startswith("/account/password/")
    assert "管理员已重置您的密码" in fresh.get(response["Location"]).content.decode()
    fresh.post("/account/password/", {"old_password": temporary, "new_password1": NEW, "new_password2": NEW})
    assert fresh.get("/org/people/").status_code == 200


def test_nobody_resets_their_own_password_and_staff_cannot_reset_at_all(org, security, login):
    response = login(security).post(f"/account/manage/{security.pk}/password/", follow=True)
    assert "不能重置自己的账号" in response.content.decode()
    assert login(org.admin).post(f"/account/manage/{org.alice.pk}/password/").status_code == 403
    org.alice.user.refresh_from_db()
    assert org.alice.user.check_password(PASSWORD)
    assert not PasswordState.objects.exists()


def test_it_asks_for_a_new_password_after_the_maximum_age(org, settings):
    settings.PASSWORD_MAX_AGE_DAYS = 90
    PasswordState.objects.create(user=org.alice.user, changed_at=timezone.now() - timedelta(days=89))
    client = Client()
    client.post("/login/", {"username": "alice", "password": PASSWORD})
    assert client.get("/org/people/").status_code == 200

    PasswordState.objects.filter(user=org.alice.user).update(changed_at=timezone.now() - timedelta(days=91))
    client = Client()
    client.post("/login/", {"username": "alice", "password": PASSWORD})
    response = client.get("/org/people/")
    assert response["Location"].startswith("/account/password/")
    assert "已使用超过 90 天" in client.get(response["Location"]).content.decode()
