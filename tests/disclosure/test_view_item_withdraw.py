"""撤稿: recorded with its reason, never deleted; 不应公开而公开 and inaccurate or mistyped items become leads."""

import pytest

from tests.disclosure.conftest import CLEAN_TEXT
from tests.refusals import nothing_changes, refusal, refused
from zeroerror.disclosure import actions
from zeroerror.disclosure.models import DisclosureItem, ItemStatus, Openness, Publication, Withdrawal
from zeroerror.errors.models import Lead


@pytest.mark.clause("一(四)1")
def test_withdrawing_an_item_that_should_not_have_been_published_is_recorded_and_proposes_a_lead(
        org, login, published):
    item = published()
    client = login(org.director)
    with nothing_changes():
        response = client.post(f"/disclosure/items/{item.pk}/withdraw/", {"kind": "out_of_scope", "reason": ""},
                               follow=True)
    assert "请填写撤稿原因" in response.content.decode()
    response = client.post(f"/disclosure/items/{item.pk}/withdraw/",
                           {"kind": "out_of_scope", "reason": "含内部排班信息，不应公开"}, follow=True)
    assert "已撤稿，撤稿记录已保存" in response.content.decode()
    item = DisclosureItem.objects.get()
    assert (item.status, item.openness) == (ItemStatus.WITHDRAWN, Openness.NOT_DISCLOSED)
    withdrawal = Withdrawal.objects.get()
    assert (withdrawal.reason, withdrawal.withdrawn_by) == ("含内部排班信息，不应公开", org.director)
    lead = Lead.objects.for_source(withdrawal).get()
    assert (lead.clause.code, lead.person) == ("一(四)1", org.director)  # the approver let it out
    assert Publication.objects.get().text == CLEAN_TEXT  # what went out stays on record
    page = client.get(f"/disclosure/items/{item.pk}/").content.decode()
    assert "撤稿记录" in page and "含内部排班信息，不应公开" in page and "不应公开而公开" in page and CLEAN_TEXT in page
    listing = client.get("/disclosure/items/?show=out_of_scope").content.decode()
    assert item.title in listing


@pytest.mark.clause("一(四)3", "一(四)4")
@pytest.mark.parametrize(("kind", "clause"), [("inaccurate", "一(四)3"), ("text_error", "一(四)4")])
def test_an_inaccurate_or_mistyped_item_withdrawn_is_a_lead_against_its_drafter(org, published, kind, clause):
    item = published()
    withdrawal = actions.do_withdraw_item(item, kind=kind, reason="挂号时间写错", actor=org.director.user)
    lead = Lead.objects.for_source(withdrawal).get()
    assert (lead.clause.code, lead.person) == (clause, org.alice)


def test_an_ordinary_update_withdrawn_is_no_lapse(org, published):
    item = published()
    actions.do_withdraw_item(item, kind="outdated", reason="挂号时间已再次调整", actor=org.director.user)
    assert not Lead.objects.exists()


def test_only_the_office_head_or_leader_withdraws_and_only_once(org, login, published):
    item = published()
    with nothing_changes():
        response = login(org.bob).post(f"/disclosure/items/{item.pk}/withdraw/", {"kind": "other", "reason": "x"})
    assert refusal(response) == (403, "只有办公室主任、副主任或分管院领导可以撤稿。")
    actions.do_withdraw_item(item, kind="other", reason="重复发布", actor=org.leo.user)
    with refused("只有已发布的信息可以撤稿（当前：已撤稿）。"):
        actions.do_withdraw_item(item, kind="other", reason="再撤一次", actor=org.director.user)
