import pytest

from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.models import Invitation, Reply


@pytest.mark.clause("一(二)3")
def test_the_office_records_a_reply_taken_by_phone(org, login, notified):
    meeting = notified()
    inv = Invitation.objects.get(meeting=meeting, person=org.charlie)
    client = login(org.bob)
    assert "代为回执" in client.get(f"/meetings/{meeting.pk}/").content.decode()
    response = client.post(f"/meetings/{meeting.pk}/reply/{inv.pk}/", {"reply": "absent", "reason": ""}, follow=True)
    assert "请填写请假事由" in response.content.decode()
    response = client.post(f"/meetings/{meeting.pk}/reply/{inv.pk}/", {"reply": "absent", "reason": "门诊值班"},
                           follow=True)
    assert "已代查理登记回执" in response.content.decode()
    inv.refresh_from_db()
    assert (inv.reply, inv.absence_reason) == (Reply.ABSENT, "门诊值班")
    assert AuditRecord.objects.filter(action="meetings.invitation.reply").get().actor == org.bob.user


def test_invitees_cannot_reply_for_others(org, login, notified):
    meeting = notified()
    inv = Invitation.objects.get(meeting=meeting, person=org.bob)
    assert login(org.charlie).post(f"/meetings/{meeting.pk}/reply/{inv.pk}/", {"reply": "attend"}).status_code == 403
