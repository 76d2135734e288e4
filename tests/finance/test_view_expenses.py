"""支出登记簿 (/finance/expenses/): the year's expenses a person may see, filtered (待特批, 特批支出, 已撤销), in
constant queries; and an expense refused its special approval (/finance/expenses/<pk>/reject/)."""

import pytest

from tests.finance.conftest import reload
from tests.pages import assert_shown, page
from tests.refusals import nothing_changes
from zeroerror.finance import actions
from zeroerror.finance.models import ExpenseStatus


def test_the_register_lists_the_years_expenses_in_constant_queries(org, books, login, spend):
    client = login(org.director)
    spend()
    page(client, "/finance/expenses/")
    few, _ = page(client, "/finance/expenses/")
    for n in range(5):
        spend(description=f"第{n}次院务会会务费", amount="1000", quantity=3)
    many, html = page(client, "/finance/expenses/")
    assert many == few
    assert_shown(html, ["第0次院务会会务费", "第4次院务会会务费", "办公室会议费", "三类会议综合定额", "1,000.00",
                        "艾丽", "已列支"])


def test_the_filters_show_what_they_name_and_a_bad_one_shows_all(org, books, login, spend):
    spend(description="普通会务费")
    pending = spend(description="超标准会务费", amount="5000", special_reason="会期延长半天")
    withdrawn = spend(description="重复登记的会务费", amount="100", quantity=1)
    actions.do_withdraw_expense(withdrawn, "重复登记", actor=org.alice.user)
    client = login(org.director)
    shown = {show: page(client, "/finance/expenses/", {"show": show})[1]
             for show in ("pending", "withdrawn", "special", "nonsense")}
    assert "超标准会务费" in shown["pending"] and "普通会务费" not in shown["pending"]
    assert "重复登记的会务费" in shown["withdrawn"] and "普通会务费" not in shown["withdrawn"]
    assert "超标准会务费" not in shown["special"]  # not yet approved: not a recorded special expense
    actions.do_approve_expense(pending, "同意", actor=org.leo.user)
    assert "超标准会务费" in page(client, "/finance/expenses/", {"show": "special"})[1]
    assert_shown(shown["nonsense"], ["普通会务费", "超标准会务费", "重复登记的会务费"])


def test_staff_outside_the_office_see_only_what_they_handled(org, books, login, spend, other_unit):
    spend(description="办公室会务费")
    for person in (org.charlie, other_unit.director):
        _, html = page(login(person), "/finance/expenses/")
        assert "办公室会务费" not in html


@pytest.mark.clause("一(五)1")
def test_the_leader_refuses_a_special_approval_with_a_reason_and_nothing_is_spent(org, books, login, spend):
    expense = spend(amount="5000", special_reason="会期延长半天")
    client = login(org.leo)
    with nothing_changes():
        response = client.post(f"/finance/expenses/{expense.pk}/reject/", {"note": ""}, follow=True)
    assert "请填写特批意见。" in response.content.decode()
    response = client.post(f"/finance/expenses/{expense.pk}/reject/", {"note": "超标准部分自理"}, follow=True)
    assert "支出不予特批。" in response.content.decode()
    expense = reload(expense)
    assert (expense.status, expense.decided_by, expense.decision_note) == (ExpenseStatus.REJECTED, org.leo,
                                                                          "超标准部分自理")
    assert actions.spent(books.meetings) == 0
