"""审批 after 保密审查, with the text proofread in the publication profile (clause 一(四)4)."""

import pytest

from tests.disclosure.conftest import CLEAN_TEXT
from tests.refusals import nothing_changes, refusal, refused
from zeroerror.audit.models import AuditRecord
from zeroerror.disclosure import actions
from zeroerror.disclosure.models import DisclosureItem, ItemStatus

TYPO = "大家迫不急待地等待新门诊楼启用。"


@pytest.mark.clause("一(四)4")
def test_a_proofreading_error_blocks_approval_until_fixed_or_explained(org, login, reviewed):
    item = reviewed(text=f"{CLEAN_TEXT}{TYPO}")
    client = login(org.director)
    page = client.get(f"/disclosure/items/{item.pk}/").content.decode()
    assert "校对（公开发布标准）" in page and "迫不急待" in page
    with nothing_changes():
        response = client.post(f"/disclosure/items/{item.pk}/approve/", {"override_reason": ""}, follow=True)
    assert "校对发现 1 处错误未处理：" in response.content.decode()
    assert "迫不急待" in response.content.decode()
    client.post(f"/disclosure/items/{item.pk}/approve/", {"override_reason": "引用患者来信原文"})
    item = DisclosureItem.objects.get()
    assert (item.status, item.approved_by) == (ItemStatus.APPROVED, org.director)
    audit = AuditRecord.objects.get(action="disclosure.item.approve")
    assert audit.changes["override_reason"] == "引用患者来信原文"
    assert audit.changes["proofreading_errors"][0]["text"] == "迫不急待"


@pytest.mark.clause("一(四)4")
def test_the_approver_returns_an_item_with_errors_to_its_drafter(org, login, reviewed):
    item = reviewed(text=f"{CLEAN_TEXT}{TYPO}")
    response = login(org.director).post(f"/disclosure/items/{item.pk}/return/", {"note": "“迫不及待”写错"},
                                        follow=True)
    assert "已退回拟稿人修改" in response.content.decode()
    item = DisclosureItem.objects.get()
    assert item.status == ItemStatus.DRAFT and item.return_note == "审批退回：“迫不及待”写错"
    # fixed and resubmitted, it goes through 保密审查 again
    actions.do_update_item(item, text=CLEAN_TEXT, actor=org.alice.user)
    actions.do_submit_item(item, actor=org.alice.user)
    assert DisclosureItem.objects.get().status == ItemStatus.IN_REVIEW


def test_approval_needs_the_office_head_or_the_leader_in_charge(org, login, reviewed, rita):
    item = reviewed()
    expected = (403, "只有办公室主任、副主任或分管该科室的院领导可以审批。")
    for person, outcome in [(org.charlie, (404, "")), (org.medhead, (404, "")), (rita, expected), (org.bob, expected)]:
        with nothing_changes():
            response = login(person).post(f"/disclosure/items/{item.pk}/approve/")
        assert refusal(response) == outcome, person
    login(org.leo).post(f"/disclosure/items/{item.pk}/approve/")  # leo is in charge of the office
    assert DisclosureItem.objects.get().approved_by == org.leo


def test_nobody_approves_their_own_draft_or_an_unreviewed_one(org, rita, make_item, submitted):
    own = make_item(by=org.director)
    actions.do_submit_item(own, actor=org.director.user)
    actions.do_review_item(own, passed=True, actor=rita.user)
    with refused("审批人不能是拟稿人。"):
        actions.do_approve_item(own, actor=org.director.user)
    waiting = submitted()
    with refused("稿件须经保密审查通过后审批（当前：待保密审查）。"):
        actions.do_approve_item(waiting, actor=org.director.user)
