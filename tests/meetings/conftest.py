"""Rooms of the test unit and helpers to propose, approve and hold meetings."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import DepartmentFactory, PersonFactory, give_role
from zeroerror.meetings.actions import do_approve_meeting, do_create_meeting, do_send_notices, do_submit_meeting
from zeroerror.meetings.models import Meeting, Room
from zeroerror.org.roles import Role


def later(days=0, hours=0, minutes=0):
    """A future moment on the hour (local), ``days`` ahead, at 09:00 plus ``hours``."""
    base = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    return base + timedelta(days=days, hours=hours, minutes=minutes)


@pytest.fixture
def rooms(org):
    hall = Room.objects.create(unit=org.unit, name="一楼大会议室", capacity=120, is_large=True, has_sound=True,
                               has_video=True, has_recording=True, has_projector=True, podium_row_size=7,
                               hall_rows=10, hall_cols=12)
    small = Room.objects.create(unit=org.unit, name="三楼小会议室", capacity=6, has_projector=True)
    return type("Rooms", (), {"hall": hall, "small": small})


@pytest.fixture
def make_meeting(org, rooms):
    def make(**kw):
        data = {
            "organiser": org.alice, "title": "季度工作例会", "purpose": "通报季度工作", "agenda": "一、通报\n二、部署",
            "start_at": later(days=10), "end_at": later(days=10, hours=2), "room": rooms.small,
            "attendees": [org.alice, org.bob, org.charlie, org.dora], "actor": org.alice.user,
        }
        data.update(kw)
        meetings = do_create_meeting(**data)
        return meetings[0] if len(meetings) == 1 else meetings

    return make


@pytest.fixture
def approved(org, make_meeting):
    """An approved meeting (leo, in charge of the office, approves alice's plan); notices not yet sent."""
    def make(**kw):
        meeting = make_meeting(**kw)
        do_submit_meeting(meeting, actor=org.alice.user)
        do_approve_meeting(meeting, actor=org.leo.user)
        return Meeting.objects.get(pk=meeting.pk)

    return make


@pytest.fixture
def notified(org, approved):
    def make(**kw):
        meeting = approved(**kw)
        do_send_notices(meeting, actor=org.alice.user)
        return Meeting.objects.get(pk=meeting.pk)

    return make


def started(meeting, minutes_ago=30):
    """Move a meeting's start into the past (the write paths refuse to book the past)."""
    start = timezone.now() - timedelta(minutes=minutes_ago)
    Meeting.objects.filter(pk=meeting.pk).update(start_at=start, end_at=start + timedelta(hours=2))
    return Meeting.objects.get(pk=meeting.pk)


def starting_soon(meeting, minutes=30):
    start = timezone.now() + timedelta(minutes=minutes)
    Meeting.objects.filter(pk=meeting.pk).update(start_at=start, end_at=start + timedelta(hours=2))
    return Meeting.objects.get(pk=meeting.pk)


@pytest.fixture
def heads(org):
    """Twelve more members of staff (of the medical department, no head role) to make meetings large."""
    return [PersonFactory(department=org.medical, name=f"负责人{i}", rank=100 + i) for i in range(12)]


@pytest.fixture
def principal_heads(org):
    """Twelve principal heads (科室主要负责人) of twelve other departments, for clause 一(二)1: a meeting inviting
    them "requires the principal heads" by their roles, whatever the organiser ticks."""
    people = []
    for i in range(12):
        department = DepartmentFactory(unit=org.unit, name=f"第{i + 1}科", order=100 + i)
        person = PersonFactory(department=department, name=f"主任{i}", rank=100 + i)
        give_role(person, Role.DEPARTMENT_HEAD, department=department)
        people.append(person)
    return people
