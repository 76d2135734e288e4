"""The 安全保密 home: what is due today, the registers, the area's items and 差错."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.pages import assert_shown, page
from tests.secrecy.conftest import ahead
from zeroerror.secrecy import actions
from zeroerror.secrecy.models import SafetyRound


def test_the_office_sees_what_is_out_and_waiting(org, login, make_item):
    item = make_item()
    actions.do_check_out_item(item, holder=org.charlie, due_back_at=ahead(days=1), purpose="阅办",
                              actor=org.alice.user)
    other = make_item("JM-2026-002")
    actions.do_request_copy(other, excerpt=True, copies=1, reason="摘录", actor=org.bob.user)
    _, html = page(login(org.alice), "/secrecy/")
    assert_shown(html, ["借出待归还", "JM-2026-001", "查理", "摘录申请待审批", "JM-2026-002", "本领域督办事项",
                        "归还涉密载体 JM-2026-001", "不得在外网发布涉密信息"])


def test_the_area_link_leads_here(org, login):
    assert login(org.charlie).get("/area/secrecy/")["Location"] == "/secrecy/"


def test_someone_who_keeps_nothing_sees_nothing(org, login, make_item):
    make_item()
    _, html = page(login(org.charlie), "/secrecy/")
    assert "JM-2026-001" not in html and "今日没有待办的安全保密事项。" in html


@pytest.mark.clause("一(七)6")
def test_todays_safety_checks_are_due_on_the_home_at_constant_cost(org, login):
    def started(name):
        checklist = actions.do_create_checklist(name=name, location="行政楼", items=["门窗上锁"], frequency="daily",
                                                owner=org.dora, checkers=[org.bob, org.charlie], actor=org.alice.user)
        now = timezone.now()
        return SafetyRound.objects.create(checklist=checklist, starts_at=now - timedelta(minutes=30),
                                          due_at=now + timedelta(hours=1))

    started("行政楼一楼")
    client = login(org.bob)
    few, html = page(client, "/secrecy/")
    assert_shown(html, ["防火防盗检查", "行政楼一楼", "鲍勃、查理", "防火防盗检查周表"])
    for floor in ("二", "三", "四"):
        started(f"行政楼{floor}楼")
    many, html = page(client, "/secrecy/")
    assert many == few
    assert_shown(html, ["行政楼二楼", "行政楼四楼"])
    done = SafetyRound.objects.get(checklist__name="行政楼一楼")
    actions.do_record_safety_check(done, done_at=timezone.now(), results=[("门窗上锁", True, "")], actor=org.bob.user)
    _, html = page(client, "/secrecy/")
    assert "行政楼一楼" not in html
