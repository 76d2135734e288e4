"""身份鉴别 b / 剩余信息保护: a new session key at login, logout deletes the session, 15 minutes idle or 8 hours in
all end a session, and ``tick`` deletes expired sessions."""

from django.contrib.sessions.models import Session
from django.core.management import call_command

from tests.factories import PASSWORD


def _login(client):
    return client.post("/login/", {"username": "alice", "password": PASSWORD})


def test_the_session_key_changes_at_login_and_logout_deletes_the_session(org, client):
    client.get("/login/")
    before = client.cookies["sessionid"].value if "sessionid" in client.cookies else None
    _login(client)
    key = client.session.session_key
    assert key and key != before
    client.post("/logout/")
    assert not Session.objects.filter(session_key=key).exists()


def test_fifteen_idle_minutes_end_the_session(org, client, clock):
    _login(client)
    clock.advance(minutes=14)
    assert client.get("/org/people/").status_code == 200
    clock.advance(minutes=14)  # idle time counts from the last request
    assert client.get("/org/people/").status_code == 200
    clock.advance(minutes=15, seconds=30)
    response = client.get("/org/people/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_idle_limit_is_configurable(org, client, clock, settings):
    settings.SESSION_IDLE_SECONDS = 5 * 60
    _login(client)
    clock.advance(minutes=6)
    assert client.get("/org/people/").status_code == 302


def test_eight_hours_end_even_a_busy_session(org, client, clock):
    _login(client)
    for _ in range(47):
        clock.advance(minutes=10)
        assert client.get("/org/people/").status_code == 200
    clock.advance(minutes=11)
    assert client.get("/org/people/").status_code == 302


def test_tick_purges_expired_sessions(org, client, clock):
    _login(client)
    idle = client.session.session_key
    clock.advance(minutes=16)
    other = type(client)()
    other.post("/login/", {"username": "bob", "password": PASSWORD})
    call_command("tick", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Session.objects.filter(session_key=idle).exists()
    assert Session.objects.filter(session_key=other.session.session_key).exists()
