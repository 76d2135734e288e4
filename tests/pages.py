"""List pages: a constant number of queries AND the rows on the page (a page that renders nothing is fast too).

    few, _ = page(client, "/meetings/")
    ... make twelve more meetings ...
    many, html = page(client, "/meetings/")
    assert many == few
    assert_shown(html, [m.title for m in meetings])
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Iterable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page(client, url: str, data: dict | None = None) -> tuple[int, str]:
    """GET ``url`` as ``client``: (number of database queries, the page's text, entities unescaped). Must be 200."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data or {})
    assert response.status_code == 200, (url, response.status_code)
    return len(queries.captured_queries), html_lib.unescape(response.content.decode())


def assert_shown(text: str, expected: Iterable[str]) -> None:
    """Every string of ``expected`` (a row's title, name or link) is on the page."""
    missing = [e for e in expected if e not in text]
    assert not missing, f"not on the page: {missing}"
