"""Clause 一(二)3 (错发) and 一(二)8: removing an invitee never deletes the invitation. The row stays with
``withdrawn_at`` (who was notified and then withdrawn is the evidence of a 错发), its handout records survive, and it
no longer counts anywhere (capacity, replies, reminders, sign-in, seating). Inviting the person again restores the
same row and sends a fresh notice."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ProtectedError
from django.utils import timezone

from tests.attachments.conftest import docx_bytes
from tests.meetings.conftest import starting_soon
from tests.refusals import nothing_changes, refusal
from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.actions import (
    do_generate_seating,
    do_hand_out_material,
    do_record_reply,
    do_record_signin,
    do_set_attendees,
    do_tick_signin,
    do_update_room,
    do_upload_material,
    remind_replies,
    seating_input,
)
from zeroerror.meetings.models import Handout, Invitation, Meeting, Reply
from zeroerror.tracking.models import Notification


def withdraw_charlie(org, meeting):
    do_set_attendees(meeting, [org.alice, org.bob, org.dora], actor=org.alice.user)
    return Invitation.all_objects.get(meeting=meeting, person=org.charlie)


@pytest.mark.clause("一(二)3")
def test_a_removed_invitee_is_kept_as_withdrawn_and_told_so(org, notified):
    meeting = notified()
    before = Invitation.objects.get(meeting=meeting, person=org.charlie)
    row = withdraw_charlie(org, meeting)
    assert row.pk == before.pk and row.withdrawn_at is not None
    assert row.notified_at == before.notified_at is not None
    assert Notification.objects.filter(recipient=org.charlie, title="会议通知撤回：季度工作例会").count() == 1
    # the default manager, the reverse related manager and the attendees exclude it; the history keeps it
    assert not Invitation.objects.filter(pk=row.pk).exists()
    assert org.charlie.pk not in meeting.invitations.values_list("person_id", flat=True)
    assert meeting.invitations.count() == 3
    assert Invitation.objects.get(meeting=meeting, person=org.bob) in meeting.invitations.all()
    assert list(meeting.invitations(manager="all_objects").withdrawn()) == [row]
    assert org.charlie not in meeting.attendees
    assert Invitation.all_objects.filter(meeting=meeting).count() == 4


def test_the_audit_record_lists_the_removal(org, notified):
    meeting = notified()
    withdraw_charlie(org, meeting)
    rec = AuditRecord.objects.filter(action="meetings.meeting.attendees").get()
    assert rec.changes["removed"] == [org.charlie.pk]
    assert rec.changes["withdrawn_notices"] == [org.charlie.pk]
    assert rec.changes["added"] == [] and rec.changes["restored"] == []


@pytest.mark.clause("一(二)3")
def test_a_withdrawn_invitation_counts_nowhere(org, rooms, notified):
    meeting = notified()
    withdraw_charlie(org, meeting)
    counted = Meeting.objects.with_counts().get(pk=meeting.pk)
    assert (counted.invited_count, counted.unreplied_count) == (3, 3)
    assert not Meeting.objects.inviting(org.charlie).exists()
    # capacity: the small room (6) holds three more, and may shrink to the three still invited
    do_set_attendees(meeting, [org.alice, org.bob, org.dora, org.medhead, org.director, org.leo],
                     actor=org.alice.user)
    do_set_attendees(meeting, [org.alice, org.bob, org.dora], actor=org.alice.user)
    do_update_room(rooms.small, capacity=3, actor=org.director.user)
    # replies and reminders
    with pytest.raises(ValidationError, match="不在本次会议的参会人员名单"):
        do_record_reply(Invitation.all_objects.get(meeting=meeting, person=org.charlie), Reply.ATTEND,
                        actor=org.charlie.user)
    Meeting.objects.filter(pk=meeting.pk).update(start_at=timezone.now() + timedelta(hours=12),
                                                 end_at=timezone.now() + timedelta(hours=14))
    remind_replies(timezone.now())
    assert not Notification.objects.filter(recipient=org.charlie, title__startswith="请回执").exists()
    assert Notification.objects.filter(recipient=org.bob, title__startswith="请回执").exists()


@pytest.mark.clause("一(二)7")
def test_a_withdrawn_invitee_cannot_sign_in_and_is_not_on_the_lists(org, notified, login):
    meeting = starting_soon(notified())
    row = withdraw_charlie(org, meeting)
    with pytest.raises(ValidationError, match="不在本次会议的参会人员名单"):
        do_record_signin(meeting, org.charlie, actor=org.charlie.user)
    with pytest.raises(ValidationError, match="不在本次会议的参会人员名单"):
        do_tick_signin(row, actor=org.alice.user)
    desk = login(org.alice).get(f"/meetings/{meeting.pk}/signin/missing/")
    assert "查理" not in desk.content.decode() and "鲍勃" in desk.content.decode()
    client = login(org.alice)
    with nothing_changes():
        response = client.post(f"/meetings/{meeting.pk}/signin/tick/{row.pk}/")
    assert refusal(response) == (404, "")


@pytest.mark.clause("一(二)7")
def test_a_withdrawn_invitee_is_not_seated(org, rooms, notified):
    meeting = notified(room=rooms.hall)
    arrangement = do_generate_seating(meeting, actor=org.alice.user)
    assert "查理" in [p["name"] for p in arrangement.hall["placements"]]
    withdraw_charlie(org, meeting)
    arrangement.refresh_from_db()
    assert arrangement.version == 2
    assert "查理" not in [p["name"] for p in arrangement.hall["placements"]]
    assert "查理" not in [a.name for a in seating_input(meeting)]


@pytest.mark.clause("一(二)3")
def test_the_meeting_page_lists_withdrawn_notices(org, notified, login):
    meeting = notified()
    row = withdraw_charlie(org, meeting)
    page = login(org.alice).get(f"/meetings/{meeting.pk}/").content.decode()
    assert "已撤回通知" in page
    section = page[page.index("已撤回通知"):]
    assert "查理" in section
    assert timezone.localtime(row.notified_at).strftime("%Y-%m-%d %H:%M") in section
    assert timezone.localtime(row.withdrawn_at).strftime("%Y-%m-%d %H:%M") in section
    head = page[:page.index("已撤回通知")]
    assert ">查理<" not in head  # not among the invitees any more
    # the withdrawn invitee no longer reaches the meeting
    assert login(org.charlie).get(f"/meetings/{meeting.pk}/").status_code == 404


def test_nobody_is_listed_as_withdrawn_when_nobody_was_removed(org, notified, login):
    meeting = notified()
    assert "已撤回通知" not in login(org.alice).get(f"/meetings/{meeting.pk}/").content.decode()


@pytest.mark.clause("一(二)3", "一(二)8")
def test_handout_records_survive_the_withdrawal(org, notified):
    meeting = notified()
    material = do_upload_material(meeting, title="工作报告", actor=org.alice.user,
                                  upload=SimpleUploadedFile("报告.docx", docx_bytes("会议要求各科室抓好落实。")))
    do_hand_out_material(material, meeting.invitations.all(), actor=org.alice.user)
    row = withdraw_charlie(org, meeting)
    handout = Handout.objects.get(invitation=row)
    assert handout.material == material and handout.invitation.person == org.charlie
    assert material.handouts.count() == 4
    with pytest.raises(ProtectedError):
        row.delete()  # an invitation with handouts cannot be hard-deleted
    second = do_upload_material(meeting, title="议程", actor=org.alice.user,
                                upload=SimpleUploadedFile("议程.docx", docx_bytes("会议议程。")))
    with pytest.raises(ValidationError, match="请选择领取材料的参会人员"):
        do_hand_out_material(second, [row], actor=org.alice.user)


@pytest.mark.clause("一(二)3")
def test_inviting_a_withdrawn_person_again_restores_the_row_with_a_fresh_notice(org, notified):
    meeting = notified()
    do_record_reply(Invitation.objects.get(meeting=meeting, person=org.charlie), Reply.ABSENT, reason="出差",
                    actor=org.charlie.user)
    row = withdraw_charlie(org, meeting)
    do_set_attendees(meeting, [org.alice, org.bob, org.charlie, org.dora], actor=org.alice.user)
    again = Invitation.objects.get(meeting=meeting, person=org.charlie)
    assert again.pk == row.pk and again.withdrawn_at is None
    assert again.reply == Reply.PENDING and again.absence_reason == "" and again.replied_at is None
    assert again.notified_at is not None and again.notified_at >= row.withdrawn_at
    assert Invitation.all_objects.filter(meeting=meeting).count() == 4
    assert Notification.objects.filter(recipient=org.charlie, title="会议通知：季度工作例会").count() == 2
    rec = AuditRecord.objects.filter(action="meetings.meeting.attendees").order_by("-seq").first()
    assert rec.changes["added"] == [org.charlie.pk] and rec.changes["removed"] == []
    [restored] = rec.changes["restored"]
    assert restored["person"] == org.charlie.pk
    assert restored["previous"]["reply"] == Reply.ABSENT and restored["previous"]["withdrawn_at"]
    assert restored["previous"]["notified_at"]
    notice = AuditRecord.objects.filter(action="meetings.meeting.notice").order_by("-seq").first()
    assert notice.changes["recipients"] == [org.charlie.pk]
