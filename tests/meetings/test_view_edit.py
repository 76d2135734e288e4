"""Revising a draft or returned 会议方案; a new time or room is booked like a new booking (clause 一(二)2)."""

from datetime import timedelta

import pytest

from tests.meetings.conftest import later
from tests.refusals import nothing_changes, refusal
from zeroerror.meetings.actions import do_return_meeting, do_submit_meeting
from zeroerror.meetings.models import Meeting


def data(meeting, **kw):
    out = {"title": meeting.title, "purpose": meeting.purpose, "agenda": meeting.agenda,
           "start_at": fmt(meeting.start_at), "end_at": fmt(meeting.end_at), "room": meeting.room_id,
           "materials_note": "", "dress_code": "", "rules": meeting.rules, "budget": "0"}
    out.update(kw)
    return out


def fmt(moment):
    from django.utils import timezone

    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_returned_plan_is_revised_and_resubmitted(org, login, make_meeting):
    meeting = make_meeting()
    do_submit_meeting(meeting, actor=org.alice.user)
    do_return_meeting(Meeting.objects.get(pk=meeting.pk), "议程不清", actor=org.leo.user)
    client = login(org.alice)
    html = client.get(f"/meetings/{meeting.pk}/edit/").content.decode()
    assert "退回意见：议程不清" in html
    meeting.refresh_from_db()
    response = client.post(f"/meetings/{meeting.pk}/edit/", data(meeting, agenda="一、通报\n二、部署\n三、讨论"))
    assert response.status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).agenda.endswith("三、讨论")


@pytest.mark.clause("一(二)2")
def test_moving_onto_a_booked_slot_is_refused(org, login, make_meeting):
    other = make_meeting(title="已占用", start_at=later(days=12), end_at=later(days=12, hours=2))
    meeting = make_meeting()
    html = login(org.alice).post(f"/meetings/{meeting.pk}/edit/", data(
        meeting, start_at=fmt(other.start_at + timedelta(minutes=30)),
        end_at=fmt(other.end_at + timedelta(minutes=30)))).content.decode()
    assert "不能重复预订" in html and "已占用" in html
    assert Meeting.objects.get(pk=meeting.pk).start_at == meeting.start_at


def test_a_submitted_plan_is_not_edited(org, login, make_meeting):
    meeting = make_meeting()
    do_submit_meeting(meeting, actor=org.alice.user)
    client = login(org.alice)
    with nothing_changes():
        html = client.post(f"/meetings/{meeting.pk}/edit/", data(meeting, title="改名")).content.decode()
    assert "只有拟定中（含被退回）的会议方案可以修改" in html
    assert refusal(login(org.charlie).get(f"/meetings/{meeting.pk}/edit/")) == (403, "您不能修改本会议方案。")
