"""登记支出 (/finance/expenses/new/): the office records; over the standard without a reason is refused on the page
with the exact message, nothing recorded, the attempt reported; with a reason it goes for special approval."""

import pytest

from tests.finance.conftest import REPORTED_TABLES, today
from tests.refusals import changed_tables, database_state, nothing_changes, refusal
from zeroerror.finance.models import Expense, ExpenseStatus

URL = "/finance/expenses/new/"


def form(books, **kw):
    data = {"line": books.meetings.pk, "standard": books.s_meeting.pk, "spent_on": today().isoformat(),
            "description": "季度工作例会会务费", "amount": "3,000.00", "quantity": "10"}
    data.update(kw)
    return data


def test_office_staff_record_an_expense(org, books, login):
    response = login(org.alice).post(URL, form(books), follow=True)
    expense = Expense.objects.get()
    assert response.redirect_chain[-1][0] == f"/finance/expenses/{expense.pk}/"
    assert "支出已登记列支。" in response.content.decode()
    assert expense.status == ExpenseStatus.RECORDED


@pytest.mark.clause("一(五)1")
def test_it_refuses_an_expense_over_the_standard_on_the_page(org, books, login):
    client = login(org.alice)
    before = database_state()
    response = client.post(URL, form(books, amount="5000"))
    assert response.status_code == 200
    assert ("超出开支标准：三类会议综合定额每人·天 ¥450.00，10 人·天应不超过 ¥4,500.00，本次 ¥5,000.00。"
            "超标准支出须经分管领导特批。") in response.content.decode()
    assert changed_tables(before, database_state()) == REPORTED_TABLES


@pytest.mark.clause("一(五)1")
def test_with_a_reason_it_goes_to_special_approval(org, books, login):
    response = login(org.alice).post(URL, form(books, amount="5000", special_reason="会期延长半天"), follow=True)
    assert "支出超预算或超标准，已报领导特批；批准后列支。" in response.content.decode()
    assert Expense.objects.get().status == ExpenseStatus.PENDING


@pytest.mark.parametrize("field, value, message", [
    ("line", "", "请选择经批准的预算项目：无预算不得支出。"),
    ("amount", "9" * 39, "金额过大：不能超过 ¥9,999,999,999.99。"),
    ("amount", "abc", "金额须为数字，如 1200 或 1200.50。"),
    ("quantity", "99999999999", "数量（人·天）须为正整数。"),
    ("spent_on", "9999-12-31", "支出日期不能晚于今天。"),
    ("spent_on", "0000-01-01", "输入一个有效的日期。"),
    ("line", "abc", "请选择经批准的预算项目：无预算不得支出。"),
    ("standard", "99999999999999999999", "请选择经批准的开支范围和标准。"),
])
def test_bad_input_is_refused_with_a_message_and_nothing_changes(org, books, login, field, value, message):
    client = login(org.alice)
    with nothing_changes():
        response = client.post(URL, form(books, **{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()


def test_others_may_not_record(org, books, login):
    client = login(org.charlie)
    with nothing_changes():
        response = client.post(URL, form(books))
    assert refusal(response) == (403, "只有办公室工作人员可以登记支出。")
    assert refusal(client.get(URL)) == (403, "只有办公室工作人员可以登记支出。")


def test_another_units_line_cannot_be_chosen(org, books, login, other_unit):
    client = login(other_unit.staff)
    with nothing_changes():
        response = client.post(URL, form(books))
    assert "请选择经批准的预算项目：无预算不得支出。" in response.content.decode()
