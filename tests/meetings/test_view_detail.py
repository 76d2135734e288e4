"""The meeting page: the plan, the approval state, the notice (迟发/漏发), replies and who has not replied."""

import pytest

from tests.meetings.conftest import later, started
from tests.pages import assert_shown, page
from zeroerror.meetings.actions import do_record_reply, do_submit_meeting
from zeroerror.meetings.models import Invitation, Reply


def test_it_shows_the_plan_to_invitees_the_office_and_leaders(org, login, make_meeting):
    meeting = make_meeting(dress_code="正装", budget=200)
    for person in (org.alice, org.bob, org.charlie, org.dora, org.director, org.leo, org.principal):
        html = login(person).get(f"/meetings/{meeting.pk}/").content.decode()
        assert "季度工作例会" in html and "三楼小会议室" in html and "正装" in html, person.name


def test_people_with_no_part_in_it_get_404(org, login, make_meeting):
    meeting = make_meeting(attendees=[org.alice, org.bob])
    for person in (org.charlie, org.medhead, org.admin):
        assert login(person).get(f"/meetings/{meeting.pk}/").status_code == 404, person.name


@pytest.mark.clause("一(二)3")
def test_the_organiser_sees_who_has_not_replied_and_a_late_notice(org, login, notified):
    meeting = notified(start_at=later(days=1), end_at=later(days=1, hours=1))
    do_record_reply(Invitation.objects.get(meeting=meeting, person=org.bob), Reply.ATTEND, actor=org.bob.user)
    html = login(org.alice).get(f"/meetings/{meeting.pk}/").content.decode()
    assert "通知迟发" in html and "迟发" in html
    unreplied = html.split("未回执：", 1)[1].split("</p>", 1)[0]
    assert "查理" in unreplied and "朵拉" in unreplied and "鲍勃" not in unreplied


def test_an_invitee_gets_the_reply_form_once_notified(org, login, approved):
    meeting = approved()
    assert "提交回执" not in login(org.bob).get(f"/meetings/{meeting.pk}/").content.decode()
    from zeroerror.meetings.actions import do_send_notices

    do_send_notices(meeting, actor=org.alice.user)
    html = login(org.bob).get(f"/meetings/{meeting.pk}/").content.decode()
    assert "提交回执" in html and "委派他人参加" in html


def test_the_approver_sees_the_approve_and_return_buttons(org, login, make_meeting):
    meeting = make_meeting()
    do_submit_meeting(meeting, actor=org.alice.user)
    html = login(org.leo).get(f"/meetings/{meeting.pk}/").content.decode()
    assert "批准召开" in html and "退回修改" in html
    assert "批准召开" not in login(org.alice).get(f"/meetings/{meeting.pk}/").content.decode()


def test_after_the_start_the_organiser_records_minutes_and_decisions(org, login, notified):
    meeting = started(notified())
    html = login(org.alice).get(f"/meetings/{meeting.pk}/").content.decode()
    assert "保存会议记录" in html and "记录并督办" in html


@pytest.mark.clause("一(二)7")
def test_a_large_room_meeting_without_seating_is_flagged(org, login, rooms, approved):
    meeting = approved(room=rooms.hall)
    assert "必须印发座位表" in login(org.alice).get(f"/meetings/{meeting.pk}/").content.decode()


def test_the_page_does_a_constant_number_of_queries_as_invitees_grow(org, login, rooms, notified, heads):
    from zeroerror.meetings.actions import do_set_attendees

    meeting = notified(room=rooms.hall)
    client = login(org.alice)
    one, _ = page(client, f"/meetings/{meeting.pk}/")
    do_set_attendees(meeting, [*meeting.attendees.all(), *heads], actor=org.alice.user)
    do_record_reply(Invitation.objects.get(meeting=meeting, person=heads[0]), Reply.DEPUTY, deputy_name="某某",
             actor=heads[0].user)
    many, html = page(client, f"/meetings/{meeting.pk}/")
    assert many == one
    assert_shown(html, [*(p.name for p in heads), "某某"])
