"""Dated roles and 分管 relations: what is current on a date, whom an overdue item escalates to, who sees what."""

from datetime import date

import pytest

from tests.factories import PersonFactory, give_role, put_in_charge
from zeroerror.org.models import LeaderCharge, Person, RoleAssignment
from zeroerror.org.roles import Role

pytestmark = pytest.mark.django_db


def test_it_counts_a_role_from_its_start_day_until_the_day_before_it_ends(org):
    give_role(org.bob, Role.SEAL_KEEPER, started_on=date(2026, 3, 1), ended_on=date(2026, 6, 1))

    assert Role.SEAL_KEEPER not in org.bob.roles_on(date(2026, 2, 28))
    assert Role.SEAL_KEEPER in org.bob.roles_on(date(2026, 3, 1))
    assert Role.SEAL_KEEPER in org.bob.roles_on(date(2026, 5, 31))
    assert Role.SEAL_KEEPER not in org.bob.roles_on(date(2026, 6, 1))


def test_it_lists_only_current_assignments_and_keeps_the_ended_ones(org):
    ended = give_role(org.bob, Role.FIRST_READER, started_on=date(2020, 1, 1), ended_on=date(2021, 1, 1))

    current = RoleAssignment.objects.current(date(2026, 1, 1)).filter(person=org.bob)

    assert ended not in current
    assert set(current.values_list("role", flat=True)) == {Role.STAFF}
    assert RoleAssignment.objects.filter(person=org.bob).count() == 2


def test_it_reports_the_current_head_of_a_department_on_a_given_day(org):
    ended = RoleAssignment.objects.get(person=org.dora, role=Role.DEPARTMENT_HEAD)
    ended.ended_on = date(2025, 1, 1)
    ended.save()
    give_role(org.bob, Role.DEPARTMENT_HEAD, department=org.office, started_on=date(2025, 1, 1))

    assert org.office.head(date(2024, 12, 31)) == org.dora
    assert org.office.head(date(2025, 1, 1)) == org.bob
    assert org.info.head() is None


def test_it_escalates_a_staff_member_to_the_head_of_the_department(org):
    assert org.alice.superior() == org.dora


def test_it_escalates_the_head_to_the_leader_in_charge(org):
    assert org.dora.superior() == org.leo


def test_it_escalates_to_the_office_director_when_there_is_no_head_nor_leader(org):
    # 信息科 has no head and no leader in charge.
    assert org.admin.superior() == org.director


def test_it_escalates_to_whoever_was_in_charge_on_the_given_day(org):
    charge = LeaderCharge.objects.get(leader=org.leo, department=org.office)
    charge.ended_on = date(2025, 7, 1)
    charge.save()
    successor = PersonFactory(department=org.leaders, name="孙副院长")
    put_in_charge(successor, org.office, started_on=date(2025, 7, 1))

    assert org.dora.superior(date(2025, 6, 30)) == org.leo
    assert org.dora.superior(date(2025, 7, 1)) == successor


def test_it_lets_staff_see_only_their_own_department(org):
    assert org.alice.visible_department_ids() == frozenset({org.office.pk})
    assert org.charlie.visible_department_ids() == frozenset({org.medical.pk})
    assert not org.charlie.can_see_department(org.office.pk)


def test_it_lets_a_leader_see_the_departments_in_charge(org):
    assert org.leo.visible_department_ids() == frozenset({org.leaders.pk, org.office.pk})
    assert org.leo.can_see_department(org.office.pk)
    assert not org.leo.can_see_department(org.medical.pk)


def test_it_stops_showing_a_department_once_the_charge_has_ended(org):
    LeaderCharge.objects.filter(leader=org.leo).update(ended_on=date(2021, 1, 1))
    leo = Person.objects.get(pk=org.leo.pk)

    assert leo.visible_department_ids() == frozenset({org.leaders.pk})


def test_it_lets_unit_wide_roles_see_every_department_of_their_unit_only(org, other_unit):
    ours = frozenset({org.office.pk, org.medical.pk, org.leaders.pk, org.info.pk, org.discipline.pk})
    assert org.director.visible_department_ids() == ours
    assert org.auditor.visible_department_ids() == ours
    assert org.director.can_see_department(org.medical.pk)
    assert not org.director.can_see_department(other_unit.office.pk)
    assert other_unit.director.visible_department_ids() == frozenset(
        {other_unit.office.pk, other_unit.medical.pk, other_unit.leaders.pk})


def test_it_does_not_count_an_ended_unit_wide_role(org):
    RoleAssignment.objects.filter(person=org.director).update(ended_on=date(2021, 1, 1))
    director = Person.objects.get(pk=org.director.pk)

    assert director.visible_department_ids() == frozenset({org.office.pk})


def test_it_flags_admins_and_auditors_by_their_current_roles(org):
    assert org.admin.is_admin and not org.alice.is_admin
    assert org.auditor.is_auditor and not org.admin.is_auditor
    assert org.alice.role_labels == ["一般工作人员"]


def test_it_finds_people_by_current_role(org):
    give_role(org.bob, Role.SEAL_KEEPER, started_on=date(2020, 1, 1), ended_on=date(2021, 1, 1))

    assert list(Person.objects.with_role(Role.OFFICE_DIRECTOR)) == [org.director]
    assert not Person.objects.with_role(Role.SEAL_KEEPER).exists()
    assert list(Person.objects.with_role(Role.SEAL_KEEPER, on=date(2020, 6, 1))) == [org.bob]
