"""The office's books for the test unit: this year's approved budget lines, the approved standards and a designated
print shop. alice (office staff) records expenses; leo (in charge of the office) approves over-standard expenses;
the principal approves over-budget ones; charlie (医务科) sees nothing of the office's books."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.refusals import changed_tables, database_state
from zeroerror.finance import actions

# What a refused attempt that is a lapse writes: the refusal register and the proposed lead with its history.
REPORTED_TABLES = ["errors.lead", "errors.leadevent", "finance.expenserefusal"]


def today():
    return timezone.localdate()


@pytest.fixture
def books(org):
    year = today().year
    lines, standards = {}, {}
    for key, category, name, amount in [
        ("printing", "printing", "办公室印刷费", "5000"), ("meetings", "meetings", "办公室会议费", "20000"),
        ("reception", "reception", "公务接待费", "30000"),
    ]:
        line = actions.do_propose_budget_line(year=year, department=org.office, category=category, name=name,
                                              amount=amount, actor=org.director.user)
        lines[key] = actions.do_approve_budget_line(line, actor=org.leo.user)
    for key, category, name, cap, per in [
        ("copies", "printing", "内部打印复印（纸张耗材）", "0.10", "页"),
        ("outside", "printing", "定点外印（黑白）", "0.30", "页"),
        ("meeting", "meetings", "三类会议综合定额", "450", "人·天"),
        ("reception", "reception", "公务接待（按接待清单）", None, "次"),
    ]:
        standard = actions.do_propose_standard(category=category, name=name, cap=cap, per=per,
                                               actor=org.director.user)
        standards[key] = actions.do_approve_standard(standard, actor=org.leo.user)
    shop = actions.do_register_print_shop(name="县政府采购定点图文店", procurement_ref="QC-ZFCG-2026-017",
                                          valid_from=today() - timedelta(days=400),
                                          valid_until=today() + timedelta(days=400), actor=org.director.user)
    return SimpleNamespace(year=year, shop=shop, **lines, **{f"s_{k}": v for k, v in standards.items()})


@pytest.fixture
def spend(org, books):
    """Record an expense as alice (defaults: 会议费, 10 人·天, 3000 元, today)."""
    def do(**kw):
        data = {"line": books.meetings, "standard": books.s_meeting, "spent_on": today(),
                "description": "季度工作例会会务费", "amount": "3000", "quantity": 10, "actor": org.alice.user}
        data.update(kw)
        return actions.do_record_expense(**data)

    return do


def reload(obj):
    return type(obj).objects.get(pk=obj.pk)


@contextmanager
def refused_and_reported(*messages: str):
    """Refused with exactly ``messages``; nothing changed but the refusal register and the proposed lead."""
    before = database_state()
    with pytest.raises(ValidationError) as exc:
        yield exc
    assert exc.value.messages == list(messages), exc.value.messages
    assert changed_tables(before, database_state()) == REPORTED_TABLES

