from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import give_role
from zeroerror.org.roles import Role


class Clock:
    def __init__(self):
        self.now = timezone.now()

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    """Moves Django's clock (sessions, the login gate, password age) without sleeping."""
    moving = Clock()
    monkeypatch.setattr(timezone, "now", lambda: moving.now)
    return moving


@pytest.fixture
def security(org):
    """蒋安全, the 安全管理员 (information department)."""
    from tests.factories import PersonFactory

    person = PersonFactory(user__username="security", name="蒋安全", department=org.info)
    give_role(person, Role.SECURITY_ADMIN)
    return person
