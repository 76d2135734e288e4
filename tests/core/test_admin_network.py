"""The Django admin answers only from ZEROERROR_ADMIN_NETWORKS (入侵防范: management from allowlisted addresses)."""

import ipaddress

import pytest

from tests.accounts.helpers import signed_in
from zeroerror.org.admin_access import sync_admin_access


@pytest.fixture(autouse=True)
def staff(org):
    sync_admin_access(org.admin)


def test_it_hides_the_admin_from_other_addresses(org, client, settings):
    settings.ADMIN_ALLOWED_NETWORKS = [ipaddress.ip_network("10.1.0.0/16")]
    signed_in(client, org.admin)
    assert client.get("/admin/", REMOTE_ADDR="10.1.2.3").status_code == 200
    for path in ("/admin/", "/admin/org/department/", "/admin/login/"):
        response = client.get(path, REMOTE_ADDR="192.0.2.8")
        assert response.status_code == 404, path
        assert "content-main" not in response.content.decode()  # no admin markup


def test_by_default_only_this_machine_reaches_it(org, client):
    signed_in(client, org.admin)
    assert client.get("/admin/", REMOTE_ADDR="127.0.0.1").status_code == 200
    assert client.get("/admin/", REMOTE_ADDR="192.168.1.20").status_code == 404


def test_a_forwarded_header_from_an_untrusted_peer_does_not_open_it(org, client, settings):
    settings.ADMIN_ALLOWED_NETWORKS = [ipaddress.ip_network("10.1.0.0/16")]
    signed_in(client, org.admin)
    assert client.get("/admin/", REMOTE_ADDR="192.0.2.8", HTTP_X_FORWARDED_FOR="10.1.2.3").status_code == 404


def test_the_admin_wears_the_application_theme(org, client):
    signed_in(client, org.admin)
    page = client.get("/admin/").content.decode()
    assert "zeroerror/admin.css" in page and "零差错办公 · 后台配置" in page and "返回系统" in page
