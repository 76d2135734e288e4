"""安全审计: refused requests — 403 and 404 on object URLs, CSRF failures — are audited, at most N a minute per
event and address (a scanner must not flood the trail)."""

from django.test import Client

from tests.accounts.helpers import signed_in
from zeroerror.audit.models import AuditKind, AuditRecord


def test_it_audits_a_forbidden_page(org, login):
    response = login(org.alice).get("/audit/", REMOTE_ADDR="10.2.0.5")
    assert response.status_code == 403
    record = AuditRecord.objects.get(action="http.forbidden")
    assert (record.actor, record.success, record.object_repr, record.ip) == (org.alice.user, False, "/audit/",
                                                                            "10.2.0.5")
    assert record.kind == AuditKind.VIEW and record.changes["status"] == 403


def test_it_audits_a_missing_or_hidden_object_but_not_unknown_addresses(org, login):
    client = login(org.charlie)
    assert client.get("/org/people/999999/").status_code == 404
    assert client.get("/wp-login.php").status_code == 404
    assert list(AuditRecord.objects.filter(action="http.not_found").values_list("object_repr", flat=True)) == [
        "/org/people/999999/"]


def test_it_audits_a_csrf_failure(org):
    client = signed_in(Client(enforce_csrf_checks=True), org.alice)
    response = client.post("/notifications/read/", {"id": "1"})
    assert response.status_code == 403
    record = AuditRecord.objects.get(action="http.csrf_failure")
    assert record.actor == org.alice.user and "CSRF" in record.changes["reason"]


def test_it_records_at_most_ten_a_minute_per_address_and_says_that_more_followed(org, login, settings):
    settings.AUDIT_REFUSALS_PER_MINUTE = 10
    client = login(org.alice)
    for _ in range(25):
        assert client.get("/audit/", REMOTE_ADDR="10.2.0.6").status_code == 403
    assert AuditRecord.objects.filter(action="http.forbidden", ip="10.2.0.6").count() == 10
    assert AuditRecord.objects.filter(action="http.forbidden.suppressed", ip="10.2.0.6").count() == 1
    client.get("/audit/", REMOTE_ADDR="10.2.0.7")
    assert AuditRecord.objects.filter(action="http.forbidden", ip="10.2.0.7").count() == 1


def test_a_request_for_the_admin_from_outside_is_audited(org, login):
    login(org.alice).get("/admin/", REMOTE_ADDR="192.0.2.99")
    assert AuditRecord.objects.filter(action="http.admin_address", ip="192.0.2.99").exists()
