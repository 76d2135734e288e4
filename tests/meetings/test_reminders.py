"""催回执: the tick reminds each invitee without a reply once, a day before the meeting (clause 一(二)3)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.meetings.conftest import later
from zeroerror.meetings.actions import do_record_reply, remind_replies
from zeroerror.meetings.models import Invitation, Meeting, Reply
from zeroerror.tracking.models import Notification
from zeroerror.tracking.registry import tick_tasks


@pytest.mark.clause("一(二)3")
def test_it_reminds_the_unreplied_once_and_tells_the_organiser(org, notified):
    meeting = notified(start_at=later(days=3), end_at=later(days=3, hours=1))
    Meeting.objects.filter(pk=meeting.pk).update(reply_deadline=meeting.start_at - timedelta(hours=2))
    do_record_reply(Invitation.objects.get(meeting=meeting, person=org.bob), Reply.ATTEND, actor=org.bob.user)
    assert remind_replies(timezone.now()) == "会议催回执 0 人"  # too early
    the_day_before = meeting.start_at - timedelta(hours=20)
    assert remind_replies(the_day_before) == "会议催回执 3 人"
    assert remind_replies(the_day_before + timedelta(minutes=1)) == "会议催回执 0 人"
    assert Notification.objects.filter(title="请回执：季度工作例会").count() == 3
    assert not Notification.objects.filter(recipient=org.bob, title__startswith="请回执").exists()
    summary = Notification.objects.get(recipient=org.alice, title="尚未回执：季度工作例会")
    assert "查理" in summary.body and "朵拉" in summary.body


def test_it_is_registered_as_a_tick_task():
    assert remind_replies in tick_tasks()


def test_the_tick_command_runs_it(org, notified, capsys):
    from django.core.management import call_command

    notified(start_at=timezone.now() + timedelta(hours=5), end_at=timezone.now() + timedelta(hours=6))
    call_command("tick")
    assert "会议催回执 4 人" in capsys.readouterr().out
