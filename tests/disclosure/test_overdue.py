"""应公开未公开 (clause 一(四)1): a 主动公开 item past its deadline is overdue, seen on the area's home and list, and
its tracked item proposes a lead; publishing it late does not propose a second one."""

import pytest

from tests.disclosure.conftest import days_ago
from zeroerror.disclosure import actions
from zeroerror.disclosure.models import Publication
from zeroerror.errors.models import Lead
from zeroerror.tracking.actions import run_tick
from zeroerror.tracking.models import TrackedItem


@pytest.mark.clause("一(四)1")
def test_an_unpublished_item_past_its_deadline_is_visible_and_proposes_a_lead(org, login, make_item,
                                                                             django_capture_on_commit_callbacks):
    item = make_item(title="2026年第三季度药品采购公示", formed_on=days_ago(60))
    with django_capture_on_commit_callbacks(execute=True):
        run_tick()
    tracked = TrackedItem.objects.for_source(item).get()
    lead = Lead.objects.for_source(tracked).get()
    assert (lead.clause.code, lead.person) == ("一(四)1", org.alice)
    client = login(org.director)
    home = client.get("/disclosure/").content.decode()
    assert "应公开未公开（已超过公开时限）" in home and "2026年第三季度药品采购公示" in home
    listing = client.get("/disclosure/items/?show=overdue").content.decode()
    assert "2026年第三季度药品采购公示" in listing and "应公开未公开" in listing


@pytest.mark.clause("一(四)1")
def test_publishing_late_after_the_overdue_lead_does_not_propose_another(org, rita, make_item,
                                                                        django_capture_on_commit_callbacks):
    item = make_item(formed_on=days_ago(60))
    with django_capture_on_commit_callbacks(execute=True):
        run_tick()
    assert Lead.objects.count() == 1
    actions.do_submit_item(item, actor=org.alice.user)
    actions.do_review_item(item, passed=True, actor=rita.user)
    actions.do_approve_item(item, actor=org.director.user)
    actions.do_publish_item(item, late_reason="数据核对", actor=org.bob.user)
    assert Publication.objects.get().late
    assert Lead.objects.count() == 1
