"""Clause 一(二)10: meeting rules go out with the notice; an important meeting has 会风监督员, whose reports of a
breach by a named attendee are proposed as 差错 leads."""

import pytest
from django.core.exceptions import ValidationError

from tests.meetings.conftest import starting_soon
from zeroerror.errors.models import Lead
from zeroerror.meetings.actions import do_report_breach, do_send_notices, do_set_supervisors, notice_text
from zeroerror.meetings.models import BreachKind, Meeting


@pytest.mark.clause("一(二)10")
def test_an_important_meeting_needs_supervisors_before_its_notice(org, approved):
    meeting = approved(important=True)
    with pytest.raises(ValidationError) as exc:
        do_send_notices(meeting, actor=org.alice.user)
    assert exc.value.messages == ["重要会议须先指定会风监督员（一(二)10），再发出会议通知。"]
    do_set_supervisors(meeting, [org.bob, org.auditor], actor=org.alice.user)
    assert do_send_notices(meeting, actor=org.alice.user) == 4
    text = notice_text(Meeting.objects.get(pk=meeting.pk))
    assert "会议纪律：请提前10分钟到场签到" in text and "会风监督员：鲍勃、曹纪检" in text


@pytest.mark.clause("一(二)10")
def test_a_supervisors_report_on_an_attendee_becomes_a_lead(org, notified):
    meeting = starting_soon(notified(important=True, supervisors=[org.bob]))
    report = do_report_breach(meeting, kind=BreachKind.PHONE, person=org.charlie, description="手机铃声响起两次",
                              actor=org.bob.user)
    lead = Lead.objects.for_source(report).get()
    assert lead.clause.code == "一(二)10" and lead.person == org.charlie
    assert "通讯工具发出声响" in lead.description and "手机铃声响起两次" in lead.description
    anonymous = do_report_breach(meeting, kind=BreachKind.IN_AND_OUT, person=None, description="后排有人频繁进出",
                                 actor=org.bob.user)
    assert not Lead.objects.for_source(anonymous).exists()


def test_only_supervisors_report_and_only_about_attendees(org, notified):
    meeting = starting_soon(notified(supervisors=[org.bob]))
    with pytest.raises(ValidationError, match="只有本次会议的会风监督员"):
        do_report_breach(meeting, kind="dozing", person=org.charlie, description="打瞌睡", actor=org.alice.user)
    with pytest.raises(ValidationError, match="当事人须为本次会议的参会人员"):
        do_report_breach(meeting, kind="dozing", person=org.principal, description="打瞌睡", actor=org.bob.user)


def test_no_report_long_before_the_meeting(org, notified):
    meeting = notified(supervisors=[org.bob])
    with pytest.raises(ValidationError, match="会议开始后"):
        do_report_breach(meeting, kind="dozing", person=org.charlie, description="x", actor=org.bob.user)
