"""差错统计 and the 先进评比 eligibility list."""

from datetime import date

import pytest

from tests.pages import assert_shown, page
from zeroerror.errors.models import PerformancePay

YEAR = date.today().year - 1


def day(month, d=5):
    return date(YEAR, month, d)


@pytest.fixture
def year_of_errors(team, make_lead, confirm):
    for m in (2, 3, 5):  # alice: three general errors -> the third costs 20% and bars her from the awards
        PerformancePay.objects.create(person=team.alice, month=f"{YEAR}-{m:02d}", amount="4000.00")
        confirm(make_lead(team.alice, occurred_on=day(m, 1)), on=day(m))
    confirm(make_lead(team.bob, clause="一(二)3", occurred_on=day(3, 1)), severity="serious", on=day(3, 20))
    confirm(make_lead(team.charlie, clause="一(二)3", occurred_on=day(4, 1)), on=day(4))
    return team


@pytest.mark.clause("二.2(1)", "二.3")
def test_it_counts_and_sums_by_month_person_department_clause_and_area(year_of_errors, login):
    html = login(year_of_errors.perfhead).get("/errors/reports/", {"year": YEAR}).content.decode()
    # alice 50 + 100 + 20% of 4000 = 950; bob serious 1st 100; charlie 50
    assert "1100.00" in html and "950.00" in html
    assert "艾丽" in html and "鲍勃" in html and "查理" in html
    assert "一(二)3" in html and "会务工作" in html and "公文处理" in html
    assert 'id="report-data"' in html and "chart.umd.min.js" in html


@pytest.mark.clause("二.2(1)")
def test_the_third_general_error_bars_the_person_from_the_years_awards(year_of_errors, login):
    from zeroerror.errors.reports import award_eligibility
    from zeroerror.org.models import Person

    rows = {e.person.name: e for e in award_eligibility(Person.objects.all(), YEAR)}
    assert rows["艾丽"].eligible is False and "一(一)4" in rows["艾丽"].reasons[0]
    assert rows["鲍勃"].eligible is True
    html = login(year_of_errors.perfhead).get("/errors/reports/", {"year": YEAR}).content.decode()
    assert "不得参评" in html


def test_a_department_head_sees_only_their_department(year_of_errors, login):
    html = login(year_of_errors.medhead).get("/errors/reports/", {"year": YEAR}).content.decode()
    assert "查理" in html and "艾丽" not in html and "鲍勃" not in html


def test_staff_cannot_open_the_reports(year_of_errors, login):
    assert login(year_of_errors.alice).get("/errors/reports/").status_code == 403


def test_a_bad_year_is_404_not_500(team, login):
    client = login(team.perfhead)
    assert client.get("/errors/reports/", {"year": "abc"}).status_code == 404
    assert client.get("/errors/reports/", {"year": "1900"}).status_code == 404


def test_the_page_does_a_constant_number_of_queries(team, make_lead, confirm, login):
    client = login(team.perfhead)
    confirm(make_lead(team.alice, occurred_on=day(1, 1)), on=day(1))
    few, _ = page(client, "/errors/reports/", {"year": YEAR})
    for m in range(2, 9):
        confirm(make_lead(team.bob if m % 2 else team.charlie, occurred_on=day(m, 1)), on=day(m))
    many, html = page(client, "/errors/reports/", {"year": YEAR})
    assert many == few
    assert_shown(html, [team.alice.name, team.bob.name, team.charlie.name])


def section(html: str, heading: str) -> str:
    """The part of the page from ``<h2>heading</h2>`` to the next heading."""
    return html.split(f"<h2>{heading}</h2>", 1)[1].split("<h2>", 1)[0]


@pytest.mark.clause("二.3")
def test_it_sums_the_amounts_by_clause_and_by_area(year_of_errors, login):
    """按条款 and 按领域 carry the year's deductions (they were always 0.00): alice's three 一(一)4 errors cost
    50 + 100 + 800; bob's serious and charlie's general 一(二)3 errors 100 + 50."""
    from zeroerror.errors.access import visible_leads
    from zeroerror.errors.reports import year_report

    report = year_report(visible_leads(year_of_errors.perfhead), YEAR)
    assert {r.key: str(r.amount) for r in report.by_clause} == {"一(一)4": "950.00", "一(二)3": "150.00"}
    assert {r.label: str(r.amount) for r in report.by_area} == {"公文处理": "950.00", "会务工作": "150.00"}
    html = login(year_of_errors.perfhead).get("/errors/reports/", {"year": YEAR}).content.decode()
    by_clause, by_area = section(html, "按条款"), section(html, "按领域")
    assert "950.00" in by_clause and "150.00" in by_clause and "0.00</td>" not in by_clause.replace("50.00</td>", "")
    assert "950.00" in by_area and "150.00" in by_area


@pytest.mark.clause("二.2(2)")
def test_someone_under_suspension_is_not_eligible_for_the_awards(team, make_lead, confirm, login):
    for d in (2, 3):  # bob's second serious error: 停职整改
        confirm(make_lead(team.bob, occurred_on=day(3, 1)), severity="serious", on=day(3, d))
    html = login(team.perfhead).get("/errors/reports/", {"year": YEAR}).content.decode()
    eligibility = html.split("先进评比资格", 1)[1]
    bob_row = eligibility.split(team.bob.name, 1)[1].split("</tr>", 1)[0]
    assert "不得参评" in bob_row and "停职整改" in bob_row and "可参评" not in bob_row
    alice_row = eligibility.split(team.alice.name, 1)[1].split("</tr>", 1)[0]
    assert "可参评" in alice_row
