"""Clause 一(二)3: notices generated from the plan, sent in-app and by e-mail, 迟发 and 漏发 flagged, every invitee's
reply recorded, and who has not replied shown to the organiser (and in the inbox)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tests.meetings.conftest import later
from zeroerror.meetings.access import meetings_inbox
from zeroerror.meetings.actions import (
    NOTICE_LEAD_WORKDAYS,
    do_record_reply,
    do_send_notices,
    do_set_attendees,
    notice_deadline,
    notice_text,
)
from zeroerror.meetings.models import Invitation, Meeting, Reply
from zeroerror.tracking.models import Notification


def invitation(meeting, person):
    return Invitation.objects.get(meeting=meeting, person=person)


@pytest.mark.clause("一(二)3")
def test_the_notice_carries_time_place_agenda_dress_materials_and_rules(org, approved, django_capture_on_commit_callbacks):
    meeting = approved(dress_code="正装", materials_note="科室季度总结（纸质5份）")
    with django_capture_on_commit_callbacks(execute=True):
        assert do_send_notices(meeting, actor=org.alice.user) == 4
    note = Notification.objects.get(recipient=org.bob, title="会议通知：季度工作例会")
    for text in ("会议时间：", "会议地点：三楼小会议室", "一、通报", "着装要求：正装", "需携带材料：科室季度总结（纸质5份）",
                 "会议纪律：", "请在系统中回执"):
        assert text in note.body, text
    assert note.url == f"/meetings/{meeting.pk}/"
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]
    assert "会议地点：三楼小会议室" in mail.outbox[0].body
    meeting.refresh_from_db()
    assert meeting.notice_sent_at and not meeting.notice_late
    assert Invitation.objects.filter(meeting=meeting, notified_at__isnull=True).count() == 0


@pytest.mark.clause("一(二)3")
def test_a_notice_later_than_the_lead_time_is_flagged_late(org, approved):
    meeting = approved(start_at=later(days=1), end_at=later(days=1, hours=1))
    assert notice_deadline(meeting) < meeting.start_at
    do_send_notices(meeting, actor=org.alice.user)
    meeting.refresh_from_db()
    assert meeting.notice_late and NOTICE_LEAD_WORKDAYS == 2


@pytest.mark.clause("一(二)3")
def test_people_added_after_the_notice_are_notified_so_nobody_is_left_out(org, notified):
    meeting = notified()
    do_set_attendees(meeting, [org.alice, org.bob, org.charlie, org.dora, org.medhead], actor=org.alice.user)
    assert invitation(meeting, org.medhead).notified_at is not None
    assert Notification.objects.filter(recipient=org.medhead, title__startswith="会议通知").count() == 1
    assert Notification.objects.filter(recipient=org.bob, title__startswith="会议通知").count() == 1
    with pytest.raises(ValidationError, match="都已通知"):
        do_send_notices(meeting, actor=org.alice.user)


@pytest.mark.clause("一(二)3")
def test_each_reply_is_recorded_with_a_deputy_name_or_a_reason(org, notified):
    meeting = notified()
    do_record_reply(invitation(meeting, org.bob), Reply.ATTEND, actor=org.bob.user)
    with pytest.raises(ValidationError, match="请填写代参会人员姓名"):
        do_record_reply(invitation(meeting, org.charlie), Reply.DEPUTY, actor=org.charlie.user)
    do_record_reply(invitation(meeting, org.charlie), Reply.DEPUTY, deputy_name="杨帆", actor=org.charlie.user)
    with pytest.raises(ValidationError, match="请填写请假事由"):
        do_record_reply(invitation(meeting, org.dora), Reply.ABSENT, actor=org.dora.user)
    do_record_reply(invitation(meeting, org.dora), Reply.ABSENT, reason="外出学习", actor=org.dora.user)
    replies = {i.person_id: (i.reply, i.deputy_name, i.absence_reason) for i in meeting.invitations.all()}
    assert replies == {
        org.alice.pk: (Reply.PENDING, "", ""), org.bob.pk: (Reply.ATTEND, "", ""),
        org.charlie.pk: (Reply.DEPUTY, "杨帆", ""), org.dora.pk: (Reply.ABSENT, "", "外出学习"),
    }
    assert list(meeting.invitations.unreplied().values_list("person__name", flat=True)) == ["艾丽"]


def test_no_reply_before_the_notice(org, approved):
    meeting = approved()
    with pytest.raises(ValidationError, match="尚未收到会议通知"):
        do_record_reply(invitation(meeting, org.bob), Reply.ATTEND, actor=org.bob.user)


def test_the_notice_text_names_the_organiser(org, approved):
    meeting = approved()
    assert "承办：办公室 艾丽" in notice_text(Meeting.objects.get(pk=meeting.pk))


def test_the_inbox_shows_the_reply_awaited_the_meeting_and_the_missing_replies(org, notified):
    meeting = notified()
    kinds = {e.kind for e in meetings_inbox(org.bob)}
    assert kinds == {"会议回执"}
    do_record_reply(invitation(meeting, org.bob), Reply.ATTEND, actor=org.bob.user)
    assert [e.kind for e in meetings_inbox(org.bob)] == ["参加会议"]
    alice = {e.kind: e for e in meetings_inbox(org.alice)}
    assert "3 人未回执" in alice["催回执"].title
    do_record_reply(invitation(meeting, org.dora), Reply.ABSENT, reason="出差", actor=org.dora.user)
    assert meetings_inbox(org.dora) == []


def test_the_inbox_shows_approvals_waiting(org, make_meeting, rooms, principal_heads):
    from zeroerror.meetings.actions import do_submit_meeting

    meeting = make_meeting(room=rooms.hall, attendees=principal_heads[:11])
    do_submit_meeting(meeting, actor=org.alice.user)
    assert [e.kind for e in meetings_inbox(org.director)] == ["会议审批"]
    assert meetings_inbox(org.principal) == []  # not before the director's check


@pytest.mark.clause("一(二)3")
def test_someone_removed_after_the_notice_is_told_it_no_longer_applies(org, notified):
    meeting = notified()
    do_set_attendees(meeting, [org.alice, org.bob, org.dora], actor=org.alice.user)
    note = Notification.objects.get(recipient=org.charlie, title="会议通知撤回：季度工作例会")
    assert "此前的会议通知作废" in note.body


@pytest.mark.clause("一(二)4", "一(二)5")
def test_the_organiser_is_reminded_to_sign_the_checklists_the_day_before(org, notified):
    from tests.meetings.conftest import starting_soon
    from zeroerror.meetings.actions import do_sign_checklist
    from zeroerror.meetings.models import checklist_items

    meeting = starting_soon(notified(), minutes=600)
    assert "会前检查" in [e.kind for e in meetings_inbox(org.alice)]
    for kind in ("venue", "equipment"):
        do_sign_checklist(meeting, kind, [(i, True, "") for i in checklist_items(meeting, kind)], actor=org.bob.user)
    assert "会前检查" not in [e.kind for e in meetings_inbox(org.alice)]


@pytest.mark.clause("一(二)11")
def test_an_important_meeting_without_minutes_or_recording_stays_in_the_inbox(org, notified):
    from datetime import timedelta

    from django.utils import timezone

    from zeroerror.meetings.actions import do_record_minutes

    meeting = notified(important=True, supervisors=[org.bob])
    end = timezone.now() - timedelta(hours=1)
    Meeting.objects.filter(pk=meeting.pk).update(start_at=end - timedelta(hours=2), end_at=end)
    assert "会议记录" in [e.kind for e in meetings_inbox(org.alice)]
    do_record_minutes(meeting, "会议纪要：……", actor=org.alice.user)
    assert "会议记录" not in [e.kind for e in meetings_inbox(org.alice)]


@pytest.mark.clause("一(二)3")
def test_an_approved_meeting_without_its_notice_waits_in_the_organisers_inbox(org, approved):
    meeting = approved(start_at=later(days=1), end_at=later(days=1, hours=1))
    entry = next(e for e in meetings_inbox(org.alice) if e.kind == "发会议通知")
    assert entry.overdue and entry.due_at == notice_deadline(meeting)
    do_send_notices(meeting, actor=org.alice.user)
    assert "发会议通知" not in [e.kind for e in meetings_inbox(org.alice)]
