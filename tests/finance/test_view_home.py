"""The area's home (/finance/, and /area/finance/ redirects there): what waits for approval, the budget's execution,
the refused attempts and the area's 差错 — each as its reader may see them."""

import pytest
from django.core.exceptions import ValidationError

from tests.pages import assert_shown, page


def test_the_area_link_leads_home(org, login):
    response = login(org.alice).get("/area/finance/")
    assert response.status_code == 302 and response["Location"] == "/finance/"


@pytest.mark.clause("一(五)1")
def test_the_leader_sees_what_waits_for_him_in_constant_queries(org, books, login, spend):
    client = login(org.leo)
    page(client, "/finance/")
    spend(amount="5000", special_reason="会期延长")
    few, _ = page(client, "/finance/")
    for i in range(5):
        spend(amount="5000", special_reason=f"会期延长{i}", description=f"专题会议{i}")
    many, html = page(client, "/finance/")
    assert many == few
    assert_shown(html, ["待我审批", "支出特批", "专题会议4", "超标准", "办公室会议费", "本领域差错"])


@pytest.mark.clause("一(五)1")
def test_the_office_sees_refused_attempts_and_their_leads(org, books, login, spend):
    with pytest.raises(ValidationError):
        spend(amount="5000")
    _, html = page(login(org.director), "/finance/")
    assert_shown(html, ["最近被拒绝的支出", "季度工作例会会务费", "超出开支标准", "一(五)1", "艾丽"])


def test_someone_outside_the_office_sees_no_books(org, books, login, spend, other_unit):
    spend()
    with pytest.raises(ValidationError):
        spend(amount="5000")
    for person in (org.charlie, other_unit.director):
        _, html = page(login(person), "/finance/")
        assert "办公室会议费" not in html and "季度工作例会会务费" not in html
        assert "没有被拒绝的支出。" in html
