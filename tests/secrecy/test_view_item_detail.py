"""An item's page: its history, the loan, copy requests, destruction and corrections."""

import pytest

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from tests.secrecy.conftest import ahead
from zeroerror.secrecy import actions
from zeroerror.secrecy.models import CopyRequest, ItemStatus


def test_the_page_shows_the_history(org, login, make_item):
    item = make_item()
    actions.do_correct_item(item, field="location", value="保密柜2号", reason="笔误", actor=org.alice.user)
    _, html = page(login(org.alice), f"/secrecy/items/{item.pk}/")
    assert_shown(html, ["机密★10年", "登记", "更正", "存放位置：“办公室保密柜1号”更正为“保密柜2号”。笔误", "办理借出", "登记销毁"])


def test_it_is_not_found_for_those_who_may_not_see_it(org, login, make_item, other_unit):
    item = make_item()
    assert login(org.charlie).get(f"/secrecy/items/{item.pk}/").status_code == 404
    assert login(other_unit.director).get(f"/secrecy/items/{item.pk}/").status_code == 404
    assert login(org.alice).get("/secrecy/items/99999999999999999999/").status_code == 404


@pytest.mark.clause("一(七)1")
def test_a_loan_and_return_from_the_page(org, login, make_item):
    item = make_item()
    client = login(org.alice)
    due = ahead(days=2).strftime("%Y-%m-%dT%H:%M")
    client.post(f"/secrecy/items/{item.pk}/check-out/", {"holder": org.charlie.pk, "due_back_at": due,
                                                         "purpose": "阅办"})
    item.refresh_from_db()
    assert item.status == ItemStatus.CHECKED_OUT and item.holder == org.charlie
    html = login(org.charlie).get(f"/secrecy/items/{item.pk}/").content.decode()
    assert "<h2>借出</h2>" not in html and "申请复制或摘录" in html
    client = login(org.alice)
    client.post(f"/secrecy/items/{item.pk}/check-in/", {"note": "完好"})
    item.refresh_from_db()
    assert item.status == ItemStatus.IN_STORE


def test_a_loan_in_year_9999_or_year_0_is_refused_plainly(org, login, make_item):
    item = make_item()
    client = login(org.alice)
    for due in ("9999-12-31T23:59", "0000-01-01T00:00", "2026-13-45T99:99"):
        with nothing_changes():
            response = client.post(f"/secrecy/items/{item.pk}/check-out/",
                                   {"holder": org.charlie.pk, "due_back_at": due, "purpose": "阅办"}, follow=True)
        assert response.status_code == 200


@pytest.mark.clause("一(七)1")
def test_copy_request_approval_and_registration_from_the_page(org, login, make_item):
    item = make_item()
    login(org.bob).post(f"/secrecy/items/{item.pk}/copy/", {"excerpt": "0", "copies": "1", "reason": "学习"})
    req = CopyRequest.objects.get()
    client = login(org.charlie)
    with nothing_changes():
        response = client.post(f"/secrecy/copies/{req.pk}/decide/", {"approve": "1"})
    assert response.status_code == 404
    login(org.director).post(f"/secrecy/copies/{req.pk}/decide/", {"approve": "1"})
    response = login(org.alice).post(f"/secrecy/copies/{req.pk}/record/", follow=True)
    assert "复制/摘录件已登记。" in response.content.decode()
    assert item.copies_made.get().number == "JM-2026-001-F1"


def test_a_holder_cannot_destroy(org, login, make_item):
    item = make_item()
    actions.do_check_out_item(item, holder=org.charlie, due_back_at=ahead(days=1), purpose="阅办",
                              actor=org.alice.user)
    with nothing_changes():
        response = login(org.charlie).post(f"/secrecy/items/{item.pk}/destroy/", {
            "approver": org.director.pk, "witness": org.bob.pk, "method": "粉碎", "place": "保密室"})
    assert refusal(response) == (403, "只有办公室或保密审查员可以登记涉密载体。")
