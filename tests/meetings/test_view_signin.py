"""Clause 一(二)7: the phone page the meeting's QR code opens — one sign-in per invitee, others refused."""

import pytest

from tests.meetings.conftest import starting_soon
from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.access import current_signin_code
from zeroerror.meetings.models import Invitation, SigninMethod


@pytest.fixture
def soon(org, notified):
    return starting_soon(notified())


def url(meeting, code=None):
    return f"/meetings/{meeting.pk}/signin/{code or current_signin_code(meeting)}/"


@pytest.mark.clause("一(二)7")
def test_an_invitee_signs_in_once_on_a_phone_sized_page(org, login, soon):
    client = login(org.bob)
    html = client.get(url(soon), HTTP_USER_AGENT="Mozilla/5.0 (iPhone)").content.decode()
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
    assert "确认签到" in html and "季度工作例会" in html
    response = client.post(url(soon))
    assert response.status_code == 200 and "签到成功" in response.content.decode()
    inv = Invitation.objects.get(meeting=soon, person=org.bob)
    assert inv.signed_in_at is not None and inv.signin_method == SigninMethod.SELF
    first = inv.signed_in_at
    again = client.post(url(soon))
    assert again.status_code == 200 and "您已签到" in again.content.decode()
    assert Invitation.objects.get(pk=inv.pk).signed_in_at == first
    assert AuditRecord.objects.filter(action="meetings.invitation.signin").count() == 1


@pytest.mark.clause("一(二)7")
def test_a_person_not_invited_is_refused(org, login, soon):
    client = login(org.director)
    assert client.get(url(soon)).status_code == 403
    response = client.post(url(soon))
    assert response.status_code == 403 and "不在本次会议的参会人员名单中" in response.content.decode()
    assert not Invitation.objects.filter(meeting=soon, signed_in_at__isnull=False).exists()


def test_a_wrong_code_is_404(org, login, soon):
    assert login(org.bob).get(url(soon, "wrong-token")).status_code == 404
    assert login(org.bob).get(url(soon, soon.signin_token)).status_code == 404  # the meeting's fixed token is no code


def test_self_sign_in_opens_only_near_the_start(org, login, notified):
    meeting = notified()  # ten days ahead
    response = login(org.bob).post(url(meeting))
    assert response.status_code == 400 and "不在签到时间内：扫码签到为会前30分钟至开会后30分钟" in response.content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.clause("一(二)7")
def test_concurrent_sign_ins_of_one_person_record_it_once():
    """Four phones of the same person post at once: one sign-in, one audit record."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.concurrency import race
    from tests.factories import DepartmentFactory, PersonFactory, UnitFactory, give_role
    from zeroerror.meetings.actions import (
        do_approve_meeting,
        do_create_meeting,
        do_record_signin,
        do_send_notices,
        do_submit_meeting,
    )
    from zeroerror.meetings.models import Meeting, Room
    from zeroerror.org.roles import Role

    unit = UnitFactory()
    office = DepartmentFactory(unit=unit, name="办公室", is_office=True)
    boss = PersonFactory(department=office, name="院长")
    give_role(boss, Role.PRINCIPAL_LEADER)
    staff = PersonFactory(department=office, name="甲")
    room = Room.objects.create(unit=unit, name="小会议室", capacity=10)
    start = timezone.now() + timedelta(hours=3)
    meeting = do_create_meeting(organiser=staff, title="会", purpose="目的", agenda="议程", start_at=start,
                                end_at=start + timedelta(hours=1), room=room, attendees=[staff, boss],
                                actor=staff.user)[0]
    do_submit_meeting(meeting, actor=staff.user)
    do_approve_meeting(meeting, actor=boss.user)
    do_send_notices(meeting, actor=staff.user)
    Meeting.objects.filter(pk=meeting.pk).update(start_at=timezone.now() + timedelta(minutes=30))
    results = race(lambda: do_record_signin(meeting, staff, actor=staff.user)[1], 4)
    assert sorted(results) == [False, False, False, True]
    assert AuditRecord.objects.filter(action="meetings.invitation.signin").count() == 1
