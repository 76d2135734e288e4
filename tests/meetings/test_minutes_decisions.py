"""Clauses 一(二)11, 12: minutes recorded; each 议定事项 has an owner and a deadline and becomes a tracked item whose
lapse the platform's tick marks overdue and escalates."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.meetings.conftest import started
from zeroerror.meetings.actions import do_add_decision, do_record_minutes
from zeroerror.tracking.actions import run_tick
from zeroerror.tracking.models import ItemStatus, TrackedItem


@pytest.mark.clause("一(二)11")
def test_minutes_are_recorded_once_the_meeting_has_started(org, notified):
    meeting = notified()
    with pytest.raises(ValidationError, match="会议尚未开始"):
        do_record_minutes(meeting, "记录", actor=org.alice.user)
    meeting = started(meeting)
    with pytest.raises(ValidationError, match="不能为空"):
        do_record_minutes(meeting, "  ", actor=org.alice.user)
    do_record_minutes(meeting, "王院长指示：抓好季度工作落实。", actor=org.alice.user)
    meeting.refresh_from_db()
    assert meeting.minutes.startswith("王院长指示") and meeting.minutes_by == org.alice


@pytest.mark.clause("一(二)12")
def test_a_decision_becomes_a_tracked_item_that_goes_overdue(org, notified):
    meeting = started(notified())
    due = timezone.now() + timedelta(days=3)
    decision = do_add_decision(meeting, text="修订会议室管理制度\n报院办审核", owner=org.bob, due_at=due,
                               actor=org.alice.user)
    item = decision.tracked_item
    assert (item.owner, item.area, item.clause_id, item.due_at) == (org.bob, "meetings", "一(二)12", due)
    assert item.title == "会议议定事项：修订会议室管理制度"
    assert item.source == decision and item.source_url == f"/meetings/{meeting.pk}/"
    assert "季度工作例会" in item.detail
    report = run_tick(due + timedelta(minutes=1))
    assert item.pk in report.overdue
    assert TrackedItem.objects.get(pk=item.pk).status == ItemStatus.OVERDUE


def test_a_decision_needs_text_an_owner_of_the_unit_and_a_future_deadline(org, notified):
    meeting = notified()
    due = timezone.now() + timedelta(days=3)
    with pytest.raises(ValidationError, match="会议召开后"):
        do_add_decision(meeting, text="事项", owner=org.bob, due_at=due, actor=org.alice.user)
    meeting = started(meeting)
    with pytest.raises(ValidationError, match="完成时限须晚于当前时间"):
        do_add_decision(meeting, text="事项", owner=org.bob, due_at=timezone.now() - timedelta(hours=1),
                        actor=org.alice.user)
    with pytest.raises(ValidationError, match="请填写议定事项"):
        do_add_decision(meeting, text=" ", owner=org.bob, due_at=due, actor=org.alice.user)
    assert not TrackedItem.objects.exists()


@pytest.mark.clause("一(二)12")
def test_an_overdue_decision_is_proposed_as_a_lead(org, notified, django_capture_on_commit_callbacks):
    from zeroerror.errors.models import Lead

    meeting = started(notified())
    due = timezone.now() + timedelta(days=2)
    decision = do_add_decision(meeting, text="上报整改方案", owner=org.bob, due_at=due, actor=org.alice.user)
    with django_capture_on_commit_callbacks(execute=True):
        run_tick(due + timedelta(hours=1))
    lead = Lead.objects.for_source(decision.tracked_item).get()
    assert lead.clause.code == "一(二)12" and lead.person == org.bob
