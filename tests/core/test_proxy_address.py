"""Behind nginx the audit trail shows the client's address, not the proxy's (3(e))."""

import ipaddress

from tests.factories import PASSWORD
from zeroerror.audit.models import AuditKind, AuditRecord


def test_it_records_the_forwarded_client_behind_a_trusted_proxy(org, client, settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.9.0.1/32")]
    client.post("/login/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="10.9.0.1",
                HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.44")
    assert AuditRecord.objects.get(kind=AuditKind.LOGIN).ip == "192.0.2.44"


def test_it_ignores_the_header_from_anyone_else(org, client, settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.9.0.1/32")]
    client.post("/login/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="192.0.2.50",
                HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert AuditRecord.objects.get(kind=AuditKind.LOGIN).ip == "192.0.2.50"
