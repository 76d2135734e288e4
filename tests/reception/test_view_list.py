"""客情登记簿 and the 政务接待 home: rows, visibility, constant queries, and other apps' panels."""

from tests.pages import assert_shown, page
from tests.reception.conftest import later
from zeroerror.reception import panels


def test_the_register_lists_reports_in_constant_queries(org, login, make_report):
    client = login(org.director)
    make_report()
    one, _ = page(client, "/reception/reports/")
    for i in range(12):
        make_report(guest_unit=f"来宾单位{i}", handler=org.bob if i % 2 else org.alice,
                    arrive_at=later(days=6 + i), depart_at=later(days=6 + i, hours=3))
    many, html = page(client, "/reception/reports/")
    assert many == one
    assert_shown(html, ["市卫生健康委员会", *(f"来宾单位{i}" for i in range(12)), "艾丽（办公室）", "鲍勃（办公室）"])


def test_the_register_shows_only_what_concerns_a_person_outside_the_office(org, login, make_report):
    make_report(guest_unit="甲单位")
    make_report(guest_unit="乙单位", handler=org.charlie)
    _, html = page(login(org.charlie), "/reception/reports/")
    assert "乙单位" in html and "甲单位" not in html


def test_a_bad_year_falls_back_to_this_year(org, login, make_report):
    make_report()
    for year in ("abc", "0", "99999999999999999999"):
        _, html = page(login(org.alice), "/reception/reports/", {"year": year})
        assert "市卫生健康委员会" in html


def test_the_home_shows_upcoming_visits_the_area_block_and_other_apps_panels(org, login, make_report, monkeypatch):
    make_report()
    monkeypatch.setattr(panels, "_panels", [])
    panels.register_panel(lambda person: panels.Panel("今日出车", "reception/_status.html",
                                                      {"n": 1}) if person.department.is_office else None)
    client = login(org.alice)
    few, html = page(client, "/reception/")
    assert_shown(html, ["近期来访", "市卫生健康委员会 · 张处长", "今日出车", "本领域督办事项",
                        "客情：市卫生健康委员会张处长（医政医管处处长）一行4人来访", "“零差错”工作要求"])
    for i in range(5):
        make_report(guest_unit=f"来宾单位{i}", arrive_at=later(days=6 + i), depart_at=later(days=6 + i, hours=3))
    many, html = page(client, "/reception/")
    assert many == few
    assert "今日出车" not in page(login(org.charlie), "/reception/")[1]


def test_the_area_link_goes_to_the_reception_home(org, login):
    response = login(org.alice).get("/area/reception/")
    assert response.status_code == 302 and response["Location"] == "/reception/"
