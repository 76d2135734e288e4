"""Clause 一(二)2 (领导不知情, 安排无序): a leader invited to two overlapping meetings is warned, and so are the
organiser and the approver."""

import pytest

from tests.meetings.conftest import later
from zeroerror.meetings.actions import do_record_reply, do_send_notices
from zeroerror.meetings.models import Invitation, Reply
from zeroerror.tracking.models import Notification


@pytest.fixture
def two(org, rooms, approved, make_meeting):
    first = approved(title="安全生产会", attendees=[org.alice, org.leo])
    second = make_meeting(organiser=org.medhead, title="医疗质量分析会", room=rooms.hall, attendees=[org.medhead, org.leo],
                          start_at=later(days=10, hours=1), end_at=later(days=10, hours=3), actor=org.medhead.user)
    return first, second


@pytest.mark.clause("一(二)2")
def test_it_warns_the_organiser_and_the_leader_of_overlapping_meetings(org, login, two):
    first, second = two
    page = login(org.medhead).get(f"/meetings/{second.pk}/").content.decode()
    assert "日程冲突：李副院长同时被邀请参加办公室承办的另一会议" in page  # medhead cannot open the office's meeting
    page = login(org.alice).get(f"/meetings/{first.pk}/").content.decode()
    assert "日程冲突：李副院长同时被邀请参加“医疗质量分析会”" in page  # the office sees every meeting
    assert "日程冲突" in login(org.leo).get(f"/meetings/{first.pk}/").content.decode()
    assert "日程冲突" not in login(org.auditor).get(f"/meetings/{first.pk}/").content.decode()  # sees the meeting, not concerned
    do_send_notices(first, actor=org.alice.user)
    note = Notification.objects.get(recipient=org.leo, title="会议时间冲突：安全生产会")
    assert "医疗质量分析会" in note.body


def test_no_warning_once_the_leader_sends_apologies(org, login, notified, rooms, make_meeting):
    first = notified(title="安全生产会", attendees=[org.alice, org.leo])
    second = make_meeting(organiser=org.medhead, title="医疗质量分析会", room=rooms.hall, attendees=[org.medhead, org.leo],
                          start_at=later(days=10, hours=1), end_at=later(days=10, hours=3), actor=org.medhead.user)
    do_record_reply(Invitation.objects.get(meeting=first, person=org.leo), Reply.ABSENT, reason="另有会议",
                    actor=org.leo.user)
    assert "日程冲突" not in login(org.medhead).get(f"/meetings/{second.pk}/").content.decode()


def test_the_create_page_flashes_the_clash(org, login, approved, rooms):
    approved(title="安全生产会", attendees=[org.alice, org.leo])
    client = login(org.charlie)
    start = later(days=10, hours=1)
    response = client.post("/meetings/new/", {
        "title": "医务科会", "purpose": "目的", "agenda": "议程", "start_at": f"{start:%Y-%m-%dT%H:%M}",
        "end_at": f"{later(days=10, hours=2):%Y-%m-%dT%H:%M}", "room": rooms.hall.pk, "weeks": 1,
        "attendees": [org.charlie.pk, org.leo.pk], "budget": "0", "rules": "",
    }, follow=True)
    assert "李副院长同时被邀请参加办公室承办的另一会议" in response.content.decode()
