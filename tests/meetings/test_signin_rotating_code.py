"""Clause 一(二)7 and 一(二)10: the sign-in QR code rotates every 30 seconds on the desk screen, an old one stops
working, it is accepted only near the meeting's start, and its link is built from the configured site address."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.meetings.conftest import starting_soon
from zeroerror.meetings import signin_code
from zeroerror.meetings.access import current_signin_code, signin_url
from zeroerror.meetings.models import Invitation, Meeting


@pytest.fixture
def soon(org, notified):
    return starting_soon(notified())


def test_the_code_changes_every_period_and_is_accepted_for_two_minutes():
    now = 1_800_000_000.0
    first = signin_code.current_code("secret", now)
    assert signin_code.current_code("secret", now + signin_code.PERIOD) != first
    assert signin_code.check("secret", first, now + 119) == "valid"
    assert signin_code.check("secret", first, now + 3 * 3600) == "expired"
    assert signin_code.check("other-meeting", first, now) == "unknown"


@pytest.mark.clause("一(二)7", "一(二)10")
def test_it_a_photo_of_the_code_sent_later_does_not_sign_in(org, login, soon, monkeypatch):
    code = current_signin_code(soon)
    later = time.time() + 10 * 60  # ten minutes later, e.g. forwarded to a colleague who is not in the room
    monkeypatch.setattr("zeroerror.meetings.access.time.time", lambda: later)
    response = login(org.bob).post(f"/meetings/{soon.pk}/signin/{code}/")
    assert response.status_code == 410
    assert "签到码已过期，请重新扫描签到屏上的二维码（每30秒更新）。" in response.content.decode()
    assert not Invitation.objects.filter(meeting=soon, signed_in_at__isnull=False).exists()


def test_a_page_opened_in_time_can_still_be_confirmed_after_the_code_changed(org, login, soon, monkeypatch):
    client = login(org.bob)
    code = current_signin_code(soon)
    page = client.get(f"/meetings/{soon.pk}/signin/{code}/").content.decode()
    token = page.split('name="pass" value="', 1)[1].split('"', 1)[0]
    later = time.time() + 5 * 60  # the phone stayed on the login page for a while
    monkeypatch.setattr("zeroerror.meetings.access.time.time", lambda: later)
    response = client.post(f"/meetings/{soon.pk}/signin/{code}/", {"pass": token})
    assert response.status_code == 200 and "签到成功" in response.content.decode()
    # the pass is the person's own: someone else cannot use it
    other = login(org.charlie).post(f"/meetings/{soon.pk}/signin/{code}/", {"pass": token})
    assert other.status_code == 410


@pytest.mark.clause("一(二)7")
def test_self_sign_in_is_open_only_thirty_minutes_either_side_of_the_start(org, login, notified):
    meeting = notified()
    for minutes, status in ((-45, 400), (-20, 200)):
        start = timezone.now() - timedelta(minutes=minutes)
        Meeting.objects.filter(pk=meeting.pk).update(start_at=start, end_at=start + timedelta(hours=3))
        response = login(org.bob).post(f"/meetings/{meeting.pk}/signin/{current_signin_code(meeting)}/")
        assert response.status_code == status, minutes
    Meeting.objects.filter(pk=meeting.pk).update(start_at=timezone.now() - timedelta(minutes=40))
    response = login(org.charlie).post(f"/meetings/{meeting.pk}/signin/{current_signin_code(meeting)}/")
    assert response.status_code == 400 and "扫码签到为会前30分钟至开会后30分钟" in response.content.decode()
    assert not Invitation.objects.get(meeting=meeting, person=org.charlie).signed_in_at


def test_the_link_uses_the_configured_site_address_not_the_desk_pcs_host(org, login, soon, settings):
    settings.SITE_URL = "https://oa.qcxrmyy.example"
    assert signin_url(soon).startswith(f"https://oa.qcxrmyy.example/meetings/{soon.pk}/signin/")
    html = login(org.alice).get(f"/meetings/{soon.pk}/signin/qr/", HTTP_HOST="127.0.0.1").content.decode()
    assert "https://oa.qcxrmyy.example/meetings/" in html and "http://127.0.0.1" not in html
    assert "每 30 秒更新一次" in html
