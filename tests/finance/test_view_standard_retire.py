"""Changing the rules from the 开支标准 page: a leader refuses a proposed standard, the office retires one (停用) and
takes a print shop off the designated list (取消定点) — each with its reason, nothing deleted."""

import pytest

from tests.finance.conftest import reload
from tests.pages import page
from tests.refusals import nothing_changes, refusal
from zeroerror.finance import actions
from zeroerror.finance.models import ApprovalStatus


def test_a_leader_refuses_a_proposed_standard_with_a_reason(org, login):
    standard = actions.do_propose_standard(category="travel", name="住宿费（县级）", cap="350", per="人·天",
                                           actor=org.alice.user)
    client = login(org.leo)
    with nothing_changes():
        response = client.post(f"/finance/standards/{standard.pk}/reject/", {"note": ""}, follow=True)
    assert "请填写审批意见。" in response.content.decode()
    response = client.post(f"/finance/standards/{standard.pk}/reject/", {"note": "标准偏高"}, follow=True)
    assert "开支标准不予批准。" in response.content.decode()
    assert (reload(standard).status, reload(standard).decided_by) == (ApprovalStatus.REJECTED, org.leo)
    with nothing_changes():
        response = login(org.bob).post(f"/finance/standards/{standard.pk}/approve/", {"note": ""})
    assert refusal(response)[0] == 403


@pytest.mark.clause("一(五)1")
def test_the_office_retires_a_standard_with_a_reason_and_it_stays_listed(org, books, login):
    client = login(org.alice)
    url = f"/finance/standards/{books.s_meeting.pk}/retire/"
    with nothing_changes():
        response = client.post(url, {"note": ""}, follow=True)
    assert "请填写停用原因。" in response.content.decode()
    client.post(url, {"note": "执行新的会议费标准"})
    assert reload(books.s_meeting).status == ApprovalStatus.RETIRED
    _, html = page(client, "/finance/standards/")
    assert "三类会议综合定额" in html and "已停用" in html and "执行新的会议费标准" in html
    with nothing_changes():
        response = login(org.charlie).post(url, {"note": "x"})
    assert refusal(response)[0] == 403


@pytest.mark.clause("一(五)3")
def test_the_office_takes_a_shop_off_the_list_with_a_reason(org, books, login):
    client = login(org.alice)
    url = f"/finance/shops/{books.shop.pk}/deactivate/"
    with nothing_changes():
        response = client.post(url, {"note": ""}, follow=True)
    assert "请填写取消原因。" in response.content.decode()
    response = client.post(url, {"note": "政府采购定点资格到期未续"}, follow=True)
    assert "已取消定点。" in response.content.decode()
    assert reload(books.shop).active is False
    _, html = page(client, "/finance/standards/")
    assert "县政府采购定点图文店" in html and "已取消" in html
    with nothing_changes():
        response = login(org.charlie).post(url, {"note": "x"})
    assert refusal(response) == (403, "只有办公室工作人员可以取消定点打印店。")
