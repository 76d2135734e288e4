"""预算项目 (/finance/lines/ and a line's page): proposed by the office, approved by the leader, with its months."""

import pytest

from tests.finance.conftest import reload
from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.finance import actions
from zeroerror.finance.models import ApprovalStatus, BudgetLine


def test_the_list_shows_lines_with_their_spending_in_constant_queries(org, books, login, spend):
    client = login(org.auditor)
    page(client, "/finance/lines/")
    few, _ = page(client, "/finance/lines/")
    spend()
    for i in range(5):
        actions.do_propose_budget_line(year=books.year, department=org.office, category="travel",
                                       name=f"差旅费{i}", amount="800", actor=org.director.user)
    many, html = page(client, "/finance/lines/")
    assert many == few
    assert_shown(html, ["办公室会议费", "3,000.00", "差旅费4", "待审批", "杜主任", "李副院长"])


@pytest.mark.clause("一(五)1")
def test_the_office_proposes_and_the_leader_approves_on_the_page(org, login):
    response = login(org.alice).post("/finance/lines/new/", {
        "year": "2026", "department": org.office.pk, "category": "printing", "name": "办公室印刷费",
        "amount": "5,000", "note": ""}, follow=True)
    assert "预算项目已提交，待领导审批。" in response.content.decode()
    line = BudgetLine.objects.get()
    html = login(org.leo).get(f"/finance/lines/{line.pk}/").content.decode()
    assert "批准" in html and "不予批准" in html
    login(org.leo).post(f"/finance/lines/{line.pk}/approve/", {"note": "同意"})
    assert reload(line).status == ApprovalStatus.APPROVED


def test_the_proposer_and_staff_cannot_approve(org, login):
    line = actions.do_propose_budget_line(year=2026, department=org.office, category="printing", name="印刷费",
                                          amount="5000", actor=org.alice.user)
    client = login(org.bob)
    with nothing_changes():
        response = client.post(f"/finance/lines/{line.pk}/approve/", {"note": ""})
    assert refusal(response) == (403, "预算项目须经主要领导或分管该科室的领导审批。")


@pytest.mark.parametrize("field, value, message", [
    ("year", "0", "预算年度须在 2000 至 2100 年之间。"),
    ("year", "99999", "预算年度须在 2000 至 2100 年之间。"),
    ("amount", "1" * 40, "预算金额过大：不能超过 ¥9,999,999,999.99。"),
    ("amount", "1.234", "预算金额最多保留两位小数（到分）。"),
])
def test_bad_input_is_refused_on_the_page(org, login, field, value, message):
    data = {"year": "2026", "department": org.office.pk, "category": "printing", "name": "印刷费",
            "amount": "5000", field: value}
    client = login(org.alice)
    with nothing_changes():
        response = client.post("/finance/lines/new/", data)
    assert message in response.content.decode()


def test_outsiders_see_no_lines(org, books, login, other_unit):
    client = login(org.charlie)
    assert refusal(client.get("/finance/lines/")) == (
        403, "预算台账只向办公室、单位领导、科室负责人和监督人员开放。")
    assert client.get(f"/finance/lines/{books.meetings.pk}/").status_code == 404
    assert login(other_unit.director).get(f"/finance/lines/{books.meetings.pk}/").status_code == 404


def test_a_lines_page_shows_its_months_and_expenses(org, books, login, spend):
    spend()
    html = login(org.director).get(f"/finance/lines/{books.meetings.pk}/").content.decode()
    assert "按月执行情况" in html and "<svg" in html and "季度工作例会会务费" in html
