"""Helpers of the 安全保密 tests: alice (office) keeps the registers; director approves; charlie (医务科) only sees
what he keeps or holds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zeroerror.secrecy import actions


@pytest.fixture
def make_item(org):
    def make(number="JM-2026-001", **kw):
        data = {"number": number, "name": "关于年度目标考核的通知", "kind": "document", "classification": "secret",
                "period_years": 10, "copies": 2, "custodian": org.alice, "location": "办公室保密柜1号",
                "origin": "县卫健局", "actor": org.alice.user}
        data.update(kw)
        return actions.do_register_item(**data)

    return make


@pytest.fixture
def make_medium(org):
    def make(number="U-001", network="internal", **kw):
        data = {"number": number, "kind": "usb", "network": network, "custodian": org.alice,
                "classification": "secret" if network == "internal" else "", "actor": org.alice.user}
        data.update(kw)
        return actions.do_register_medium(**data)

    return make


def ago(**kw):
    return timezone.now() - timedelta(**kw)


def ahead(**kw):
    return timezone.now() + timedelta(**kw)
