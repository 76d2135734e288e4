"""Clause 一(二)2, 3: an approved meeting is rescheduled (not cancelled and proposed again): the new slot is booked
under the same checks, those notified get a change notice and reply again, the approving leader is told."""

import pytest
from django.core.exceptions import ValidationError

from tests.meetings.conftest import later
from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.actions import do_record_reply, do_reschedule_meeting
from zeroerror.meetings.models import Invitation, Meeting, MeetingStatus, Reply
from zeroerror.tracking.models import Notification


@pytest.mark.clause("一(二)2", "一(二)3")
def test_it_reschedules_an_approved_meeting_and_asks_for_new_replies(org, notified, login):
    meeting = notified()
    do_record_reply(Invitation.objects.get(meeting=meeting, person=org.bob), Reply.ATTEND, actor=org.bob.user)
    start, end = later(days=12), later(days=12, hours=2)
    response = login(org.alice).post(f"/meetings/{meeting.pk}/reschedule/", {
        "start_at": f"{start:%Y-%m-%dT%H:%M}", "end_at": f"{end:%Y-%m-%dT%H:%M}", "reason": "与上级会议冲突"},
        follow=True)
    assert "会议已改期，已通知参会人员重新回执并告知批准领导。" in response.content.decode()
    old_start = later(days=10)
    meeting.refresh_from_db()
    assert (meeting.start_at, meeting.end_at, meeting.status) == (start, end, MeetingStatus.APPROVED)
    assert meeting.rescheduled_from == old_start and meeting.reschedule_reason == "与上级会议冲突"
    assert Invitation.objects.get(meeting=meeting, person=org.bob).reply == Reply.PENDING
    note = Notification.objects.get(recipient=org.bob, title="会议改期：季度工作例会")
    assert f"原定 {old_start:%Y-%m-%d %H:%M}" in note.body and "请重新回执" in note.body
    assert Notification.objects.filter(recipient=org.leo, title="已批准的会议改期：季度工作例会").exists()
    rec = AuditRecord.objects.get(action="meetings.meeting.reschedule")
    assert rec.changes["reason"] == "与上级会议冲突"


@pytest.mark.clause("一(二)2")
def test_it_refuses_a_taken_slot_and_changes_nothing(org, notified, make_meeting):
    meeting = notified()
    make_meeting(organiser=org.charlie, title="医务科会", attendees=[org.charlie], start_at=later(days=12),
                 end_at=later(days=12, hours=1), actor=org.charlie.user)
    with pytest.raises(ValidationError, match="不能重复预订"):
        do_reschedule_meeting(meeting, start_at=later(days=12), end_at=later(days=12, hours=2), reason="调整",
                              actor=org.alice.user)
    with pytest.raises(ValidationError, match="请填写改期原因。"):
        do_reschedule_meeting(meeting, start_at=later(days=13), end_at=later(days=13, hours=2), reason=" ",
                              actor=org.alice.user)
    fresh = Meeting.objects.get(pk=meeting.pk)
    assert (fresh.start_at, fresh.rescheduled_from) == (later(days=10), None)
    assert not AuditRecord.objects.filter(action="meetings.meeting.reschedule").exists()


def test_a_draft_is_edited_not_rescheduled(org, make_meeting):
    with pytest.raises(ValidationError, match="只有已批准的会议可以改期；拟定中的会议方案直接修改。"):
        do_reschedule_meeting(make_meeting(), start_at=later(days=12), end_at=later(days=12, hours=1), reason="x",
                              actor=org.alice.user)
