"""开支标准 and 定点打印店 (/finance/standards/): the unit's configuration, seen by everyone in the unit."""

import pytest

from tests.finance.conftest import reload
from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.finance import actions
from zeroerror.finance.models import ApprovalStatus, SpendingStandard


def test_everyone_in_the_unit_sees_the_standards_and_shops_in_constant_queries(org, books, login, other_unit):
    client = login(org.charlie)
    page(client, "/finance/standards/")
    few, _ = page(client, "/finance/standards/")
    for i in range(4):
        actions.do_propose_standard(category="travel", name=f"住宿费{i}", cap="350", per="人·天",
                                    actor=org.alice.user)
    many, html = page(client, "/finance/standards/")
    assert many == few
    assert_shown(html, ["三类会议综合定额", "¥450.00/人·天", "住宿费3", "县政府采购定点图文店", "QC-ZFCG-2026-017"])
    _, html = page(login(other_unit.staff), "/finance/standards/")
    assert "三类会议综合定额" not in html


@pytest.mark.clause("一(五)1")
def test_the_office_proposes_and_the_leader_approves_a_standard(org, login):
    login(org.alice).post("/finance/standards/new/", {"category": "meetings", "name": "四类会议综合定额",
                                                      "cap": "400", "per": "人·天"})
    standard = SpendingStandard.objects.get()
    client = login(org.charlie)
    with nothing_changes():
        assert refusal(client.post(f"/finance/standards/{standard.pk}/approve/")) == (403, "您不能执行此操作。")
    login(org.leo).post(f"/finance/standards/{standard.pk}/approve/", {"note": ""})
    assert reload(standard).status == ApprovalStatus.APPROVED


@pytest.mark.clause("一(五)3")
def test_the_office_registers_a_designated_print_shop(org, login):
    response = login(org.alice).post("/finance/shops/new/", {
        "name": "城东图文店", "procurement_ref": "QC-2026-3", "address": "城东路1号",
        "valid_from": "2026-01-01", "valid_until": "2026-12-31"}, follow=True)
    assert "定点打印店已登记。" in response.content.decode()
    client = login(org.charlie)
    with nothing_changes():
        response = client.post("/finance/shops/new/", {"name": "x"})
    assert refusal(response) == (403, "只有办公室工作人员可以登记定点打印店。")
