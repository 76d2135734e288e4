"""调整预算 on a line's page (/finance/lines/<pk>/adjust/, /finance/adjustments/<pk>/approve|reject/): the office
proposes a new amount with its reason, the leader who may approves it from the page or from 待我审批, the line
shows every adjustment and the report shows 年初预算 / 调整 / 调整后预算."""

from html import unescape

import pytest

from tests.finance.conftest import reload
from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.finance import actions
from zeroerror.finance.models import BudgetAdjustment

REASON = "县卫健局追加会议经费（青卫财〔2026〕12号）"


@pytest.mark.clause("一(五)1")
def test_the_office_proposes_and_the_principal_approves_an_increase_on_the_page(org, books, login):
    url = f"/finance/lines/{books.meetings.pk}/"
    response = login(org.alice).post(f"{url}adjust/", {"new_amount": "26,000", "reason": REASON}, follow=True)
    assert_shown(unescape(response.content.decode()), ["预算调整已提交，待领导审批。", "20,000.00", "26,000.00", "+6,000.00",
                                             REASON, "待审批", "调整待主要领导审批。"])
    _, leo_sees = page(login(org.leo), url)
    assert "批准调整" not in leo_sees
    _, home = page(login(org.principal), "/finance/")
    assert "预算调整审批" in home and "办公室会议费" in home
    client = login(org.principal)
    _, html = page(client, url)
    assert "批准调整" in html
    adjustment = BudgetAdjustment.objects.get()
    response = client.post(f"/finance/adjustments/{adjustment.pk}/approve/", {"note": "同意"}, follow=True)
    assert_shown(unescape(response.content.decode()), ["预算调整已批准，预算金额已变更。", "26,000.00 元（年初预算 20,000.00 元，调整 +6,000.00 元）",
                                             "王院长", "同意", "已批准"])
    assert reload(books.meetings).amount == 26000
    _, report = page(client, "/finance/report/")
    assert_shown(report, ["年初预算", "调整后预算", "+6,000.00", "26,000.00", "（年初 ¥20,000.00，调整 +¥6,000.00）"])


@pytest.mark.clause("一(五)1")
def test_a_leader_who_may_not_approve_the_increase_changes_nothing(org, books, login):
    adjustment = actions.do_propose_adjustment(books.meetings, new_amount="26000", reason=REASON,
                                               actor=org.alice.user)
    client = login(org.leo)
    with nothing_changes():
        response = client.post(f"/finance/adjustments/{adjustment.pk}/approve/", {"note": ""}, follow=True)
    assert "调增预算须经主要领导审批。" in response.content.decode()
    with nothing_changes():
        response = login(org.bob).post(f"/finance/adjustments/{adjustment.pk}/approve/", {"note": ""})
    assert refusal(response) == (403, "预算调整须经主要领导或分管该科室的领导审批。")
    with nothing_changes():
        response = login(org.charlie).post(f"/finance/adjustments/{adjustment.pk}/reject/", {"note": "x"})
    assert refusal(response) == (404, "")


@pytest.mark.parametrize("data, message", [
    ({"new_amount": "-5", "reason": REASON}, "调整后预算不能为负数。"),
    ({"new_amount": "1.005", "reason": REASON}, "调整后预算最多保留两位小数（到分）。"),
    ({"new_amount": "26000", "reason": ""}, "请填写调整原因"),
    ({"new_amount": "", "reason": REASON}, "请填写调整后预算（元）"),
])
def test_bad_input_is_refused_with_what_was_typed_shown_again(org, books, login, data, message):
    client = login(org.alice)
    with nothing_changes():
        response = client.post(f"/finance/lines/{books.meetings.pk}/adjust/", data, follow=True)
    html = response.content.decode()
    assert message in html
    if data["new_amount"]:
        assert f'value="{data["new_amount"]}"' in html


def test_only_the_office_proposes_and_others_do_not_see_the_line(org, books, login):
    with nothing_changes():
        response = login(org.medhead).post(f"/finance/lines/{books.meetings.pk}/adjust/",
                                           {"new_amount": "1", "reason": "x"})
    assert refusal(response) == (404, "")
    with nothing_changes():
        response = login(org.principal).post(f"/finance/lines/{books.meetings.pk}/adjust/",
                                             {"new_amount": "30000", "reason": "x"})
    assert refusal(response) == (403, "只有办公室工作人员可以提出预算调整。")
    _, html = page(login(org.auditor), f"/finance/lines/{books.meetings.pk}/")
    assert "提出调整" not in html


def test_the_line_page_reads_its_adjustments_in_constant_queries(org, books, login):
    client = login(org.director)
    url = f"/finance/lines/{books.meetings.pk}/"
    page(client, url)
    few, _ = page(client, url)
    for amount in ("21000", "22000", "23000", "24000"):
        adjustment = actions.do_propose_adjustment(books.meetings, new_amount=amount, reason=f"追加至{amount}",
                                                   actor=org.alice.user)
        actions.do_approve_adjustment(adjustment, actor=org.principal.user)
    many, html = page(client, url)
    assert many == few
    assert_shown(html, ["追加至21000", "追加至24000", "24,000.00 元（年初预算 20,000.00 元，调整 +4,000.00 元）"])
