"""Clause 一(二)7: the sign-in desk — the QR code, staff ticking names, and the live list of who is missing."""

import pytest

from tests.meetings.conftest import starting_soon
from tests.pages import assert_shown, page
from zeroerror.meetings.access import current_signin_code
from zeroerror.meetings.actions import do_record_reply, do_record_signin
from zeroerror.meetings.models import Invitation, Reply, SigninMethod


@pytest.fixture
def soon(org, notified, settings):
    settings.SITE_URL = "http://oa.example.org"
    return starting_soon(notified())


@pytest.mark.clause("一(二)7")
def test_the_desk_shows_the_qr_code_and_who_is_missing(org, login, soon):
    do_record_signin(soon, org.bob, actor=org.bob.user)
    do_record_reply(Invitation.objects.get(meeting=soon, person=org.dora), Reply.ABSENT, reason="外出学习",
             actor=org.dora.user)
    client = login(org.alice)
    html = client.get(f"/meetings/{soon.pk}/signin/desk/").content.decode()
    assert f'hx-get="/meetings/{soon.pk}/signin/qr/" hx-trigger="every 30s"' in html and "<svg" in html
    assert f"http://oa.example.org/meetings/{soon.pk}/signin/{current_signin_code(soon)}/" in html
    missing = client.get(f"/meetings/{soon.pk}/signin/missing/").content.decode()
    assert 'hx-trigger="every 20s"' in missing
    assert "查理" in missing and "艾丽" in missing and "鲍勃" not in missing
    assert "尚未签到（2 / 3）" in missing and "外出学习" in missing


def test_the_qr_panel_is_an_svg_of_the_current_sign_in_link(org, login, soon):
    response = login(org.alice).get(f"/meetings/{soon.pk}/signin/qr/")
    assert b"<svg" in response.content and current_signin_code(soon).encode() in response.content


@pytest.mark.clause("一(二)7")
def test_staff_tick_a_name_once(org, login, soon):
    inv = Invitation.objects.get(meeting=soon, person=org.charlie)
    client = login(org.alice)
    response = client.post(f"/meetings/{soon.pk}/signin/tick/{inv.pk}/", follow=True)
    assert "查理已签到" in response.content.decode()
    inv.refresh_from_db()
    assert inv.signin_method == SigninMethod.STAFF and inv.signed_in_by == org.alice
    response = client.post(f"/meetings/{soon.pk}/signin/tick/{inv.pk}/", follow=True)
    assert "此前已签到" in response.content.decode()


def test_invitees_cannot_use_the_desk(org, login, soon):
    inv = Invitation.objects.get(meeting=soon, person=org.bob)
    client = login(org.charlie)
    assert client.get(f"/meetings/{soon.pk}/signin/desk/").status_code == 403
    assert client.get(f"/meetings/{soon.pk}/signin/qr/").status_code == 403
    assert client.post(f"/meetings/{soon.pk}/signin/tick/{inv.pk}/").status_code == 403
    assert client.get(f"/meetings/{soon.pk}/signin/missing/").status_code == 403


def test_the_approving_leader_follows_the_missing_list(org, login, soon):
    assert login(org.leo).get(f"/meetings/{soon.pk}/signin/missing/").status_code == 200


@pytest.mark.clause("一(二)7")
def test_the_desk_reports_who_is_missing_to_the_chair(org, login, notified):
    from tests.meetings.conftest import starting_soon
    from zeroerror.tracking.models import Notification

    meeting = starting_soon(notified(podium=[org.dora], host=org.dora))
    do_record_signin(meeting, org.bob, actor=org.bob.user)
    response = login(org.alice).post(f"/meetings/{meeting.pk}/signin/report/", follow=True)
    assert "已报告主持会议领导（尚未签到 3 人）" in response.content.decode()
    note = Notification.objects.get(recipient=org.dora, title="到会情况：季度工作例会")
    assert "应到 4 人，已签到 1 人" in note.body and "查理" in note.body


def test_the_desk_does_a_constant_number_of_queries(org, login, rooms, notified, heads):
    from zeroerror.meetings.actions import do_set_attendees

    meeting = starting_soon(notified(room=rooms.hall))
    client = login(org.alice)
    one, _ = page(client, f"/meetings/{meeting.pk}/signin/desk/")
    do_set_attendees(meeting, [*meeting.attendees.all(), *heads], actor=org.alice.user)
    do_record_signin(meeting, heads[0], actor=heads[0].user)
    many, html = page(client, f"/meetings/{meeting.pk}/signin/desk/")
    assert many == one
    assert_shown(html, [p.name for p in heads])
