"""Granting and ending roles on a person's page: only the system administrator, history kept, 三员分立 refused."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import give_role
from tests.refusals import nothing_changes, refusal
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.org.models import RoleAssignment
from zeroerror.org.roles import Role

pytestmark = pytest.mark.django_db


def add_url(person):
    return reverse("org:person_role_add", args=[person.pk])


def end_url(assignment):
    return reverse("org:role_end", args=[assignment.pk])


def today():
    return timezone.localdate()


def test_it_lets_the_admin_grant_a_role(org, login):
    response = login(org.admin).post(
        add_url(org.bob), {"role": Role.SEAL_KEEPER, "started_on": today().isoformat(), "note": "院发〔2026〕3号"},
        follow=True,
    )

    assert "已授予印章专管员。" in response.content.decode()
    assignment = RoleAssignment.objects.get(person=org.bob, role=Role.SEAL_KEEPER)
    assert (assignment.started_on, assignment.ended_on, assignment.note) == (today(), None, "院发〔2026〕3号")
    rec = AuditRecord.objects.get(action="org.role.assign")
    assert rec.kind == AuditKind.PERMISSION and rec.actor == org.admin.user


def test_it_lets_the_admin_make_someone_head_of_a_department(org, login):
    login(org.admin).post(
        add_url(org.bob), {"role": Role.DEPARTMENT_HEAD, "department": org.info.pk, "started_on": today().isoformat()}
    )

    assert org.info.head() == org.bob


def test_it_asks_which_department_a_head_is_for(org, login):
    response = login(org.admin).post(
        add_url(org.bob), {"role": Role.DEPARTMENT_HEAD, "started_on": today().isoformat()}, follow=True
    )

    assert "科室负责人须选择负责的科室。" in response.content.decode()
    assert not RoleAssignment.objects.filter(person=org.bob, role=Role.DEPARTMENT_HEAD).exists()


def test_it_refuses_a_second_admin_role_with_a_chinese_message(org, login):
    give_role(org.bob, Role.SECURITY_ADMIN)
    response = login(org.admin).post(
        add_url(org.bob), {"role": Role.AUDIT_ADMIN, "started_on": today().isoformat()}, follow=True
    )

    assert "三员分立：鲍勃已担任安全管理员，不能再担任审计管理员。" in response.content.decode()
    assert not RoleAssignment.objects.filter(role=Role.AUDIT_ADMIN).exists()
    assert not AuditRecord.objects.filter(action="org.role.assign").exists()


def test_it_asks_for_a_start_date(org, login):
    response = login(org.admin).post(add_url(org.bob), {"role": Role.SEAL_KEEPER, "started_on": ""}, follow=True)

    assert "请填写起始日期" in response.content.decode()
    assert not RoleAssignment.objects.filter(person=org.bob, role=Role.SEAL_KEEPER).exists()


@pytest.mark.parametrize("who", ["alice", "dora", "director", "principal", "auditor"])
def test_it_refuses_to_let_anyone_else_grant_a_role(org, login, who):
    response = login(getattr(org, who)).post(
        add_url(getattr(org, who)), {"role": Role.SYSTEM_ADMIN, "started_on": today().isoformat()}
    )

    assert response.status_code == 403
    assert list(RoleAssignment.objects.filter(role=Role.SYSTEM_ADMIN).values_list("person", flat=True)) == [
        org.admin.pk]


def test_it_lets_the_admin_end_a_role_and_keeps_the_row(org, login):
    assignment = RoleAssignment.objects.get(person=org.bob, role=Role.STAFF)

    response = login(org.admin).post(end_url(assignment), {"ended_on": today().isoformat()}, follow=True)

    assert "任职已终止，记录已保留。" in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.ended_on == today()
    assert Role.STAFF not in org.bob.roles_on(today())
    page = response.context["assignments"]
    assert [(a.role, a.ended_on) for a in page] == [(Role.STAFF, today())]
    assert AuditRecord.objects.get(action="org.role.end").kind == AuditKind.PERMISSION


def test_it_explains_an_end_date_before_the_start(org, login):
    assignment = RoleAssignment.objects.get(person=org.bob, role=Role.STAFF)

    response = login(org.admin).post(end_url(assignment), {"ended_on": "2019-12-31"}, follow=True)

    assert "终止日期不能早于起始日期。" in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.ended_on is None


def test_it_asks_for_a_valid_end_date(org, login):
    assignment = RoleAssignment.objects.get(person=org.bob, role=Role.STAFF)

    response = login(org.admin).post(end_url(assignment), {"ended_on": "明天"}, follow=True)

    assert "请填写正确的终止日期。" in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.ended_on is None


@pytest.mark.parametrize("who", ["alice", "dora", "director", "auditor"])
def test_it_refuses_to_let_anyone_else_end_a_role(org, login, who):
    assignment = RoleAssignment.objects.get(person=org.admin, role=Role.SYSTEM_ADMIN)

    response = login(getattr(org, who)).post(end_url(assignment), {"ended_on": today().isoformat()})

    assert response.status_code == 403
    assignment.refresh_from_db()
    assert assignment.ended_on is None
    assert not AuditRecord.objects.filter(action="org.role.end").exists()


def test_it_gives_404_for_unknown_people_and_assignments(org, login):
    client = login(org.admin)

    with nothing_changes():
        add = client.post(reverse("org:person_role_add", args=[999999]),
                          {"role": Role.STAFF, "started_on": today().isoformat()})
        end = client.post(reverse("org:role_end", args=[999999]), {"ended_on": today().isoformat()})
    assert refusal(add) == refusal(end) == (404, "")


def test_it_only_accepts_post(org, login):
    client = login(org.admin)
    assignment = RoleAssignment.objects.get(person=org.bob)

    assert client.get(add_url(org.bob)).status_code == 405
    assert client.get(end_url(assignment)).status_code == 405


def test_it_keeps_an_ended_role_visible_on_the_persons_page(org, login):
    RoleAssignment.objects.filter(person=org.bob).update(ended_on=date(2021, 1, 1))

    html = login(org.alice).get(reverse("org:person", args=[org.bob.pk])).content.decode()

    assert "一般工作人员" in html and "2021-01-01" in html
