"""Clause 一(二)10 (到会人员身份不符) and 一(二)7: whoever signs in is the person the reply says will come — a named
deputy signs in, the invitee who sent them cannot; an invitee on leave cannot; the report to the chair counts right."""

import pytest
from django.core.exceptions import ValidationError

from tests.meetings.conftest import starting_soon
from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.access import current_signin_code
from zeroerror.meetings.actions import do_record_reply, do_record_signin, do_report_attendance, do_tick_signin
from zeroerror.meetings.models import Invitation, Reply
from zeroerror.tracking.models import Notification


@pytest.fixture
def soon(org, notified):
    return starting_soon(notified(podium=[org.dora], host=org.dora))


def url(meeting):
    return f"/meetings/{meeting.pk}/signin/{current_signin_code(meeting)}/"


def signed(meeting):
    return set(Invitation.objects.filter(meeting=meeting, signed_in_at__isnull=False).values_list("person_id", flat=True))


@pytest.mark.clause("一(二)10", "一(二)7")
def test_it_the_named_deputy_signs_in_and_the_invitee_cannot(org, login, soon):
    inv = Invitation.objects.get(meeting=soon, person=org.charlie)
    do_record_reply(inv, Reply.DEPUTY, deputy=org.medhead, actor=org.charlie.user)
    # the absent invitee is refused, with the reason, and nothing is recorded
    response = login(org.charlie).post(url(soon))
    assert response.status_code == 403
    assert "您已委派梅科长代为参会，不能本人签到（到会人员须与回执一致）。" in response.content.decode()
    assert signed(soon) == set()
    # the deputy is not an invitee, yet signs in for the invitation that names them
    client = login(org.medhead)
    page = client.get(url(soon)).content.decode()
    assert "确认签到" in page and "梅科长（代查理参会）" in page
    response = client.post(url(soon))
    assert response.status_code == 200 and "签到成功" in response.content.decode()
    assert signed(soon) == {org.charlie.pk}
    rec = AuditRecord.objects.get(action="meetings.invitation.signin")
    assert rec.changes["deputy"] == org.medhead.pk and rec.changes["name"] == "梅科长"
    # the chair's count names the deputy as present
    missing = do_report_attendance(soon, actor=org.alice.user)
    assert "梅科长" not in missing and "查理" not in missing


@pytest.mark.clause("一(二)10")
def test_a_deputy_must_be_a_colleague_not_already_invited(org, notified):
    meeting = notified()
    inv = Invitation.objects.get(meeting=meeting, person=org.charlie)
    with pytest.raises(ValidationError, match="鲍勃本人已在参会人员名单中，不能再代他人参会。"):
        do_record_reply(inv, Reply.DEPUTY, deputy=org.bob, actor=org.charlie.user)
    with pytest.raises(ValidationError, match="代参会人员不能是被邀请人本人"):
        do_record_reply(inv, Reply.DEPUTY, deputy=org.charlie, actor=org.charlie.user)
    inv.refresh_from_db()
    assert (inv.reply, inv.deputy_id) == (Reply.PENDING, None)


@pytest.mark.clause("一(二)7", "一(二)10")
def test_it_refuses_sign_in_after_a_leave_reply_and_the_count_to_the_chair_is_right(org, login, soon):
    inv = Invitation.objects.get(meeting=soon, person=org.bob)
    do_record_reply(inv, Reply.ABSENT, reason="外出学习", actor=org.bob.user)
    response = login(org.bob).post(url(soon))
    assert response.status_code == 403
    assert "您已请假，不能签到；如能到会，请先将回执改为“本人参加”。" in response.content.decode()
    with pytest.raises(ValidationError, match="鲍勃已请假，不能签到；如本人到会，请先代为修改回执。"):
        do_tick_signin(inv, actor=org.alice.user)
    assert signed(soon) == set()
    do_record_signin(soon, org.alice, actor=org.alice.user)
    do_report_attendance(soon, actor=org.alice.user)
    note = Notification.objects.get(recipient=org.dora, title="到会情况：季度工作例会")
    assert "应到 3 人，已签到 1 人" in note.body and "请假：鲍勃（外出学习）" in note.body


def test_a_reply_cannot_change_after_signing_in(org, soon):
    do_record_signin(soon, org.bob, actor=org.bob.user)
    inv = Invitation.objects.get(meeting=soon, person=org.bob)
    with pytest.raises(ValidationError, match="鲍勃已签到，不能再修改回执。"):
        do_record_reply(inv, Reply.ABSENT, reason="临时有事", actor=org.bob.user)
    assert Invitation.objects.get(pk=inv.pk).reply == Reply.PENDING


def test_it_the_deputy_sees_the_meeting_and_it_is_in_their_todo(org, login, soon):
    do_record_reply(Invitation.objects.get(meeting=soon, person=org.charlie), Reply.DEPUTY, deputy=org.medhead,
                    actor=org.charlie.user)
    client = login(org.medhead)
    assert client.get(f"/meetings/{soon.pk}/").status_code == 200
    assert "代为参会" in client.get("/").content.decode()
    assert login(org.leo).get(f"/meetings/{soon.pk}/").status_code == 200  # unchanged for the approver
