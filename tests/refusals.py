"""Refusal tests name the refusal and show that nothing changed (see docs/testing.md).

    with refused("只有办公室人员可以编号。"):
        actions.do_assign_number(doc, actor=charlie.user)

    client = login(org.charlie)
    with nothing_changes():
        response = client.post(url, data)
    assert refusal(response) == (403, "只有会议组织者和办公室人员可以取消会议。")

``refused`` expects a ValidationError whose messages are exactly the given ones, and by default also that no row of
any table changed. ``nothing_changes`` compares every row of every table (sessions and the audit trail aside: a
refused attempt may itself be audited) before and after, and names the tables that changed. ``refusal`` reads the
status and the message of a refusal page (a 404 page names nothing, so as not to confirm that the object exists).
"""

from __future__ import annotations

import html
import re
from contextlib import contextmanager

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

# tables a refused request may still write: the session, the audit trail that may record the attempt, and the
# sign-in log (a test signing in inside the block is not the request's doing)
NOT_COMPARED = frozenset({"sessions.session", "audit.auditrecord", "audit.audithead", "axes.accesslog"})


def database_state(*, not_compared: frozenset[str] = NOT_COMPARED) -> dict[str, list[dict]]:
    """Every row of every table (ordered by primary key), by model label."""
    state = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if label in not_compared or model._meta.proxy or not model._meta.managed:
            continue
        rows = list(model._base_manager.order_by("pk").values())
        if label == "auth.user":  # signing in (login() in a test) is not a change the request made
            rows = [{k: v for k, v in row.items() if k != "last_login"} for row in rows]
        state[label] = rows
    return state


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(label for label in before if before[label] != after.get(label))


@contextmanager
def nothing_changes(*, not_compared: frozenset[str] = NOT_COMPARED):
    """Assert that the block leaves every table as it found it."""
    before = database_state(not_compared=not_compared)
    yield
    after = database_state(not_compared=not_compared)
    changed = changed_tables(before, after)
    assert not changed, f"a refused request changed the database: {', '.join(changed)}"


@contextmanager
def refused(*messages: str | re.Pattern, unchanged: bool = True):
    """Expect ValidationError with exactly ``messages`` (in order; a compiled pattern must match the whole message,
    for one that names a time); with ``unchanged`` also that nothing changed."""
    before = database_state() if unchanged else None
    with pytest.raises(ValidationError) as exc:
        yield exc
    got = exc.value.messages
    assert len(got) == len(messages) and all(
        m.fullmatch(g) if isinstance(m, re.Pattern) else m == g for m, g in zip(messages, got, strict=True)), got
    if before is not None:
        changed = changed_tables(before, database_state())
        assert not changed, f"a refused action changed the database: {', '.join(changed)}"


REFUSAL_PAGE = re.compile(r'<div class="card"><h1>[^<]*</h1><p>(.*?)</p>', re.S)


def refusal(response) -> tuple[int, str]:
    """(status code, the message the 403 page shows); a 404 page gives "" (it says nothing about the object)."""
    if response.status_code == 404:
        return 404, ""
    match = REFUSAL_PAGE.search(response.content.decode())
    return response.status_code, html.unescape(match.group(1)) if match else ""
