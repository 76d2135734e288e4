"""The inputs that once answered 500 (入侵防范 / 数据有效性): each now gets a page or a plain Chinese message and
changes nothing. The fuzz test (test_no_500_on_typed_input.py) looks for more."""

import pytest

from tests.refusals import nothing_changes
from zeroerror.core.params import int_param, year_param

LISTS = ["/documents/outgoing/", "/documents/incoming/", "/documents/incoming/stats/", "/documents/numbers/",
         "/errors/"]


@pytest.mark.parametrize("year", ["0", "99999", "9223372036854775808", "99999999999999999999999", "２０２６"])
def test_a_list_filtered_by_an_impossible_year_shows_the_list(org, login, year):
    client = login(org.director)
    for url in LISTS:
        response = client.get(url, {"year": year, "department": year})
        assert response.status_code == 200, url


@pytest.mark.parametrize("start", ["0001-01-01", "9999-12-31"])
def test_the_audit_search_names_the_allowed_dates(org, login, start):
    response = login(org.auditor).get("/audit/", {"start": start})
    assert response.status_code == 200
    assert "日期须在 1900-01-01 至 2999-12-31 之间。" in response.content.decode()


def test_a_huge_notification_id_marks_nothing_read(org, login):
    client = login(org.alice)
    with nothing_changes():
        response = client.post("/notifications/read/", {"id": "99999999999999999999999"})
    assert response.status_code == 302


def test_a_huge_id_in_a_choice_field_answers_400_with_a_message(org, login):
    client = login(org.director)
    with nothing_changes():
        response = client.post("/tracking/new/", {"title": "事项", "owner": "99999999999999999999999",
                                                  "due_at": "2026-12-01T09:00"})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "输入的数字或日期超出允许的范围，未作任何更改。" in response.content.decode()


def test_numbers_are_read_within_their_range():
    assert int_param("42") == 42 and int_param("0") is None and int_param("-1") is None
    assert int_param("9223372036854775807") == 2**63 - 1 and int_param("9223372036854775808") is None
    assert int_param("１２") is None and int_param("1e3") is None and int_param(None) is None
    assert year_param("2026") == 2026 and year_param("0") is None and year_param("99999") is None
