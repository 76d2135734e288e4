import pytest

from tests.meetings.conftest import later
from tests.refusals import nothing_changes, refusal
from zeroerror.meetings.actions import do_submit_meeting
from zeroerror.tracking.models import Notification


@pytest.mark.clause("一(二)1", "一(二)3")
def test_notices_go_out_only_after_approval(org, login, make_meeting, approved):
    draft = make_meeting(start_at=later(days=20), end_at=later(days=20, hours=1))
    do_submit_meeting(draft, actor=org.alice.user)
    response = login(org.alice).post(f"/meetings/{draft.pk}/notify/", follow=True)
    assert "会议方案未经领导批准，不能发出会议通知" in response.content.decode()
    meeting = approved()
    response = login(org.alice).post(f"/meetings/{meeting.pk}/notify/", follow=True)
    assert "会议通知已发给 4 人" in response.content.decode()
    assert Notification.objects.filter(title="会议通知：季度工作例会").count() == 4


@pytest.mark.clause("一(二)3")
def test_a_late_notice_is_flagged_when_sent(org, login, approved):
    meeting = approved(start_at=later(days=1), end_at=later(days=1, hours=1))
    response = login(org.alice).post(f"/meetings/{meeting.pk}/notify/", follow=True)
    assert "通知迟发" in response.content.decode()


def test_invitees_cannot_send_notices(org, login, approved):
    meeting = approved()
    client = login(org.charlie)
    with nothing_changes():
        response = client.post(f"/meetings/{meeting.pk}/notify/")
    assert refusal(response) == (403, "您不能发送本会议的通知。")
