"""Clause 一(二)2: a draft 会议方案 holds its room only for a while (ZEROERROR_MEETING_DRAFT_HOLD_HOURS); a plan the
leader refuses releases its room at once; a lapsed draft is checked again when it is submitted."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.actions import do_reject_meeting, do_submit_meeting
from zeroerror.meetings.models import Meeting, MeetingStatus


def lapse(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(hold_until=timezone.now() - timedelta(minutes=1))


@pytest.mark.clause("一(二)2")
def test_it_a_draft_holds_its_room_for_the_configured_hours_then_frees_it(org, make_meeting, settings):
    settings.MEETING_DRAFT_HOLD_HOURS = 24
    draft = make_meeting()
    assert timedelta(hours=23) < draft.hold_until - timezone.now() <= timedelta(hours=24)
    with pytest.raises(ValidationError, match="不能重复预订"):
        make_meeting(organiser=org.charlie, title="医务科会", attendees=[org.charlie], actor=org.charlie.user)
    lapse(draft)
    other = make_meeting(organiser=org.charlie, title="医务科会", attendees=[org.charlie], actor=org.charlie.user)
    assert other.room == draft.room
    # the lapsed draft, submitted now, finds the room taken
    with pytest.raises(ValidationError, match="不能重复预订"):
        do_submit_meeting(draft, actor=org.alice.user)
    assert Meeting.objects.get(pk=draft.pk).status == MeetingStatus.DRAFT


def test_a_lapsed_draft_whose_room_is_still_free_submits(org, make_meeting):
    draft = make_meeting()
    lapse(draft)
    do_submit_meeting(draft, actor=org.alice.user)
    draft.refresh_from_db()
    assert draft.status == MeetingStatus.PENDING_LEADER and draft.hold_until is None


@pytest.mark.clause("一(二)1", "一(二)2")
def test_it_a_refused_plan_releases_its_room(org, make_meeting, login):
    meeting = make_meeting()
    do_submit_meeting(meeting, actor=org.alice.user)
    with pytest.raises(ValidationError, match="请填写不予批准的理由。"):
        do_reject_meeting(meeting, "  ", actor=org.leo.user)
    with pytest.raises(ValidationError, match="您不能审批此会议方案。"):
        do_reject_meeting(meeting, "不必开会", actor=org.charlie.user)
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PENDING_LEADER
    response = login(org.leo).post(f"/meetings/{meeting.pk}/reject/", {"reason": "可与周例会合并"}, follow=True)
    assert "会议方案不予批准，会议室已释放。" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.REJECTED and meeting.return_reason == "可与周例会合并"
    assert AuditRecord.objects.filter(action="meetings.meeting.reject", object_id=str(meeting.pk)).exists()
    make_meeting(organiser=org.charlie, title="医务科会", attendees=[org.charlie], actor=org.charlie.user)
