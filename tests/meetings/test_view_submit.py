import pytest

from zeroerror.meetings.models import Meeting, MeetingStatus


@pytest.mark.clause("一(二)1")
def test_the_organiser_submits_the_plan(org, login, make_meeting):
    meeting = make_meeting()
    response = login(org.alice).post(f"/meetings/{meeting.pk}/submit/", follow=True)
    assert "会议方案已报批" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PENDING_LEADER


def test_an_invitee_outside_the_office_cannot_submit(org, login, make_meeting):
    meeting = make_meeting(organiser=org.bob)
    assert login(org.charlie).post(f"/meetings/{meeting.pk}/submit/").status_code == 403
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.DRAFT


def test_get_is_not_allowed(org, login, make_meeting):
    meeting = make_meeting()
    assert login(org.alice).get(f"/meetings/{meeting.pk}/submit/").status_code == 405
