"""Clause 一(二)1: a meeting needs the unit leader's approval before notices go out; a meeting of the principal principal_heads
with more than 10 attendees passes the office director (统一扎口把关) and then needs the principal leader."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from tests.meetings.conftest import later
from tests.refusals import refused
from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.actions import (
    do_approve_meeting,
    do_director_check_meeting,
    do_return_meeting,
    do_send_notices,
    do_set_attendees,
    do_submit_meeting,
)
from zeroerror.meetings.models import Meeting, MeetingStatus
from zeroerror.tracking.models import Notification


def status(meeting):
    return Meeting.objects.get(pk=meeting.pk).status


@pytest.mark.clause("一(二)1")
def test_a_notice_before_approval_is_refused(org, make_meeting):
    meeting = make_meeting()
    for step in (None, "submit"):
        if step:
            do_submit_meeting(meeting, actor=org.alice.user)
        with pytest.raises(ValidationError) as exc:
            do_send_notices(meeting, actor=org.alice.user)
        assert exc.value.messages == ["会议方案未经领导批准，不能发出会议通知。"]
    assert not Notification.objects.filter(title__startswith="会议通知").exists()


@pytest.mark.clause("一(二)1")
def test_the_leader_in_charge_or_the_principal_approves_an_ordinary_meeting(org, make_meeting):
    meeting = make_meeting()
    do_submit_meeting(meeting, actor=org.alice.user)
    assert status(meeting) == MeetingStatus.PENDING_LEADER
    assert Notification.objects.filter(recipient=org.leo, title__contains="待审批").exists()
    assert Notification.objects.filter(recipient=org.principal, title__contains="待审批").exists()
    for outsider in (org.director, org.dora, org.bob):
        with pytest.raises(ValidationError, match="须经本单位领导"):
            do_approve_meeting(meeting, actor=outsider.user)
    do_approve_meeting(meeting, actor=org.leo.user)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.APPROVED and meeting.approved_by == org.leo
    assert [r.action for r in AuditRecord.objects.for_object(meeting)] == [
        "meetings.meeting.create", "meetings.meeting.submit", "meetings.meeting.approve"]
    assert do_send_notices(meeting, actor=org.alice.user) == 4


def test_a_leader_in_charge_of_other_departments_cannot_approve(org, make_meeting):
    from tests.factories import PersonFactory, give_role, put_in_charge
    from zeroerror.org.roles import Role

    other = PersonFactory(department=org.leaders, name="赵副院长")
    give_role(other, Role.LEADER_IN_CHARGE)
    put_in_charge(other, org.medical)
    meeting = make_meeting()
    do_submit_meeting(meeting, actor=org.alice.user)
    with refused("会议须经本单位领导（主要领导或分管领导）批准。"):
        do_approve_meeting(meeting, actor=other.user)
    do_approve_meeting(meeting, actor=org.principal.user)
    assert status(meeting) == MeetingStatus.APPROVED


@pytest.mark.clause("一(二)1")
def test_a_meeting_of_the_principal_heads_over_ten_goes_through_the_director_to_the_principal(
        org, rooms, make_meeting, principal_heads):
    meeting = make_meeting(room=rooms.hall, attendees=[org.alice, *principal_heads[:10]])
    assert meeting.requires_director  # 11 people
    do_submit_meeting(meeting, actor=org.alice.user)
    assert status(meeting) == MeetingStatus.PENDING_DIRECTOR
    assert Notification.objects.filter(recipient=org.director, title__contains="待把关").exists()
    assert not Notification.objects.filter(recipient=org.leo, title__contains="待审批").exists()
    with refused("会议状态已变化，请刷新后重试。"):
        do_approve_meeting(meeting, actor=org.principal.user)  # not before the director's check
    with pytest.raises(ValidationError, match="只有办公室主任"):
        do_director_check_meeting(meeting, actor=org.dora.user)
    do_director_check_meeting(meeting, actor=org.director.user)
    assert status(meeting) == MeetingStatus.PENDING_LEADER
    with pytest.raises(ValidationError) as exc:
        do_approve_meeting(meeting, actor=org.leo.user)  # a leader in charge is not enough
    assert exc.value.messages == ["要求主要负责人参加且超过10人的会议，须报经本单位主要领导同意。"]
    do_approve_meeting(meeting, actor=org.principal.user)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.APPROVED
    assert (meeting.director_checked_by, meeting.approved_by) == (org.director, org.principal)


def test_ten_principal_heads_need_only_the_ordinary_approval(org, rooms, make_meeting, principal_heads):
    meeting = make_meeting(room=rooms.hall, attendees=principal_heads[:10])
    assert not meeting.requires_director
    do_submit_meeting(meeting, actor=org.alice.user)
    do_approve_meeting(meeting, actor=org.leo.user)
    assert status(meeting) == MeetingStatus.APPROVED


@pytest.mark.clause("一(二)1")
def test_growing_an_approved_meeting_past_ten_principal_heads_needs_a_new_approval(org, rooms, approved, principal_heads):
    meeting = approved(room=rooms.hall, attendees=principal_heads[:10])
    with pytest.raises(ValidationError, match="须经办公室主任把关"):
        do_set_attendees(meeting, principal_heads[:11], actor=org.alice.user)
    assert meeting.invitations.count() == 10


def test_the_approver_returns_a_plan_with_a_reason_and_it_can_be_resubmitted(org, make_meeting):
    meeting = make_meeting()
    do_submit_meeting(meeting, actor=org.alice.user)
    with pytest.raises(ValidationError, match="请填写退回意见"):
        do_return_meeting(meeting, " ", actor=org.leo.user)
    do_return_meeting(Meeting.objects.get(pk=meeting.pk), "议程不清，请细化", actor=org.leo.user)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DRAFT and meeting.return_reason == "议程不清，请细化"
    assert Notification.objects.filter(recipient=org.alice, title__contains="被退回").exists()
    do_submit_meeting(meeting, actor=org.alice.user)
    assert status(meeting) == MeetingStatus.PENDING_LEADER


def test_a_recurring_plan_is_submitted_and_approved_once_for_all_its_occurrences(org, make_meeting):
    start = later(days=10)
    series = make_meeting(start_at=start, end_at=start + timedelta(hours=1), weeks=3)
    do_submit_meeting(series[1], actor=org.alice.user)
    do_approve_meeting(series[0], actor=org.leo.user)
    assert {status(m) for m in series} == {MeetingStatus.APPROVED}


def test_approving_twice_is_refused(org, approved):
    meeting = approved()
    with pytest.raises(ValidationError, match="状态已变化"):
        do_approve_meeting(meeting, actor=org.principal.user)


@pytest.mark.clause("一(二)1")
def test_a_principal_heads_meeting_over_ten_is_organised_by_the_office(org, rooms, make_meeting, principal_heads):
    meeting = make_meeting(organiser=org.medhead, room=rooms.hall, attendees=principal_heads[:11])
    with pytest.raises(ValidationError, match="由办公室统一组织会务"):
        do_submit_meeting(meeting, actor=org.medhead.user)
    assert status(meeting) == MeetingStatus.DRAFT
