"""Booking a room (clauses 一(二)1, 2): no double booking, including every occurrence of a recurring meeting, and no
room smaller than the attendee list; the check runs under a lock on the room row."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from tests.concurrency import race
from tests.meetings.conftest import later
from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.actions import do_cancel_meeting, do_create_meeting, do_set_attendees, occurrences
from zeroerror.meetings.models import Invitation, Meeting, MeetingStatus, Room


@pytest.mark.clause("一(二)1")
def test_it_books_a_meeting_plan_with_its_invitations_and_audit(org, rooms, make_meeting):
    meeting = make_meeting(budget=300, dress_code="正装", important=True, podium=[org.dora], host=org.dora)
    assert meeting.status == MeetingStatus.DRAFT and meeting.room == rooms.small
    assert meeting.department == org.office and meeting.unit == org.unit
    assert set(meeting.attendees.all()) == {org.alice, org.bob, org.charlie, org.dora}
    assert Invitation.objects.get(meeting=meeting, person=org.dora).is_host
    rec = AuditRecord.objects.for_object(meeting).get()
    assert rec.action == "meetings.meeting.create" and rec.changes["after"]["budget"] == "300.00"


@pytest.mark.clause("一(二)2")
def test_it_refuses_an_overlapping_booking_of_the_same_room(org, rooms, make_meeting):
    first = make_meeting()
    with pytest.raises(ValidationError) as exc:
        make_meeting(title="另一个会", start_at=first.start_at + timedelta(minutes=90),
                     end_at=first.end_at + timedelta(hours=1))
    assert "三楼小会议室" in exc.value.messages[0] and "季度工作例会" in exc.value.messages[0]
    assert "不能重复预订" in exc.value.messages[0]
    assert Meeting.objects.count() == 1


def test_back_to_back_meetings_and_other_rooms_are_fine(org, rooms, make_meeting):
    first = make_meeting()
    make_meeting(title="接着开", start_at=first.end_at, end_at=first.end_at + timedelta(hours=1))
    make_meeting(title="另一间", room=rooms.hall, start_at=first.start_at, end_at=first.end_at)
    assert Meeting.objects.count() == 3


def test_a_cancelled_meeting_frees_its_room(org, rooms, make_meeting):
    first = make_meeting()
    do_cancel_meeting(first, "改期", actor=org.alice.user)
    assert make_meeting(title="改在这时").pk


@pytest.mark.clause("一(二)2")
def test_it_refuses_a_room_smaller_than_the_attendee_list(org, rooms, make_meeting, heads):
    with pytest.raises(ValidationError) as exc:
        make_meeting(attendees=[org.alice, *heads[:6]])
    assert exc.value.messages == ["三楼小会议室只能容纳 6 人，参会人员有 7 人，会场容量不足。"]
    assert not Meeting.objects.exists()


def test_adding_attendees_beyond_the_capacity_is_refused(org, rooms, make_meeting, heads):
    meeting = make_meeting()
    with pytest.raises(ValidationError, match="会场容量不足"):
        do_set_attendees(meeting, [org.alice, *heads[:6]], actor=org.alice.user)
    assert meeting.invitations.count() == 4


@pytest.mark.clause("一(二)2")
def test_a_recurring_meeting_books_every_week_or_nothing(org, rooms, make_meeting):
    start = later(days=10)
    blocker = make_meeting(title="第三周占用", start_at=start + timedelta(weeks=2, minutes=30),
                           end_at=start + timedelta(weeks=2, hours=1))
    with pytest.raises(ValidationError) as exc:
        make_meeting(title="周例会", start_at=start, end_at=start + timedelta(hours=1), weeks=4)
    assert "第三周占用" in exc.value.messages[0]
    assert list(Meeting.objects.all()) == [blocker]

    series = make_meeting(title="周例会", start_at=start, end_at=start + timedelta(hours=1), weeks=2)
    assert [m.occurrence for m in series] == [1, 2]
    assert series[0].series == series[1].series is not None
    assert series[1].start_at - series[0].start_at == timedelta(weeks=1)
    with pytest.raises(ValidationError, match="周例会"):
        make_meeting(title="撞第二次", start_at=series[1].start_at, end_at=series[1].end_at)


def test_weekly_occurrences_keep_the_local_wall_clock_time():
    start = later(days=3)
    slots = occurrences(start, start + timedelta(hours=1), 3)
    assert len(slots) == 3 and all(s.hour == start.hour for s, _ in slots)


def test_it_refuses_bad_plans_with_chinese_messages(org, rooms, make_meeting):
    cases = [
        ({"title": " "}, "请填写会议名称。"),
        ({"agenda": ""}, "会议方案须写明会议目的和议程。"),
        ({"end_at": later(days=10)}, "结束时间须晚于开始时间。"),
        ({"start_at": later(days=-1), "end_at": later(days=-1, hours=1)}, "开始时间须晚于当前时间。"),
        ({"weeks": 0}, "每周重复的次数须在 1 到 52 之间。"),
        ({"attendees": []}, "请选择参会人员。"),
        ({"podium": [org.principal]}, "主席台人员、主持人须在参会人员中：王院长。"),
    ]
    for kw, message in cases:
        with pytest.raises(ValidationError) as exc:
            make_meeting(**kw)
        assert exc.value.messages == [message], kw
    assert not Meeting.objects.exists()


def test_a_deactivated_room_cannot_be_booked(org, rooms, make_meeting):
    Room.objects.filter(pk=rooms.small.pk).update(active=False)
    with pytest.raises(ValidationError, match="已停用"):
        make_meeting()


@pytest.mark.django_db(transaction=True)
@pytest.mark.clause("一(二)2")
def test_concurrent_bookings_of_one_room_cannot_both_win():
    """Eight threads race for the same slot of the same room: exactly one booking is made."""
    from tests.factories import DepartmentFactory, PersonFactory, UnitFactory

    unit = UnitFactory()
    dept = DepartmentFactory(unit=unit, name="办公室", is_office=True)
    people = [PersonFactory(department=dept, name=f"人{i}") for i in range(8)]
    room = Room.objects.create(unit=unit, name="大会议室", capacity=50, is_large=True)
    start = later(days=5)

    def book(i):
        do_create_meeting(organiser=people[i], title=f"会{i}", purpose="目的", agenda="议程",
                          start_at=start + timedelta(minutes=i), end_at=start + timedelta(hours=1),
                          room=room, attendees=people, weeks=1 + i % 2, actor=people[i].user)
        return i

    outcomes = race(book, [(i,) for i in range(8)], expect=(ValidationError,))
    won = [o for o in outcomes if isinstance(o, int)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(won) == 1 and len(refused) == 7
    assert all("不能重复预订" in exc.messages[0] for exc in refused)
    booked = Meeting.objects.filter(room=room)
    assert booked.count() == 1 + won[0] % 2
    assert booked.values("title").distinct().count() == 1
