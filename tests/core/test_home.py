"""我的待办 and the navigation differ by role."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from zeroerror.tracking.actions import do_create_tracked_item

TZ = ZoneInfo("Asia/Shanghai")


def nav_labels(html: str) -> set[str]:
    import re

    nav = html.split('id="sidenav"', 1)[1].split("</nav>", 1)[0]
    return set(re.findall(r"<span>([^<]+)</span>", nav))


def test_it_shows_my_tracked_items_with_the_count_in_the_navigation(org, login):
    do_create_tracked_item(title="整理会议纪要", owner=org.alice, due_at=timezone.now() + timedelta(days=3),
                           area="meetings", actor=org.director.user)
    html = login(org.alice).get("/").content.decode()
    assert "整理会议纪要" in html
    assert '<span class="badge">1</span>' in html
    assert "杜主任" in html  # who sent it


def test_overdue_items_are_red_and_under_the_overdue_tab(org, login):
    do_create_tracked_item(title="逾期的事", owner=org.alice, due_at=datetime(2026, 1, 5, 17, tzinfo=TZ),
                           area="general", actor=org.director.user)
    client = login(org.alice)
    html = client.get("/", {"tab": "overdue"}).content.decode()
    assert "逾期的事" in html and "（已逾期）" in html and 'class="mono overdue"' in html


def test_a_colleague_does_not_see_my_items(org, login):
    do_create_tracked_item(title="艾丽的事", owner=org.alice, due_at=timezone.now() + timedelta(days=3),
                           area="general", actor=org.director.user)
    assert "艾丽的事" not in login(org.bob).get("/").content.decode()


def test_the_navigation_depends_on_the_role(org, login):
    staff = nav_labels(login(org.alice).get("/").content.decode())
    admin = nav_labels(login(org.admin).get("/").content.decode())
    auditor = nav_labels(login(org.auditor).get("/").content.decode())
    assert "审计日志" not in staff and "名册导入" not in staff
    assert {"名册导入", "后台配置"} <= admin and "审计日志" not in admin
    assert "审计日志" in auditor and "名册导入" not in auditor
    for area in ("公文处理", "会务工作", "差错考核"):
        assert area in login(org.alice).get("/").content.decode()


def test_an_account_without_a_person_gets_a_clear_page(db, client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("bare", password="x-Password-123")
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200 and "未关联人员" in response.content.decode()
    assert client.get("/tracking/").status_code == 403


def test_the_page_works_on_a_phone(org, login):
    html = login(org.alice).get("/").content.decode()
    assert 'name="viewport"' in html and "nav-toggle" in html


def test_administrators_are_warned_about_a_year_without_holidays(org, login, monkeypatch):
    from zeroerror.core import views

    monkeypatch.setattr(views, "uncovered_years", lambda: [2027])
    assert "尚未包含 2027 年" in login(org.admin).get("/").content.decode()
    assert "尚未包含" not in login(org.alice).get("/").content.decode()
