"""预算执行情况 (/finance/report/): per line per month, as SVG charts with the table beside them, and as .xlsx."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.finance.conftest import today
from tests.pages import assert_shown, page
from tests.refusals import refusal
from zeroerror.audit.models import AuditRecord
from zeroerror.finance import actions


@pytest.mark.clause("一(五)1")
def test_the_report_shows_each_line_per_month_with_charts_in_constant_queries(org, books, login, spend):
    client = login(org.director)
    page(client, "/finance/report/")  # warm the per-process caches (content types, the regulation)
    few, _ = page(client, "/finance/report/")
    spend(amount="3000")
    for i in range(6):
        line = actions.do_propose_budget_line(year=books.year, department=org.office, category="office",
                                              name=f"办公用品{i}", amount="1000", actor=org.director.user)
        actions.do_approve_budget_line(line, actor=org.leo.user)
    many, html = page(client, "/finance/report/")
    assert many == few
    assert_shown(html, ["办公室会议费", "办公室印刷费", "公务接待费", "办公用品5", "3,000.00", "15.0%",
                        '<svg xmlns="http://www.w3.org/2000/svg" class="chart"', "导出 .xlsx"])
    assert html.count('class="chart"') == 1 + 9  # the summary and one per line


def test_a_bad_year_is_this_year_not_an_error(org, books, login):
    client = login(org.director)
    for year in ("0", "9999", "abc", "-1", "２０２６"):
        _, html = page(client, "/finance/report/", {"year": year})
        assert f"{today().year}年预算执行情况" in html


@pytest.mark.clause("一(五)1")
def test_the_xlsx_has_the_months_the_totals_and_escapes_formulas(org, books, login, spend):
    spend(amount="3000", description="=HYPERLINK(\"http://x\",\"点我\")")
    spend(amount="1200", description="@SUM(A1)", quantity=5)
    response = login(org.director).get("/finance/report.xlsx", {"year": books.year})
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["预算执行"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    meeting = rows["办公室会议费"]
    month = today().month
    assert meeting[2:5] == (20000, 0, 20000)  # 年初预算, 调整, 调整后预算
    assert meeting[4 + month] == 4200 and meeting[17] == 4200 and meeting[18] == 15800
    assert meeting[19] == 21.0
    assert rows["合计"][2] == rows["合计"][4] == 55000
    detail = [r for r in wb["支出明细"].iter_rows(min_row=2, values_only=True)]
    assert {r[3] for r in detail} == {"=HYPERLINK(\"http://x\",\"点我\")", "@SUM(A1)"}  # shown as typed
    assert {c.data_type for c in wb["支出明细"]["D"][1:]} == {"s"}  # text, never a live formula
    assert AuditRecord.objects.filter(action="finance.report.export").count() == 1


def test_those_who_may_not_see_the_books_are_refused(org, books, login, other_unit, spend):
    spend()
    client = login(org.charlie)
    assert refusal(client.get("/finance/report/")) == (
        403, "预算执行情况只向办公室、单位领导、科室负责人和监督人员开放。")
    assert client.get("/finance/report.xlsx").status_code == 403
    _, html = page(login(other_unit.director), "/finance/report/")
    assert "办公室会议费" not in html and "没有您可查看的经批准的预算项目" in html


def test_the_medical_head_sees_only_their_departments_lines(org, books, login):
    line = actions.do_propose_budget_line(year=books.year, department=org.medical, category="training",
                                          name="医务科培训费", amount="6000", actor=org.director.user)
    actions.do_approve_budget_line(line, actor=org.principal.user)
    _, html = page(login(org.medhead), "/finance/report/")
    assert "医务科培训费" in html and "办公室会议费" not in html


def test_months_are_summed_by_spending_date(org, books, spend):
    from zeroerror.finance.reports import line_figures

    if today().month == 1:
        pytest.skip("needs two months of this year")  # pragma: no cover
    spend(amount="100", spent_on=today().replace(day=1) - timedelta(days=1))
    spend(amount="200")
    fig = line_figures(books.meetings)
    assert fig.months[today().month - 2:today().month] == [Decimal("100.00"), Decimal("200.00")]
