from datetime import timedelta

import pytest
from django.utils import timezone

from tests.meetings.conftest import started
from tests.refusals import nothing_changes, refusal
from zeroerror.meetings.models import Decision


@pytest.mark.clause("一(二)12")
def test_a_decision_is_recorded_and_handed_to_tracking(org, login, notified):
    meeting = started(notified())
    due = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    response = login(org.alice).post(f"/meetings/{meeting.pk}/decisions/",
                                     {"text": "完成会议室音响检修", "owner": org.bob.pk, "due_at": due}, follow=True)
    html = response.content.decode()
    assert "议定事项已记录并转入督办" in html and "完成会议室音响检修" in html
    decision = Decision.objects.get()
    assert decision.tracked_item.owner == org.bob and decision.tracked_item.clause_id == "一(二)12"
    assert f"/tracking/{decision.tracked_item.pk}/" in html


def test_a_past_deadline_is_explained(org, login, notified):
    meeting = started(notified())
    response = login(org.alice).post(f"/meetings/{meeting.pk}/decisions/",
                                     {"text": "事项", "owner": org.bob.pk, "due_at": "2020-01-01T10:00"}, follow=True)
    assert "完成时限须晚于当前时间" in response.content.decode()
    assert not Decision.objects.exists()


def test_invitees_outside_the_office_cannot_record_decisions(org, login, notified):
    meeting = started(notified())
    client = login(org.charlie)
    with nothing_changes():
        response = client.post(f"/meetings/{meeting.pk}/decisions/", {"text": "x"})
    assert refusal(response) == (403, "您不能记录议定事项。")
