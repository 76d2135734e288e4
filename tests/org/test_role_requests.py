"""访问控制 (两人规则): roles that read others' data are granted and ended only with the 安全管理员's approval;
no administrator changes his own roles; ending a role takes effect the same day."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from tests.factories import PersonFactory, give_role
from zeroerror.audit.models import AuditRecord
from zeroerror.org.actions import do_assign_role, do_decide_role_request, do_end_role, do_request_role_grant
from zeroerror.org.models import RoleAssignment, RoleRequest, today
from zeroerror.org.roles import Role


@pytest.fixture
def security(org):
    person = PersonFactory(user__username="security", name="蒋安全", department=org.info)
    give_role(person, Role.SECURITY_ADMIN)
    return person


def _add(client, person, role, **extra):
    return client.post(f"/org/people/{person.pk}/roles/", {"role": role, "started_on": today().isoformat(), **extra},
                       follow=True)


@pytest.mark.parametrize("role", [Role.DISCIPLINE_INSPECTOR, Role.PERFORMANCE_HEAD, Role.SUPERVISION_MEMBER,
                                  Role.AUDIT_ADMIN, Role.SECURITY_ADMIN, Role.LEADER_IN_CHARGE])
def test_the_system_admin_cannot_grant_himself_a_reading_role(org, login, role):
    response = _add(login(org.admin), org.admin, role)
    assert "不能变更自己的角色" in response.content.decode()
    assert not RoleAssignment.objects.filter(person=org.admin, role=role).exists()
    assert not RoleRequest.objects.exists()


def test_nobody_grants_himself_even_an_ordinary_role(org):
    with pytest.raises(ValidationError, match="不能变更自己的角色"):
        do_assign_role(org.admin, Role.SEAL_KEEPER, actor=org.admin.user)


def test_a_reading_role_waits_for_the_security_admin(org, security, login):
    response = _add(login(org.admin), org.bob, Role.DISCIPLINE_INSPECTOR)
    assert "已提交安全管理员审批" in response.content.decode()
    assert Role.DISCIPLINE_INSPECTOR not in org.bob.roles_on(today())
    assert login(org.bob).get("/audit/").status_code == 403  # nothing granted yet

    pending = login(security).get("/")
    assert "待审批" in pending.content.decode()
    request = RoleRequest.objects.get()
    response = login(security).post(f"/org/role-requests/{request.pk}/decide/", {"decision": "approve"}, follow=True)
    assert "已批准" in response.content.decode()
    assert Role.DISCIPLINE_INSPECTOR in org.bob.roles_on(today())
    assert login(org.bob).get("/audit/").status_code == 200
    grant = AuditRecord.objects.get(action="org.role.assign")
    assert grant.actor == security.user
    assert AuditRecord.objects.filter(action="org.role_request.approve", actor=security.user).exists()


def test_a_rejected_request_changes_nothing(org, security, login):
    request = do_request_role_grant(org.bob, Role.PERFORMANCE_HEAD, actor=org.admin.user)
    login(security).post(f"/org/role-requests/{request.pk}/decide/", {"decision": "reject", "note": "无依据"})
    request.refresh_from_db()
    assert request.status == "rejected" and request.decision_note == "无依据"
    assert not RoleAssignment.objects.filter(person=org.bob, role=Role.PERFORMANCE_HEAD).exists()


def test_the_security_admin_cannot_decide_a_request_about_himself(org, security):
    request = do_request_role_grant(security, Role.SUPERVISION_MEMBER, actor=org.admin.user)
    with pytest.raises(ValidationError, match="不能审批自己提出的或涉及自己的申请"):
        do_decide_role_request(request, approve=True, actor=security.user)
    assert not RoleAssignment.objects.filter(person=security, role=Role.SUPERVISION_MEMBER).exists()


@pytest.mark.parametrize("who", ["admin", "alice", "auditor", "principal"])
def test_only_the_security_admin_decides(org, security, login, who):
    request = do_request_role_grant(org.bob, Role.DISCIPLINE_INSPECTOR, actor=org.admin.user)
    response = login(getattr(org, who)).post(f"/org/role-requests/{request.pk}/decide/", {"decision": "approve"})
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == "pending"
    assert Role.DISCIPLINE_INSPECTOR not in org.bob.roles_on(today())


def test_the_direct_action_refuses_a_reading_role(org):
    with pytest.raises(ValidationError, match="须经安全管理员批准"):
        do_assign_role(org.bob, Role.DISCIPLINE_INSPECTOR, actor=org.admin.user)
    with pytest.raises(ValidationError, match="须经安全管理员批准"):
        do_end_role(RoleAssignment.objects.get(person=org.auditor), actor=org.admin.user)


def test_ending_a_reading_role_also_needs_approval_and_takes_effect_that_day(org, security, login):
    assignment = RoleAssignment.objects.get(person=org.auditor, role=Role.DISCIPLINE_INSPECTOR)
    response = login(org.admin).post(f"/org/roles/{assignment.pk}/end/", {"ended_on": today().isoformat()},
                                     follow=True)
    assert "已提交安全管理员审批" in response.content.decode()
    assert login(org.auditor).get("/audit/").status_code == 200
    request = RoleRequest.objects.get()
    login(security).post(f"/org/role-requests/{request.pk}/decide/", {"decision": "approve"})
    assignment.refresh_from_db()
    assert assignment.ended_on == today()
    assert login(org.auditor).get("/audit/").status_code == 403  # the same day


def test_a_role_granted_today_can_be_ended_today(org, login):
    assignment = do_assign_role(org.bob, Role.SEAL_KEEPER, actor=org.admin.user)
    response = login(org.admin).post(f"/org/roles/{assignment.pk}/end/", {"ended_on": today().isoformat()},
                                     follow=True)
    assert "任职已终止" in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.started_on == assignment.ended_on == today()
    assert Role.SEAL_KEEPER not in org.bob.roles_on(today())


def test_an_end_before_the_start_is_refused(org):
    assignment = do_assign_role(org.bob, Role.SEAL_KEEPER, started_on=date(2026, 3, 1), actor=org.admin.user)
    with pytest.raises(ValidationError, match="终止日期不能早于起始日期"):
        do_end_role(assignment, ended_on=date(2026, 3, 1) - timedelta(days=1), actor=org.admin.user)
    assignment.refresh_from_db()
    assert assignment.ended_on is None


@pytest.mark.parametrize("who", ["alice", "auditor", "principal"])
def test_the_request_list_is_for_the_two_administrators_only(org, security, login, who):
    do_request_role_grant(org.bob, Role.DISCIPLINE_INSPECTOR, actor=org.admin.user)
    assert login(getattr(org, who)).get("/org/role-requests/").status_code == 403
    for person in (org.admin, security):
        page = login(person).get("/org/role-requests/").content.decode()
        assert "鲍勃" in page and "纪检监察室" in page


def test_the_request_list_has_a_constant_number_of_queries(org, security, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(security)
    do_request_role_grant(org.bob, Role.DISCIPLINE_INSPECTOR, actor=org.admin.user)
    with CaptureQueriesContext(connection) as one:
        client.get("/org/role-requests/")
    for person in (org.alice, org.charlie, org.dora, org.medhead):
        do_request_role_grant(person, Role.SUPERVISION_MEMBER, actor=org.admin.user)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/org/role-requests/").content.decode()
    assert "梅科长" in page
    assert len(many) <= len(one)
