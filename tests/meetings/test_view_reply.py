import pytest

from tests.refusals import nothing_changes, refusal
from zeroerror.meetings.models import Invitation, Reply


@pytest.mark.clause("一(二)3")
def test_an_invitee_replies_with_a_deputy(org, login, notified):
    meeting = notified()
    client = login(org.charlie)
    response = client.post(f"/meetings/{meeting.pk}/reply/", {"reply": "deputy", "deputy_name": ""}, follow=True)
    assert "请填写代参会人员姓名" in response.content.decode()
    response = client.post(f"/meetings/{meeting.pk}/reply/", {"reply": "deputy", "deputy_name": "杨帆"}, follow=True)
    assert "回执已提交" in response.content.decode()
    inv = Invitation.objects.get(meeting=meeting, person=org.charlie)
    assert (inv.reply, inv.deputy_name) == (Reply.DEPUTY, "杨帆")


def test_someone_not_invited_cannot_reply(org, login, notified):
    meeting = notified()
    client = login(org.director)
    with nothing_changes():
        response = client.post(f"/meetings/{meeting.pk}/reply/", {"reply": "attend"})
    assert refusal(response) == (403, "您不在本次会议的参会人员名单中。")
    client = login(org.medhead)
    with nothing_changes():
        response = client.post(f"/meetings/{meeting.pk}/reply/", {"reply": "attend"})
    assert refusal(response) == (404, "")
