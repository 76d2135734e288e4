"""Clause 一(二)3: the notice carries a reply deadline; late replies are marked; the reminder comes before the
deadline; a reply is asked for however far ahead the meeting is."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.meetings.conftest import later
from zeroerror.meetings.actions import do_record_reply, do_send_notices, remind_replies
from zeroerror.meetings.models import Invitation, Meeting, Reply
from zeroerror.tracking.models import Notification


@pytest.mark.clause("一(二)3")
def test_it_the_notice_states_the_deadline_and_a_late_reply_is_marked(org, approved, login):
    meeting = approved(start_at=later(days=30), end_at=later(days=30, hours=2))
    deadline = later(days=20)
    do_send_notices(meeting, reply_deadline=deadline, actor=org.alice.user)
    note = Notification.objects.get(recipient=org.bob, title="会议通知：季度工作例会")
    assert f"请在系统中回执（截止时间：{deadline:%Y年%m月%d日 %H:%M}）" in note.body
    on_time = do_record_reply(Invitation.objects.get(meeting=meeting, person=org.bob), Reply.ATTEND,
                              actor=org.bob.user)
    assert not on_time.reply_late
    Meeting.objects.filter(pk=meeting.pk).update(reply_deadline=timezone.now() - timedelta(minutes=5))
    response = login(org.charlie).post(f"/meetings/{meeting.pk}/reply/", {"reply": "attend"}, follow=True)
    assert "回执已提交（已过回执截止时间，记为逾期回执）。" in response.content.decode()
    assert Invitation.objects.get(meeting=meeting, person=org.charlie).reply_late
    page = login(org.alice).get(f"/meetings/{meeting.pk}/").content.decode()
    assert page.count("逾期回执") == 1


def test_a_deadline_in_the_past_or_after_the_start_is_refused(org, approved):
    meeting = approved()
    for bad in (timezone.now() - timedelta(hours=1), meeting.start_at + timedelta(minutes=1)):
        with pytest.raises(ValidationError, match="回执截止时间须晚于当前时间，且不晚于会议开始时间。"):
            do_send_notices(meeting, reply_deadline=bad, actor=org.alice.user)
    meeting.refresh_from_db()
    assert meeting.notice_sent_at is None and meeting.reply_deadline is None
    assert not Invitation.objects.filter(meeting=meeting, notified_at__isnull=False).exists()


@pytest.mark.clause("一(二)3")
def test_it_reminds_a_day_before_the_deadline_not_only_before_the_start(org, approved):
    meeting = approved(start_at=later(days=30), end_at=later(days=30, hours=2))
    deadline = later(days=20)
    do_send_notices(meeting, reply_deadline=deadline, actor=org.alice.user)
    assert remind_replies(deadline - timedelta(days=2)) == "会议催回执 0 人"
    assert remind_replies(deadline - timedelta(hours=20)) == "会议催回执 4 人"
    assert Notification.objects.filter(title="请回执：季度工作例会", body__contains="前回执").count() == 4


@pytest.mark.clause("一(二)3")
def test_it_a_reply_is_asked_for_a_month_ahead(org, approved, login):
    meeting = approved(start_at=later(days=30), end_at=later(days=30, hours=2))
    do_send_notices(meeting, actor=org.alice.user)
    home = login(org.bob).get("/").content.decode()
    assert "会议回执" in home and "季度工作例会" in home
