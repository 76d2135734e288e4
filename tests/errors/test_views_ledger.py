"""Ledger page, close button, monthly pay import (all or nothing) and the audited export."""

import html
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.errors.models import LedgerMonth, PendingDeduction, PerformancePay
from zeroerror.errors.payroll import COLUMNS

pytestmark = pytest.mark.django_db
YEAR = date.today().year - 1
MONTH = f"{YEAR}-06"


ACCOUNT_COLUMNS = ["账号", "姓名", "月份", "当月绩效（元）"]  # the format before 工号: still accepted


def xlsx(rows, header=ACCOUNT_COLUMNS):
    wb = Workbook()
    wb.active.append(header)
    for row in rows:
        wb.active.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("绩效.xlsx", buf.getvalue())


@pytest.fixture
def three_errors(team, make_lead, confirm):
    for d in (1, 2, 3):
        confirm(make_lead(team.alice, occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, d))


def test_it_shows_the_month_with_pending_deductions_to_the_performance_office_only(team, three_errors, login):
    html = login(team.perfstaff).get(f"/errors/ledger/?month={MONTH}").content.decode()
    assert "150.00" in html and "缺少当月绩效" in html
    assert login(team.alice).get("/errors/ledger/").status_code == 403


@pytest.mark.clause("二.3")
def test_it_imports_pay_all_or_nothing_with_row_numbers(team, three_errors, login):
    client = login(team.perfstaff)
    response = client.post("/errors/pay/", {"file": xlsx([("alice", "艾丽", MONTH, 4000),
                                                          ("nobody", "", MONTH, 100),
                                                          ("bob", "鲍勃", "2026/13", "abc")])})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<td class="num mono">3</td><td>账号“nobody”不存在</td>' in html
    assert "月份须为 YYYY-MM" in html and "当月绩效须为" in html
    assert not PerformancePay.objects.exists()

    response = client.post("/errors/pay/", {"file": xlsx([("alice", "艾丽", MONTH, 4000)])})
    assert response.status_code == 200
    assert PerformancePay.objects.get().amount == Decimal("4000.00")
    assert not PendingDeduction.objects.active().exists()  # recomputed: the 20% is now priced
    assert "950.00" in client.get(f"/errors/ledger/?month={MONTH}").content.decode()


def test_it_gives_a_template_that_imports_as_is_structure(team, login):
    response = login(team.perfhead).get("/errors/pay/template.xlsx")
    assert [c.value for c in load_workbook(io.BytesIO(response.content)).active[1]] == COLUMNS
    assert login(team.alice).get("/errors/pay/template.xlsx").status_code == 403


@pytest.mark.clause("二.3")
def test_it_closes_a_month_and_exports_it_for_finance_with_an_audit_record(team, three_errors, login):
    client = login(team.perfhead)
    client.post("/errors/ledger/close/", {"month": MONTH, "confirm_pending": "1"})
    assert LedgerMonth.objects.get(month=MONTH).closed_at is not None
    assert login(team.inspector).post("/errors/ledger/close/", {"month": f"{YEAR}-07"}).status_code == 403

    response = login(team.perfhead).get(f"/errors/ledger/export.xlsx?month={MONTH}")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("姓名", "科室", "月份", "扣罚金额（元）")
    assert {r[0] for r in rows[1:]} >= {"艾丽"} and {r[1] for r in rows[1:]} >= {"办公室"}
    assert AuditRecord.objects.filter(action="errors.ledger.export", kind=AuditKind.EXPORT).count() == 1


def test_the_ledger_query_count_does_not_grow_with_rows(team, make_lead, confirm, login):
    client = login(team.perfhead)
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, 2))
    few, _ = page(client, "/errors/ledger/", {"month": MONTH})
    confirm(make_lead(team.bob, occurred_on=date(YEAR, 6, 1)), "serious", on=date(YEAR, 6, 3))
    confirm(make_lead(team.director, occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, 4))
    many, html = page(client, "/errors/ledger/", {"month": MONTH})
    assert many == few
    assert_shown(html, [team.alice.name, team.bob.name, team.director.name])


def test_my_page_lists_my_errors_and_deductions(team, three_errors, login):
    html = login(team.alice).get("/errors/mine/").content.decode()
    assert "一(一)4" in html and "50.00" in html


def test_the_finance_export_keeps_formula_like_explanations_as_text(team, three_errors, login):
    from zeroerror.errors.models import LedgerEntry

    LedgerEntry.objects.update(explanation="=1+1")
    response = login(team.perfhead).get(f"/errors/ledger/export.xlsx?month={MONTH}")
    ws = load_workbook(io.BytesIO(response.content)).active
    cells = [row[7] for row in ws.iter_rows(min_row=2)]
    assert cells and {c.value for c in cells} == {"=1+1"} and {c.data_type for c in cells} == {"s"}


@pytest.mark.clause("二.2(1)", "二.3")
def test_it_warns_before_closing_a_month_with_a_pending_20_percent_and_closes_only_when_confirmed(
        team, three_errors, login):
    """alice's third general error costs 20% of June's pay, which is missing: the close is refused with the warning
    until the office confirms it."""
    client = login(team.perfhead)
    page_ = client.get(f"/errors/ledger/?month={MONTH}").content.decode()
    assert "确认关账（待定扣罚留待以后月份调整）" in page_
    warning = ("本月还有 1 笔待定扣罚（艾丽；其中 1 笔缺少当月绩效、无法计算按比例扣发的金额），关账后这些扣罚将在以后月份调整。"
               "如确认仍要关账，请勾选“确认关账”。")
    with nothing_changes():
        response = client.post("/errors/ledger/close/", {"month": MONTH}, follow=True)
    assert warning in html.unescape(response.content.decode())
    assert not LedgerMonth.objects.filter(month=MONTH, closed_at__isnull=False).exists()

    response = client.post("/errors/ledger/close/", {"month": MONTH, "confirm_pending": "1"}, follow=True)
    assert f"{MONTH} 已关账" in response.content.decode()
    closing = AuditRecord.objects.get(action="errors.ledger.close_month")
    assert closing.changes["closed_with_pending"] == list(PendingDeduction.objects.active().values_list("pk", flat=True))


@pytest.mark.parametrize("figure", ["999999999999", "999,999,999,999", "1000000.01", "4000.123", "-1", "NaN", "1e400"])
def test_it_refuses_an_impossible_pay_figure_with_a_message_not_a_500(team, three_errors, login, figure):
    client = login(team.perfstaff)
    with nothing_changes():
        response = client.post("/errors/pay/", {"file": xlsx([("alice", "艾丽", MONTH, figure)])})
    assert response.status_code == 400
    text = html.unescape(response.content.decode())
    assert '<td class="num mono">2</td><td>' in text
    assert any(m in text for m in ("超出范围（0 至 1,000,000.00 元）", "当月绩效须为不小于 0、最多两位小数的金额"))


def test_it_names_the_range_for_the_figure_from_the_issue(team):
    from zeroerror.errors.payroll import parse_amount

    assert parse_amount("999999999999") == (
        None, "当月绩效 999999999999 元超出范围（0 至 1,000,000.00 元），请核对")
    assert parse_amount("4000") == (Decimal("4000.00"), "")
    assert parse_amount("1,000,000.00") == (Decimal("1000000.00"), "")


@pytest.mark.clause("二.2(1)")
def test_the_tier_column_says_which_tier_the_policy_used_and_why(team, make_lead, confirm, login):
    confirm(make_lead(team.leo, occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, 2))
    confirm(make_lead(team.medhead, occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, 3))
    confirm(make_lead(team.director, occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, 4))
    text = html.unescape(login(team.perfhead).get(f"/errors/ledger/?month={MONTH}").content.decode())
    rows = {name: text.split(f'<td data-label="姓名">{name}</td>', 1)[1].split("</tr>", 1)[0]
            for name in (team.leo.name, team.medhead.name, team.director.name)}
    assert "一般工作人员档（分管领导本人的差错：规定只分一般工作人员和办公室主任两档，按一般工作人员档计）" in rows[team.leo.name]
    assert "一般工作人员档（其他科室的科室负责人：" in rows[team.medhead.name]
    assert "办公室主任档（任办公室主任）" in rows[team.director.name]


def test_it_imports_pay_keyed_by_employee_number(team, three_errors, login):
    """The finance system's key is the 工号; the account name is still accepted; both must name the same person."""
    team.alice.employee_number, team.bob.employee_number = "0101", "0102"
    team.alice.save(update_fields=["employee_number"])
    team.bob.save(update_fields=["employee_number"])
    client = login(team.perfstaff)
    with nothing_changes():
        response = client.post("/errors/pay/", {"file": xlsx([("0999", "", "", MONTH, 4000),
                                                              ("0101", "bob", "", MONTH, 4000),
                                                              ("", "", "艾丽", MONTH, 4000)], header=COLUMNS)})
    assert response.status_code == 400
    text = html.unescape(response.content.decode())
    assert "工号“0999”不存在" in text
    assert "工号“0101”（艾丽）与账号“bob”（鲍勃）不是同一人" in text
    assert "“工号”或“账号”须填写一项" in text

    response = client.post("/errors/pay/", {"file": xlsx([("0101", "", "艾丽", MONTH, 4000),
                                                          ("", "bob", "鲍勃", MONTH, "3000.50")], header=COLUMNS)})
    assert response.status_code == 200
    assert dict(PerformancePay.objects.values_list("person__name", "amount")) == {
        "艾丽": Decimal("4000.00"), "鲍勃": Decimal("3000.50")}
