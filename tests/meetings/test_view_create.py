"""Proposing a 会议方案 from the form: the room is booked or the refusal is explained."""

from datetime import timedelta

import pytest

from tests.meetings.conftest import later
from zeroerror.meetings.models import Meeting


def form_data(org, rooms, **kw):
    start = later(days=10)
    data = {
        "title": "安全生产专题会", "purpose": "部署安全生产", "agenda": "一、通报\n二、部署",
        "start_at": start.strftime("%Y-%m-%dT%H:%M"), "end_at": (start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "room": rooms.small.pk, "weeks": 1, "attendees": [org.alice.pk, org.bob.pk], "budget": "0",
        "materials_note": "", "dress_code": "", "rules": "准时参会",
    }
    data.update(kw)
    return data


def test_it_shows_the_form_with_the_units_rooms(org, login, rooms):
    html = login(org.bob).get("/meetings/new/").content.decode()
    assert "拟定会议方案" in html and "一楼大会议室" in html and "统一扎口把关" in html


def test_it_creates_the_meeting_and_books_the_room(org, login, rooms):
    response = login(org.bob).post("/meetings/new/", form_data(org, rooms, weeks=3))
    assert response.status_code == 302
    meetings = Meeting.objects.filter(title="安全生产专题会")
    assert meetings.count() == 3 and {m.organiser for m in meetings} == {org.bob}
    assert response["Location"] == f"/meetings/{meetings.first().pk}/"


@pytest.mark.clause("一(二)2")
def test_double_booking_and_a_small_room_are_explained_on_the_form(org, login, rooms, make_meeting):
    make_meeting(start_at=later(days=10), end_at=later(days=10, hours=2))
    client = login(org.bob)
    html = client.post("/meetings/new/", form_data(org, rooms)).content.decode()
    assert "不能重复预订" in html
    people = [p.pk for p in (org.alice, org.bob, org.charlie, org.dora, org.director, org.leo, org.principal)]
    html = client.post("/meetings/new/", form_data(org, rooms, attendees=people,
                                                   start_at=later(days=20).strftime("%Y-%m-%dT%H:%M"),
                                                   end_at=later(days=20, hours=1).strftime("%Y-%m-%dT%H:%M"))
                       ).content.decode()
    assert "会场容量不足" in html
    assert not Meeting.objects.filter(title="安全生产专题会").exists()


def test_past_times_are_refused(org, login, rooms):
    html = login(org.bob).post("/meetings/new/", form_data(
        org, rooms, start_at="2020-01-01T09:00", end_at="2020-01-01T08:00")).content.decode()
    assert "开始时间须晚于当前时间" in html and "结束时间须晚于开始时间" in html
