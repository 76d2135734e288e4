"""Rooms with capacity and equipment (clauses 一(二)2, 5), managed by the office."""

import pytest

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.models import Room

ROOM = {"name": "二楼会商室", "location": "行政楼二楼", "capacity": "30", "podium_row_size": "0", "hall_rows": "0",
        "hall_cols": "0", "has_power": "on", "has_sound": "on", "active": "on"}


def test_everyone_sees_the_rooms_with_their_equipment(org, login, rooms):
    html = login(org.charlie).get("/meetings/rooms/").content.decode()
    assert "一楼大会议室" in html and "音响" in html and "投影仪" in html and "添加会议室" not in html


def test_the_office_adds_and_edits_a_room(org, login):
    client = login(org.alice)
    assert client.post("/meetings/rooms/new/", ROOM).status_code == 302
    room = Room.objects.get(name="二楼会商室")
    assert room.unit == org.unit and room.has_sound and not room.has_video
    html = client.post("/meetings/rooms/new/", ROOM).content.decode()
    assert "会议室“二楼会商室”已存在" in html
    assert client.post(f"/meetings/rooms/{room.pk}/", {**ROOM, "capacity": "40", "has_video": "on"}).status_code == 302
    room.refresh_from_db()
    assert room.capacity == 40 and room.has_video
    assert [r.action for r in AuditRecord.objects.for_object(room)] == ["meetings.room.create", "meetings.room.update"]


@pytest.mark.clause("一(二)2")
def test_a_booked_rooms_capacity_cannot_drop_below_its_meetings(org, login, rooms, make_meeting):
    make_meeting()
    html = login(org.alice).post(f"/meetings/rooms/{rooms.small.pk}/", {
        **ROOM, "name": "三楼小会议室", "capacity": "3"}).content.decode()
    assert "会议室容量不能减到 3 人" in html
    assert Room.objects.get(pk=rooms.small.pk).capacity == 6


def test_others_cannot_manage_rooms(org, login, rooms):
    client = login(org.charlie)
    assert refusal(client.get("/meetings/rooms/new/")) == (403, "只有办公室可以管理会议室。")
    with nothing_changes():
        response = client.post(f"/meetings/rooms/{rooms.small.pk}/", ROOM)
    assert refusal(response) == (403, "只有办公室可以管理会议室。")


def test_the_list_does_a_constant_number_of_queries(org, login, rooms):
    client = login(org.bob)
    one, _ = page(client, "/meetings/rooms/")
    for i in range(10):
        Room.objects.create(unit=org.unit, name=f"会议室{i}", capacity=10)
    many, html = page(client, "/meetings/rooms/")
    assert many == one
    assert_shown(html, [rooms.hall.name, rooms.small.name, *(f"会议室{i}" for i in range(10))])
