"""Default deny: every URL redirects an anonymous visitor to the login page, except an explicit allowlist."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

ALLOWLIST = {"login/", "healthz"}
SAMPLE = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000001", "slug": "documents", "str": "x", "path": "x"}


def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def concrete(route: str) -> str:
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE.get(m.group(1) or "str", "x"), route)
    return "/" + route.lstrip("^").rstrip("$").replace("\\Z", "")


ROUTES = sorted({r for r in walk(get_resolver().url_patterns) if not r.startswith("admin/")})


def test_the_walk_finds_the_application_routes():
    assert "org/people/" in ROUTES and "tracking/<int:pk>/" in ROUTES


@pytest.mark.parametrize("route", [r for r in ROUTES if r not in ALLOWLIST])
def test_it_redirects_anonymous_visitors_to_login(client, db, route):
    url = concrete(route)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302, f"{url} answered {response.status_code}"
        assert response["Location"].startswith("/login/")


@pytest.mark.parametrize("route", sorted(ALLOWLIST))
def test_the_allowlist_is_reachable(client, db, route):
    assert client.get(concrete(route)).status_code == 200


def test_admin_pages_need_a_staff_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302 and "login" in response["Location"]
