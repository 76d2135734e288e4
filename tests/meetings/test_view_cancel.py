from tests.refusals import nothing_changes, refusal
from zeroerror.meetings.models import Meeting, MeetingStatus
from zeroerror.tracking.models import Notification


def test_the_organiser_cancels_and_the_notified_are_told(org, login, notified):
    meeting = notified()
    response = login(org.alice).post(f"/meetings/{meeting.pk}/cancel/", {"reason": "院长出差"}, follow=True)
    assert "会议已取消" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.CANCELLED
    assert Notification.objects.filter(recipient=org.bob, title="会议取消：季度工作例会", body__contains="院长出差").exists()


def test_an_invitee_cannot_cancel(org, login, notified):
    meeting = notified()
    client = login(org.charlie)
    with nothing_changes():
        response = client.post(f"/meetings/{meeting.pk}/cancel/", {"reason": "x"})
    assert refusal(response) == (403, "您不能执行此操作。")
