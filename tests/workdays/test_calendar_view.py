"""工作日历 page: the uncovered-year warning, the next working days, and the administrator's overrides."""

from datetime import date

import pytest
from django.urls import reverse

from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.workdays.models import CalendarOverride

pytestmark = pytest.mark.django_db

URL = reverse("workdays:calendar")
WARNING = "法定节假日数据尚未包含 2027 年"


@pytest.fixture
def today(monkeypatch):
    from zeroerror.workdays import views

    def set_today(day):
        monkeypatch.setattr(views.timezone, "localdate", lambda *args: day)

    set_today(date(2026, 11, 27))
    return set_today


def test_it_warns_the_admin_that_next_year_has_no_holiday_data(org, login, today):
    response = login(org.admin).get(URL)

    assert response.status_code == 200
    assert response.context["uncovered"] == [2027]
    html = response.content.decode()
    assert WARNING in html
    assert "暂按“周一至周五上班”计算时限" in html


def test_it_stops_warning_once_the_admin_has_entered_2027(org, login, today):
    client = login(org.admin)

    client.post(URL, {"date": "2027-01-01", "is_workday": "0", "note": "2027年元旦"})

    assert WARNING not in client.get(URL).content.decode()


def test_it_does_not_warn_when_both_years_are_known(org, login, today):
    today(date(2025, 6, 1))

    assert WARNING not in login(org.admin).get(URL).content.decode()


def test_it_lists_the_next_ten_working_days_skipping_the_holiday(org, login, today):
    today(date(2026, 9, 29))

    response = login(org.alice).get(URL)

    assert response.context["upcoming"] == [
        date(2026, 9, 29), date(2026, 9, 30), date(2026, 10, 8), date(2026, 10, 9), date(2026, 10, 10),
        date(2026, 10, 12), date(2026, 10, 13), date(2026, 10, 14), date(2026, 10, 15), date(2026, 10, 16),
    ]


def test_it_lets_the_admin_add_an_override_and_audits_it(org, login, today):
    response = login(org.admin).post(URL, {"date": "2027-02-06", "is_workday": "1", "note": "春节调休上班"},
                                     follow=True)

    assert "已将 2027-02-06 设为上班。" in response.content.decode()
    override = CalendarOverride.objects.get()
    assert (override.date, override.is_workday, override.note) == (date(2027, 2, 6), True, "春节调休上班")
    rec = AuditRecord.objects.get(action="workdays.override.create")
    assert rec.kind == AuditKind.CREATE and rec.actor == org.admin.user
    assert rec.changes == {"date": "2027-02-06", "is_workday": True, "note": "春节调休上班"}
    assert "春节调休上班" in response.content.decode()  # listed among the overrides


def test_it_changes_an_existing_override_keeping_the_old_value_in_the_audit_trail(org, login, today):
    client = login(org.admin)
    client.post(URL, {"date": "2027-02-06", "is_workday": "1", "note": "春节调休上班"})

    client.post(URL, {"date": "2027-02-06", "is_workday": "0", "note": "取消调休"})

    override = CalendarOverride.objects.get()
    assert (override.is_workday, override.note) == (False, "取消调休")
    rec = AuditRecord.objects.get(action="workdays.override.change")
    assert rec.kind == AuditKind.CHANGE
    assert rec.changes["before"] == {"is_workday": True, "note": "春节调休上班"}


@pytest.mark.parametrize("who", ["alice", "dora", "director", "leo", "auditor"])
def test_it_refuses_to_let_anyone_but_the_admin_change_the_calendar(org, login, today, who):
    client = login(getattr(org, who))

    response = client.post(URL, {"date": "2027-01-01", "is_workday": "0", "note": "2027年元旦"})

    assert response.status_code == 403
    assert not CalendarOverride.objects.exists()
    assert not AuditRecord.objects.filter(action__startswith="workdays.").exists()
    page = client.get(URL).content.decode()
    assert "录入调整" not in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"date": "", "is_workday": "0", "note": "元旦"}, "这个字段是必填项。"),
        ({"date": "2027-13-01", "is_workday": "0"}, "输入一个有效的日期。"),
        ({"date": "2027-01-01", "is_workday": "2"}, "选择一个有效的选项。"),
        ({}, "这个字段是必填项。"),
    ],
)
def test_it_explains_bad_input_in_chinese_and_saves_nothing(org, login, today, data, message):
    response = login(org.admin).post(URL, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CalendarOverride.objects.exists()
    assert not AuditRecord.objects.filter(action__startswith="workdays.").exists()


def test_it_sends_anonymous_visitors_to_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
