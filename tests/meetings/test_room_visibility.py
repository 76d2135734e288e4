"""Clause 一(二)1, 2: the office runs the 会务 and manages the rooms, so its staff open every meeting; the room
calendar shows who holds a slot even to someone who cannot open that meeting, and the booking refusal says the same."""

import pytest
from django.core.exceptions import ValidationError

from tests.meetings.conftest import later
from zeroerror.meetings.models import Meeting


@pytest.fixture
def medical_meeting(org, make_meeting, rooms):
    return make_meeting(organiser=org.medhead, title="医务科质控例会", attendees=[org.medhead, org.charlie])


@pytest.mark.clause("一(二)1", "一(二)2")
def test_it_office_staff_open_other_departments_meetings(org, login, medical_meeting):
    for person in (org.alice, org.bob):  # the office clerk who organises meetings, and a colleague
        assert login(person).get(f"/meetings/{medical_meeting.pk}/").status_code == 200
    assert "医务科质控例会" in login(org.alice).get("/meetings/?show=all").content.decode()
    # the room calendar of the office clerk names it
    assert "医务科质控例会" in login(org.alice).get(f"/meetings/calendar/?week={later(days=10).date()}").content.decode()


def test_it_someone_outside_still_gets_404(org, login, make_meeting):
    office_meeting = make_meeting(title="办公室内部会", attendees=[org.alice, org.bob])
    assert login(org.charlie).get(f"/meetings/{office_meeting.pk}/").status_code == 404


@pytest.mark.clause("一(二)2")
def test_it_the_calendar_tells_who_holds_a_slot_without_the_title(org, login, make_meeting):
    office_meeting = make_meeting(title="办公室内部会", attendees=[org.alice, org.bob])
    html = login(org.charlie).get(f"/meetings/calendar/?week={later(days=10).date()}").content.decode()
    assert "已预订（办公室 艾丽）" in html
    assert "办公室内部会" not in html and f"/meetings/{office_meeting.pk}/" not in html


@pytest.mark.clause("一(二)2")
def test_it_the_booking_refusal_names_the_holder_not_the_hidden_title(org, make_meeting):
    make_meeting(title="办公室内部会", attendees=[org.alice, org.bob])
    before = Meeting.objects.count()
    with pytest.raises(ValidationError) as refused:
        make_meeting(organiser=org.charlie, title="医务科会", attendees=[org.charlie], actor=org.charlie.user)
    start = later(days=10)
    assert refused.value.messages == [
        f"三楼小会议室在 {start:%Y-%m-%d %H:%M} 至 11:00 已被办公室艾丽承办的会议（{start:%Y-%m-%d %H:%M} 至 11:00）"
        "占用，不能重复预订。"]
    assert Meeting.objects.count() == before
