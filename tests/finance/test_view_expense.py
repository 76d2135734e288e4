"""An expense's page and its special approval (特批), refusal and withdrawal by POST."""

import pytest

from tests.finance.conftest import reload
from tests.refusals import nothing_changes, refusal
from zeroerror.finance.models import ExpenseStatus


@pytest.fixture
def request_over(spend):
    return spend(amount="5000", special_reason="会期延长半天")


def test_the_page_shows_the_expense_its_findings_and_the_approver(org, books, login, request_over):
    html = login(org.leo).get(f"/finance/expenses/{request_over.pk}/").content.decode()
    assert "季度工作例会会务费" in html and "会期延长半天" in html and "特批同意" in html
    assert "超出开支标准" in html


@pytest.mark.clause("一(五)1")
def test_the_leader_in_charge_approves_by_post(org, books, login, request_over):
    response = login(org.leo).post(f"/finance/expenses/{request_over.pk}/approve/", {"note": "同意"}, follow=True)
    assert "已特批，支出列支。" in response.content.decode()
    expense = reload(request_over)
    assert (expense.status, expense.decided_by) == (ExpenseStatus.RECORDED, org.leo)
    html = login(org.alice).get(f"/finance/expenses/{expense.pk}/").content.decode()
    assert "李副院长" in html and "同意" in html


@pytest.mark.clause("一(五)1")
def test_a_leader_not_in_charge_is_refused_with_the_rule(org, books, login, request_over):
    from tests.factories import PersonFactory, give_role
    from zeroerror.org.roles import Role

    other = PersonFactory(user__username="zhao", name="赵副院长", department=org.leaders)
    give_role(other, Role.LEADER_IN_CHARGE)
    give_role(other, Role.SUPERVISION_DEPUTY)  # sees the unit's books, does not lead the office
    client = login(other)
    with nothing_changes():
        response = client.post(f"/finance/expenses/{request_over.pk}/approve/", {"note": ""}, follow=True)
    assert "超标准支出须经主要领导或分管该科室的领导特批。" in response.content.decode()


def test_staff_cannot_approve_and_outsiders_see_nothing(org, books, login, request_over, other_unit):
    client = login(org.bob)
    with nothing_changes():
        response = client.post(f"/finance/expenses/{request_over.pk}/approve/", {"note": ""})
    assert refusal(response) == (403, "您不能执行此操作。")
    for person in (org.charlie, other_unit.principal):
        client = login(person)
        assert client.get(f"/finance/expenses/{request_over.pk}/").status_code == 404
        with nothing_changes():
            assert client.post(f"/finance/expenses/{request_over.pk}/approve/").status_code == 404
    assert login(org.alice).get("/finance/expenses/abc/").status_code == 404


def test_the_handler_withdraws_with_a_reason(org, books, login, spend):
    expense = spend()
    client = login(org.alice)
    response = client.post(f"/finance/expenses/{expense.pk}/withdraw/", {"note": ""}, follow=True)
    assert "请填写撤销原因。" in response.content.decode()
    client.post(f"/finance/expenses/{expense.pk}/withdraw/", {"note": "重复登记"})
    assert reload(expense).status == ExpenseStatus.WITHDRAWN
