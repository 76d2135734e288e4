from tests.refusals import nothing_changes, refusal
from zeroerror.meetings.actions import do_submit_meeting
from zeroerror.meetings.models import Meeting, MeetingStatus


def test_the_approver_returns_the_plan_with_a_reason(org, login, make_meeting):
    meeting = make_meeting()
    do_submit_meeting(meeting, actor=org.alice.user)
    client = login(org.leo)
    response = client.post(f"/meetings/{meeting.pk}/return/", {"reason": ""}, follow=True)
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PENDING_LEADER
    response = client.post(f"/meetings/{meeting.pk}/return/", {"reason": "压缩参会范围"}, follow=True)
    assert "会议方案已退回" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DRAFT and meeting.return_reason == "压缩参会范围"


def test_the_organiser_cannot_return_their_own_plan(org, login, make_meeting):
    meeting = make_meeting()
    do_submit_meeting(meeting, actor=org.alice.user)
    client = login(org.alice)
    with nothing_changes():
        response = client.post(f"/meetings/{meeting.pk}/return/", {"reason": "x"})
    assert refusal(response) == (403, "您不能执行此操作。")
