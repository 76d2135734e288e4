"""A 议定事项's tracked item belongs to its owner even when they were not at the meeting: the item names the meeting
and carries the decision, without a link to a meeting page they may not open (issue 9 defect 2)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.meetings.conftest import started
from zeroerror.meetings.actions import do_add_decision


@pytest.mark.clause("一(二)12")
def test_the_owner_off_the_meeting_sees_the_decision_without_a_dead_link(org, notified, login):
    meeting = started(notified())
    decision = do_add_decision(meeting, text="医务科牵头修订会诊制度", owner=org.medhead,
                               due_at=timezone.now() + timedelta(days=5), actor=org.alice.user)
    item = decision.tracked_item
    client = login(org.medhead)
    assert client.get(f"/meetings/{meeting.pk}/").status_code == 404  # not invited, another department
    page = client.get(f"/tracking/{item.pk}/").content.decode()
    assert "<dt>来源</dt><dd>季度工作例会</dd>" in page and "医务科牵头修订会诊制度" in page
    assert f'href="/meetings/{meeting.pk}/"' not in page
    page = login(org.alice).get(f"/tracking/{item.pk}/").content.decode()
    assert f'href="/meetings/{meeting.pk}/"' in page
    assert login(org.charlie).get(f"/tracking/{item.pk}/").status_code == 200  # invited: sees the meeting's items
    assert login(org.admin).get(f"/tracking/{item.pk}/").status_code == 404  # neither invited nor a party
