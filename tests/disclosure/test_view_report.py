"""政府信息公开工作年度报告 figures: 主动公开 by channel, 依申请公开 received / answered / overdue, as a table and
.xlsx (read back)."""

import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from tests.disclosure.conftest import days_ago
from tests.refusals import refusal
from zeroerror.audit.models import AuditRecord
from zeroerror.disclosure import actions


@pytest.fixture
def year_of_work(org, published, make_item):
    published(channel="website")
    published(channel="website")
    published(channel="wechat")
    overdue = make_item(title="逾期未公开", formed_on=days_ago(60))
    dates = [days_ago(1), days_ago(2), days_ago(60), days_ago(61)]
    for n, (received, answer) in enumerate(zip(dates, ["disclosed", None, "partly", None], strict=True)):
        req = actions.do_register_request(actor=org.alice.user, applicant=f"申请人{n}", content="申请公开",
                                          method="online", received_on=received, handler=org.bob)
        if answer:
            actions.do_answer_request(req, outcome=answer, reply="已答复", actor=org.bob.user)
    return overdue, dates


@pytest.mark.clause("一(四)1")
def test_the_report_counts_publications_by_channel_and_requests(org, login, year_of_work):
    year = timezone.localdate().year
    overdue, dates = year_of_work  # in January and February some fall in the year before
    client = login(org.director)
    html = client.get(f"/disclosure/report/?year={year}").content.decode()
    assert f"{year}年政府信息公开工作年度报告" in html
    # the same figures as charts, each naming its figures for a reader that does not render SVG
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 2
    assert f'aria-label="{year}年主动公开按渠道（门户网站：发布 2，超时限发布 0，撤稿 0；' in html
    assert f"{year}年依申请公开（本年新收申请：件数 {sum(d.year == year for d in dates)}；" in html
    response = client.get(f"/disclosure/report.xlsx?year={year}")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content)).active
    values = {(row[0], row[1]): row[2] for row in ws.iter_rows(min_row=3, values_only=True)}
    assert values[("主动公开", "门户网站·发布")] == 2
    assert values[("主动公开", "微信公众号·发布")] == 1
    assert values[("主动公开", "电子显示屏·发布")] == 0
    assert values[("主动公开", "合计·发布")] == 3
    assert values[("主动公开", "应公开未公开（年末已超时限）")] == int(timezone.localtime(overdue.due_at).year == year)
    assert values[("依申请公开", "本年新收申请")] == sum(d.year == year for d in dates)
    assert values[("依申请公开", "本年办结（已答复）")] == 2
    assert values[("依申请公开", "其中：逾期答复")] == 1
    assert values[("依申请公开", "逾期未答复")] == 1
    assert values[("答复类型", "予以公开")] == 1 and values[("答复类型", "部分公开")] == 1
    assert ws["A1"].value == f"{org.unit.name}{year}年政府信息公开工作年度报告（统计数据）"
    assert AuditRecord.objects.filter(action="disclosure.report.export").exists()


@pytest.mark.parametrize("year", ["0", "9999", "abc", "99999999999999999999999"])
def test_a_nonsense_year_shows_this_year_with_a_message(org, login, year):
    response = login(org.director).get(f"/disclosure/report/?year={year}")
    assert response.status_code == 200
    assert "年份须为 2000 至 2100 之间的数字，已显示本年度。" in response.content.decode()


def test_staff_outside_the_office_cannot_see_the_report(org, other_unit, login, make_item):
    assert refusal(login(org.charlie).get("/disclosure/report/")) == (
        403, "年度报告由办公室编制，院领导和考核、纪检部门可以查看。")
    make_item()
    html = login(other_unit.director).get("/disclosure/report/").content.decode()
    assert "邻县中医院" in html and "<b>0</b>" in html
