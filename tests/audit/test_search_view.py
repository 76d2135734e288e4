from tests.pages import assert_shown, page
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.org.actions import do_assign_role
from zeroerror.org.roles import Role


def test_it_lets_the_discipline_office_search_the_trail(org, login):
    do_assign_role(org.alice, Role.FIRST_READER, actor=org.admin.user)
    response = login(org.auditor).get("/audit/", {"q": "org.role"})
    assert response.status_code == 200
    assert "org.role.assign" in response.content.decode()


def test_it_audits_each_search(org, login):
    login(org.auditor).get("/audit/", {"q": "anything"})
    rec = AuditRecord.objects.get(kind=AuditKind.SEARCH)
    assert rec.actor == org.auditor.user and rec.changes == {"q": "anything"}


def test_it_refuses_staff(org, login):
    assert login(org.alice).get("/audit/").status_code == 403


def test_it_shows_a_chinese_message_for_a_reversed_date_range(org, login):
    response = login(org.auditor).get("/audit/", {"start": "2026-05-01", "end": "2026-04-01"})
    assert "截止日期不能早于起始日期" in response.content.decode()


def _count_queries(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/audit/").status_code == 200
    return len(ctx.captured_queries)


def test_it_pages_without_n_plus_one(org, login):
    from django.db import transaction

    from zeroerror.audit.trail import record

    client = login(org.auditor)
    with transaction.atomic():
        record("test.one", actor=org.alice.user)
    few, _ = page(client, "/audit/")
    with transaction.atomic():
        for i in range(40):
            record(f"test.many.{i}", actor=org.bob.user)
    many, html = page(client, "/audit/")
    assert many == few
    assert_shown(html, ["test.one", *(f"test.many.{i}" for i in range(40))])
