"""The monthly report to the 院长办公会 (issue 9 item 8c): counts by department, area and clause with amounts, the
trend against the previous months, the cases awaiting the meeting's grading as an agenda list, SVG charts with
their tables; on screen and as .docx (opened and read)."""

import io
from datetime import date

import pytest
from docx import Document

from tests.pages import assert_shown, page

pytestmark = pytest.mark.django_db
YEAR = date.today().year - 1
MONTH = f"{YEAR}-06"


@pytest.fixture
def months(team, make_lead, confirm):
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 5, 1)), on=date(YEAR, 5, 4))  # May: 50
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, 2))  # June: 100 (2nd general)
    confirm(make_lead(team.charlie, clause="一(二)3", occurred_on=date(YEAR, 6, 1)), "serious", on=date(YEAR, 6, 3))
    awaiting = confirm(make_lead(team.bob, occurred_on=date(YEAR, 6, 1), description="印章使用登记缺页"),
                       "undetermined", on=date(YEAR, 6, 4))
    return awaiting


def section(html, heading):
    return html.split(f"<h2>{heading}</h2>", 1)[1].split("<h2>", 1)[0]


@pytest.mark.clause("二.2(1)", "二.2(2)", "二.3")
def test_it_shows_the_months_figures_trend_and_agenda(team, months, login):
    _, html = page(login(team.principal), "/errors/reports/monthly/", {"month": MONTH})
    assert "本月认定差错<b>3</b>" in html.replace("\n", "")
    by_department = section(html, "按科室")
    assert "办公室" in by_department and "100.00" in by_department and "医务科" in by_department
    assert "<svg" in by_department and 'aria-label="按科室的差错件数（办公室：差错（起） 2；医务科：差错（起） 1）"' in by_department
    assert "会务工作" in section(html, "按领域") and "一(二)3" in section(html, "按条款")
    trend = section(html, "近几个月趋势")
    assert "5月：扣罚（元） 50.00；6月：扣罚（元） 200.00" in trend  # the amounts chart names its figures
    assert "<td>5月</td><td class=\"num\">1</td><td class=\"num mono\">50.00</td>" in trend
    agenda = section(html, "提请院长办公会议研究界定的差错")
    assert f"差错线索 #{months.pk}" in agenda and "鲍勃" in agenda


def test_it_downloads_the_report_as_docx(team, months, login):
    response = login(team.perfhead).get("/errors/reports/monthly/", {"month": MONTH, "format": "docx"})
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert f"{YEAR}年6月差错考核情况报告" in text and "本月认定差错 3 起，其中严重差错 1 起" in text
    # the charts: a bar per row, as long as its share of the longest (May: 1 of 3 errors, 50.00 of 200.00)
    assert ["5月", "1", "50.00", "█" * 4, "█" * 3] in cells
    assert ["6月", "3", "200.00", "█" * 12, "█" * 12] in cells
    assert ["办公室", "2", "0", "100.00", "█" * 12] in cells and ["医务科", "1", "1", "100.00", "█" * 6] in cells
    assert f"差错线索 #{months.pk}：办公室鲍勃" in text


def test_a_head_sees_his_department_and_staff_nothing(team, months, login):
    html = login(team.medhead).get("/errors/reports/monthly/", {"month": MONTH}).content.decode()
    assert "医务科" in html and "艾丽" not in html and "鲍勃" not in html
    assert login(team.alice).get("/errors/reports/monthly/").status_code == 403
    assert login(team.perfhead).get("/errors/reports/monthly/", {"month": "0000-01"}).status_code == 404


def test_the_page_keeps_its_query_count(team, make_lead, confirm, login):
    client = login(team.perfhead)
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, 2))
    few, _ = page(client, "/errors/reports/monthly/", {"month": MONTH})
    for person in (team.bob, team.charlie, team.dora):
        confirm(make_lead(person, occurred_on=date(YEAR, 6, 1)), "undetermined", on=date(YEAR, 6, 3))
    many, html = page(client, "/errors/reports/monthly/", {"month": MONTH})
    assert many == few
    assert_shown(html, [team.bob.name, team.charlie.name, team.dora.name])
