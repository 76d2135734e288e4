import pytest

from tests.refusals import nothing_changes, refusal
from zeroerror.meetings.actions import do_submit_meeting
from zeroerror.meetings.models import Meeting, MeetingStatus


@pytest.mark.clause("一(二)1")
def test_the_leader_approves(org, login, make_meeting):
    meeting = make_meeting()
    do_submit_meeting(meeting, actor=org.alice.user)
    response = login(org.leo).post(f"/meetings/{meeting.pk}/approve/", follow=True)
    assert "会议方案已批准" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.APPROVED


@pytest.mark.clause("一(二)1")
def test_a_person_without_the_authority_is_told_why(org, login, make_meeting):
    meeting = make_meeting()
    do_submit_meeting(meeting, actor=org.alice.user)
    response = login(org.director).post(f"/meetings/{meeting.pk}/approve/", follow=True)
    assert "会议须经本单位领导（主要领导或分管领导）批准" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PENDING_LEADER


def test_a_draft_cannot_be_approved(org, login, make_meeting):
    meeting = make_meeting()
    client = login(org.principal)
    with nothing_changes():
        response = client.post(f"/meetings/{meeting.pk}/approve/")
    assert refusal(response) == (403, "您不能执行此操作。")
