"""Clause 一(二)1: whether a meeting "requires the principal heads" is decided from the invitees' roles, not from a
checkbox the organiser may leave unticked."""

import pytest
from django.core.exceptions import ValidationError

from zeroerror.meetings.actions import do_approve_meeting, do_submit_meeting
from zeroerror.meetings.models import Meeting, MeetingStatus


@pytest.mark.clause("一(二)1")
def test_it_eleven_invitees_with_principal_heads_go_to_the_director_without_any_box_ticked(
        org, rooms, make_meeting, principal_heads, login):
    meeting = make_meeting(room=rooms.hall, attendees=[org.alice, *principal_heads[:10]])
    assert meeting.involves_principal_heads and meeting.requires_director
    do_submit_meeting(meeting, actor=org.alice.user)
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PENDING_DIRECTOR
    with pytest.raises(ValidationError, match="会议状态已变化，请刷新后重试。"):  # not before the director's check
        do_approve_meeting(meeting, actor=org.leo.user)
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PENDING_DIRECTOR
    page = login(org.alice).get("/meetings/new/").content.decode()
    assert 'name="involves_principal_heads"' not in page  # no checkbox to forget


def test_staff_of_one_department_are_not_principal_heads(org, rooms, make_meeting, heads):
    meeting = make_meeting(room=rooms.hall, attendees=[org.alice, org.dora, *heads[:10]])  # dora heads the office
    assert not meeting.involves_principal_heads and not meeting.requires_director


def test_adding_a_second_departments_head_makes_it_one(org, rooms, make_meeting, heads, principal_heads):
    from zeroerror.meetings.actions import do_set_attendees

    meeting = make_meeting(room=rooms.hall, attendees=[org.alice, org.dora, *heads[:10]])
    do_set_attendees(meeting, [org.alice, org.dora, *heads[:10], principal_heads[0]], actor=org.alice.user)
    meeting.refresh_from_db()
    assert meeting.involves_principal_heads and meeting.requires_director
