"""The 安全保密 home: what is due today, the registers, the area's items and 差错."""

from tests.pages import assert_shown, page
from tests.secrecy.conftest import ahead
from zeroerror.secrecy import actions


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
