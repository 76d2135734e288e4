"""Places of the test unit: the small meeting room (linked to a meetings Room) cleaned by bob, and the principal's
office cleaned by bob; charlie is not on any rota."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from zeroerror.facilities import actions
from zeroerror.facilities.models import CleaningRound, RoundKind
from zeroerror.meetings.models import Room

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def room(org):
    return Room.objects.create(unit=org.unit, name="三楼小会议室", capacity=20)


@pytest.fixture
def places(org, room):
    meeting_room = actions.do_create_place(name="三楼小会议室", kind="meeting_room", room=room, cleaners=[org.bob],
                                           actor=org.alice.user)
    office = actions.do_create_place(name="院长办公室", kind="leader_office", occupant=org.principal,
                                     cleaners=[org.bob], actor=org.alice.user)
    return type("Places", (), {"room": meeting_room, "office": office})


def at(hour, minute=0, days=0):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@pytest.fixture
def started_round(places):
    """A daily round of the meeting room that began an hour ago (at most back to today's midnight, so that it is one
    of today's rounds whenever the tests run) and is due in half an hour."""
    now = timezone.now()
    starts_at = max(now - timedelta(hours=1), at(0))
    return CleaningRound.objects.create(place=places.room, kind=RoundKind.DAILY, starts_at=starts_at,
                                        due_at=now + timedelta(minutes=30))
