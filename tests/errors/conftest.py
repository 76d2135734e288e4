"""Personas for 差错考核: perfhead (绩效办负责人), perfstaff (绩效办工作人员), inspector (督查考核小组成员).

``make_lead`` registers as the inspector and ``confirm`` verifies as perfstaff: whoever registered a lead may not
verify it (errors.conflicts)."""

from datetime import date

import pytest
from django.utils import timezone

from tests.factories import DepartmentFactory, PersonFactory, give_role
from zeroerror.errors import actions
from zeroerror.org.roles import Role


@pytest.fixture
def team(org):
    perf = DepartmentFactory(unit=org.unit, name="绩效考核办公室")
    org.perf = perf
    org.perfhead = PersonFactory(user__username="perfhead", name="宋绩效", department=perf)
    give_role(org.perfhead, Role.PERFORMANCE_HEAD)
    org.perfstaff = PersonFactory(user__username="perfstaff", name="韩科员", department=perf)
    give_role(org.perfstaff, Role.PERFORMANCE_STAFF)
    org.inspector = PersonFactory(user__username="inspector", name="督查员", department=org.medical)
    give_role(org.inspector, Role.SUPERVISION_MEMBER)
    return org


@pytest.fixture
def make_lead(team):
    def make(person=None, *, clause="一(一)4", channel="inspection", occurred_on=None, actor=None, **kw):
        return actions.do_report_lead(
            channel=channel, clause_id=clause, person=person or team.alice,
            occurred_on=occurred_on or timezone.localdate(), description=kw.pop("description", "文件运转超时"),
            actor=(actor or team.inspector).user, **kw)

    return make


@pytest.fixture
def confirm(team):
    def do(lead, severity="general", on=None, **kw):
        return actions.do_confirm_lead(lead, severity=severity, note="经核查属实", confirmed_on=on,
                                       actor=kw.pop("actor", team.perfstaff).user, **kw)

    return do


THIS_YEAR = date.today().year
