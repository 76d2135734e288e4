"""The lead/error list filters by person, department, clause, area, channel, status and month (issue 9 item 10),
offers only what the reader may see, reports a bad value instead of failing, and keeps its query count; the 责任人
picker groups by department and searches by name, pinyin or initials."""

from datetime import date

import pytest

from tests.pages import assert_shown, page
from zeroerror.errors.models import Channel
from zeroerror.errors.picker import search_keys

pytestmark = pytest.mark.django_db
YEAR = date.today().year - 1


@pytest.fixture
def leads(team, make_lead, confirm):
    return {
        "alice_doc": confirm(make_lead(team.alice, occurred_on=date(YEAR, 3, 1)), on=date(YEAR, 3, 2)),
        "alice_meeting": make_lead(team.alice, clause="一(二)3", occurred_on=date(YEAR, 4, 1)),
        "bob_report": make_lead(team.bob, channel=Channel.REPORT, actor=team.charlie, occurred_on=date(YEAR, 3, 9)),
        "charlie": make_lead(team.charlie, occurred_on=date(YEAR, 5, 1)),
    }


def ids(html, leads):
    return {name for name, lead in leads.items() if f'href="/errors/{lead.pk}/">#{lead.pk}<' in html}


@pytest.mark.parametrize("query, expected", [
    ({}, {"alice_doc", "alice_meeting", "bob_report", "charlie"}),
    ({"person": "ALICE"}, {"alice_doc", "alice_meeting"}),
    ({"department": "MEDICAL"}, {"charlie"}),
    ({"clause": "一(二)3"}, {"alice_meeting"}),
    ({"area": "meetings"}, {"alice_meeting"}),
    ({"channel": "report"}, {"bob_report"}),
    ({"status": "errors"}, {"alice_doc"}),
    ({"status": "open"}, {"alice_meeting", "bob_report", "charlie"}),
    ({"month": f"{YEAR}-03"}, {"alice_doc", "bob_report"}),
    ({"month": f"{YEAR}-03", "person": "ALICE"}, {"alice_doc"}),
])
def test_it_filters_the_list(team, leads, login, query, expected):
    query = {k: {"ALICE": team.alice.pk, "MEDICAL": team.medical.pk}.get(v, v) for k, v in query.items()}
    html = login(team.perfhead).get("/errors/", query).content.decode()
    assert ids(html, leads) == expected


@pytest.mark.parametrize("query, message", [
    ({"person": "abc"}, "责任人："), ({"year": "99999"}, "年度："),
    ({"month": "2026-13"}, "月份：月份格式应为 YYYY-MM（1900–2999 年）。"),
    ({"month": "0000-06"}, "月份：月份格式应为 YYYY-MM（1900–2999 年）。"), ({"year": "0"}, "年度："),
    ({"clause": "九(九)9"}, "条款："),
])
def test_a_bad_filter_is_reported_not_a_500(team, leads, login, query, message):
    response = login(team.perfhead).get("/errors/", query)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and ids(html, leads) == set(leads)


def test_it_offers_only_the_people_the_reader_may_see(team, leads, login):
    html = login(team.medhead).get("/errors/").content.decode()
    options = html.split('name="person"', 1)[1].split("</select>", 1)[0]
    assert team.charlie.name in options and team.alice.name not in options and team.bob.name not in options
    # a filter on someone outside the scope shows nothing of theirs
    html = login(team.medhead).get("/errors/", {"person": team.alice.pk}).content.decode()
    assert ids(html, leads) == {"charlie"} and "责任人：" in html


def test_the_filtered_list_keeps_its_query_count_and_shows_the_rows(team, make_lead, login):
    client = login(team.perfhead)
    make_lead(team.alice)
    few, _ = page(client, "/errors/", {"status": "open", "department": team.office.pk})
    more = [make_lead(p) for p in (team.alice, team.bob, team.dora, team.alice)]
    many, html = page(client, "/errors/", {"status": "open", "department": team.office.pk})
    assert many == few
    assert_shown(html, [f"#{lead.pk}<" for lead in more])


def test_search_keys_give_name_pinyin_and_initials():
    assert search_keys("艾丽") == "艾丽 aili al"
    assert search_keys("欧阳明华") == "欧阳明华 ouyangminghua oymh"


def test_the_picker_groups_people_by_department_with_search_keys(team, login):
    html = login(team.alice).get("/errors/report/").content.decode()
    select = html.split('name="person"', 1)[1].split("</select>", 1)[0]
    assert 'data-picker="person"' in html and "errors/picker.js" in html
    office = select.split('<optgroup label="办公室">', 1)[1].split("</optgroup>", 1)[0]
    assert 'data-search="艾丽 aili al"' in office and team.charlie.name not in office
    assert '<optgroup label="医务科">' in select
