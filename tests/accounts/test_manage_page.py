"""The 安全管理员's page (账号锁定与重置): everyone of the unit with their credential state, in a constant number of
queries; nobody else opens it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.accounts.helpers import enrol
from tests.factories import PersonFactory


def _queries(client):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/account/manage/")
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_it_lists_people_with_their_state_in_constant_queries(org, security, login):
    client = login(security)
    enrol(org.alice.user)
    few, page = _queries(client)
    assert "艾丽" in page and "已绑定" in page and "必须绑定" in page  # alice enrolled; the admin must
    for i in range(15):
        enrol(PersonFactory(department=org.medical, name=f"新人{i}").user)
    many, page = _queries(client)
    assert "新人14" in page
    assert many <= few


@pytest.mark.parametrize("who", ["alice", "admin", "auditor", "director"])
def test_nobody_else_opens_it(org, login, who):
    assert login(getattr(org, who)).get("/account/manage/").status_code == 403
