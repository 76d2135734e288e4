"""Role and 分管 write paths: history is kept, 三员分立 is enforced, every permission change is audited."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.factories import PersonFactory, give_role
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.org.actions import do_assign_role, do_end_role, do_start_leader_charge
from zeroerror.org.models import LeaderCharge, RoleAssignment
from zeroerror.org.roles import Role

pytestmark = pytest.mark.django_db


def audit(action):
    return list(AuditRecord.objects.filter(action=action).order_by("seq"))


def test_it_assigns_a_role_and_writes_a_permission_audit_record(org):
    assignment = do_assign_role(org.bob, Role.SEAL_KEEPER, started_on=date(2026, 3, 1), actor=org.admin.user)

    assert Role.SEAL_KEEPER in org.bob.roles_on(date(2026, 3, 1))
    [rec] = audit("org.role.assign")
    assert rec.kind == AuditKind.PERMISSION
    assert rec.actor == org.admin.user
    assert rec.object_id == str(assignment.pk)
    assert rec.changes["role"] == Role.SEAL_KEEPER
    assert rec.changes["started_on"] == "2026-03-01"


def test_it_ends_a_role_keeping_the_row_with_its_end_date(org):
    assignment = do_assign_role(org.bob, Role.SEAL_KEEPER, started_on=date(2026, 3, 1), actor=org.admin.user)

    do_end_role(assignment, ended_on=date(2026, 9, 1), actor=org.admin.user)

    assignment.refresh_from_db()
    assert assignment.ended_on == date(2026, 9, 1)
    assert Role.SEAL_KEEPER not in org.bob.roles_on(date(2026, 9, 1))
    assert Role.SEAL_KEEPER in org.bob.roles_on(date(2026, 8, 31))
    [rec] = audit("org.role.end")
    assert rec.kind == AuditKind.PERMISSION
    assert rec.changes == {"ended_on": [None, "2026-09-01"]}


def test_it_refuses_to_end_a_role_twice_or_before_it_started(org):
    assignment = do_assign_role(org.bob, Role.SEAL_KEEPER, started_on=date(2026, 3, 1), actor=org.admin.user)

    with pytest.raises(ValidationError, match="终止日期不能早于起始日期"):
        do_end_role(assignment, ended_on=date(2026, 2, 28), actor=org.admin.user)
    do_end_role(assignment, ended_on=date(2026, 4, 1), actor=org.admin.user)
    with pytest.raises(ValidationError, match="已终止"):
        do_end_role(assignment, ended_on=date(2026, 5, 1), actor=org.admin.user)

    assignment.refresh_from_db()
    assert assignment.ended_on == date(2026, 4, 1)
    assert len(audit("org.role.end")) == 1


def test_it_refuses_a_second_of_the_three_admin_roles(org):
    with pytest.raises(ValidationError, match="三员分立"):  # the system itself (roster set-up) is also refused
        do_assign_role(org.admin, Role.AUDIT_ADMIN, started_on=date(2026, 3, 1), actor=None)

    assert not RoleAssignment.objects.filter(person=org.admin, role=Role.AUDIT_ADMIN).exists()
    assert audit("org.role.assign") == []


def test_it_refuses_an_admin_role_that_would_overlap_one_starting_later(org):
    give_role(org.bob, Role.SECURITY_ADMIN, started_on=date(2026, 12, 1))

    with pytest.raises(ValidationError, match="三员分立"):
        do_assign_role(org.bob, Role.SYSTEM_ADMIN, started_on=date(2026, 3, 1), actor=org.admin.user)

    assert not RoleAssignment.objects.filter(person=org.bob, role=Role.SYSTEM_ADMIN).exists()


def test_it_allows_another_admin_role_once_the_first_has_ended(org):
    give_role(org.bob, Role.SECURITY_ADMIN, started_on=date(2020, 1, 1), ended_on=date(2026, 3, 1))

    do_assign_role(org.bob, Role.AUDIT_ADMIN, started_on=date(2026, 3, 1), actor=None)

    assert org.bob.roles_on(date(2026, 3, 1)) >= {Role.AUDIT_ADMIN}
    assert Role.SECURITY_ADMIN not in org.bob.roles_on(date(2026, 3, 1))


def test_it_refuses_a_role_already_held(org):
    with pytest.raises(ValidationError, match="已担任一般工作人员"):
        do_assign_role(org.alice, Role.STAFF, started_on=date(2026, 3, 1), actor=org.admin.user)

    assert RoleAssignment.objects.filter(person=org.alice, role=Role.STAFF).count() == 1


def test_it_requires_a_department_for_a_department_head(org):
    with pytest.raises(ValidationError, match="科室负责人须指明"):
        do_assign_role(org.bob, Role.DEPARTMENT_HEAD, started_on=date(2026, 3, 1), actor=org.admin.user)

    assert not RoleAssignment.objects.filter(person=org.bob, role=Role.DEPARTMENT_HEAD).exists()


def test_it_ends_the_previous_leader_charge_the_day_the_new_one_starts(org):
    successor = PersonFactory(department=org.leaders, name="孙副院长")
    give_role(successor, Role.LEADER_IN_CHARGE)
    previous = LeaderCharge.objects.get(leader=org.leo, department=org.office)

    charge = do_start_leader_charge(successor, org.office, started_on=date(2026, 5, 6), actor=org.admin.user)

    previous.refresh_from_db()
    assert previous.ended_on == date(2026, 5, 6)
    assert charge.ended_on is None
    assert list(LeaderCharge.objects.filter(department=org.office).order_by("started_on")) == [previous, charge]
    assert [c.leader for c in LeaderCharge.objects.current(date(2026, 5, 5)).filter(department=org.office)] == [org.leo]
    assert [c.leader for c in LeaderCharge.objects.current(date(2026, 5, 6)).filter(department=org.office)] == [
        successor
    ]
    [ended] = audit("org.charge.end")
    [started] = audit("org.charge.start")
    assert ended.kind == started.kind == AuditKind.PERMISSION
    assert ended.object_id == str(previous.pk) and started.object_id == str(charge.pk)
    assert ended.seq < started.seq


def test_it_refuses_to_put_the_same_leader_in_charge_twice(org):
    with pytest.raises(ValidationError, match="已分管办公室"):
        do_start_leader_charge(org.leo, org.office, started_on=date(2026, 5, 6), actor=org.admin.user)

    assert LeaderCharge.objects.get(department=org.office).ended_on is None
    assert audit("org.charge.start") == []


def test_it_refuses_a_charge_starting_before_the_current_one(org):
    successor = PersonFactory(department=org.leaders, name="孙副院长")

    with pytest.raises(ValidationError, match="须晚于"):
        do_start_leader_charge(successor, org.office, started_on=date(2020, 1, 1), actor=org.admin.user)

    assert LeaderCharge.objects.filter(department=org.office).count() == 1
    assert LeaderCharge.objects.get(department=org.office).ended_on is None



def test_it_refuses_a_role_that_overlaps_the_same_role_starting_later(org):
    give_role(org.bob, Role.SEAL_KEEPER, started_on=date(2026, 12, 1))

    with pytest.raises(ValidationError, match="已担任印章专管员"):
        do_assign_role(org.bob, Role.SEAL_KEEPER, started_on=date(2026, 3, 1), actor=org.admin.user)

    assert RoleAssignment.objects.filter(person=org.bob, role=Role.SEAL_KEEPER).count() == 1
