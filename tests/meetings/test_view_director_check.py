import pytest

from zeroerror.meetings.actions import do_submit_meeting
from zeroerror.meetings.models import Meeting, MeetingStatus


@pytest.fixture
def waiting(org, rooms, make_meeting, principal_heads):
    meeting = make_meeting(room=rooms.hall, attendees=[org.alice, *principal_heads[:11]])
    do_submit_meeting(meeting, actor=org.alice.user)
    return meeting


@pytest.mark.clause("一(二)1")
def test_the_office_director_passes_the_plan_to_the_principal(org, login, waiting):
    html = login(org.director).get(f"/meetings/{waiting.pk}/").content.decode()
    assert "统一扎口把关通过" in html
    response = login(org.director).post(f"/meetings/{waiting.pk}/director-check/", follow=True)
    assert "报主要领导审定" in response.content.decode()
    assert Meeting.objects.get(pk=waiting.pk).status == MeetingStatus.PENDING_LEADER


def test_nobody_else_does_the_check(org, login, waiting):
    for person in (org.alice, org.leo, org.principal, org.dora):
        assert login(person).post(f"/meetings/{waiting.pk}/director-check/").status_code == 403, person.name
    assert Meeting.objects.get(pk=waiting.pk).status == MeetingStatus.PENDING_DIRECTOR
