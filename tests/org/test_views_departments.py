"""科室 pages: the list, one department with its 分管 history, and changing the leader in charge."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import DepartmentFactory, PersonFactory, UnitFactory, give_role, put_in_charge
from tests.pages import assert_shown, page
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.org.models import LeaderCharge
from zeroerror.org.roles import Role

pytestmark = pytest.mark.django_db

LIST = reverse("org:departments")


def charge_url(department):
    return reverse("org:department_charge", args=[department.pk])


def new_leader(org, name="孙副院长"):
    leader = PersonFactory(department=org.leaders, name=name)
    give_role(leader, Role.LEADER_IN_CHARGE)
    return leader


# ---------------------------------------------------------------- list


@pytest.mark.parametrize("who", ["alice", "charlie", "leo", "auditor", "admin"])
def test_it_lists_the_departments_with_head_leader_and_headcount_for_everyone(org, login, who):
    response = login(getattr(org, who)).get(LIST)

    assert response.status_code == 200
    rows = {d.name: d for d in response.context["rows"]}
    assert list(rows) == ["办公室", "医务科", "院领导", "信息科", "纪检监察室"]
    office = rows["办公室"]
    assert [a.person for a in office.current_heads] == [org.dora]
    assert [c.leader for c in office.current_charges] == [org.leo]
    assert office.people_count == 4  # alice, bob, dora, director
    html = response.content.decode()
    assert "朵拉" in html and "李副院长" in html


def test_it_does_not_show_ended_heads_or_charges_in_the_list(org, login):
    LeaderCharge.objects.filter(leader=org.leo).update(ended_on=date(2021, 1, 1))

    response = login(org.alice).get(LIST)

    office = next(d for d in response.context["rows"] if d.name == "办公室")
    assert office.current_charges == []


def test_it_lists_departments_with_a_constant_number_of_queries(org, login):
    client = login(org.alice)
    baseline, _ = page(client, LIST)

    for n in range(10):
        department = DepartmentFactory(unit=org.unit, name=f"新科室{n}")
        head = PersonFactory(department=department, name=f"新科长{n}")
        give_role(head, Role.DEPARTMENT_HEAD, department=department)
        put_in_charge(org.leo, department)
        PersonFactory(department=org.office)

    queries, html = page(client, LIST)
    assert queries <= baseline
    assert_shown(html, [*(f"新科室{n}" for n in range(10)), *(f"新科长{n}" for n in range(10))])


def test_it_does_not_list_another_units_departments(org, login):
    other = UnitFactory(name="另一家医院")
    DepartmentFactory(unit=other, name="外院科室")

    response = login(org.alice).get(LIST)

    assert "外院科室" not in [d.name for d in response.context["rows"]]


# ---------------------------------------------------------------- one department


def test_it_shows_a_department_with_its_people_head_and_leader(org, login):
    response = login(org.charlie).get(reverse("org:department", args=[org.office.pk]))

    assert response.status_code == 200
    assert response.context["head"] == org.dora
    assert set(response.context["people"]) == {org.alice, org.bob, org.dora, org.director}
    assert [c.leader for c in response.context["charges"]] == [org.leo]
    assert "调整分管领导" not in response.content.decode()


def test_it_offers_the_admin_the_form_to_change_the_leader(org, login):
    response = login(org.admin).get(reverse("org:department", args=[org.office.pk]))

    assert "调整分管领导" in response.content.decode()


def test_it_gives_404_for_an_unknown_or_foreign_department(org, login):
    foreign = DepartmentFactory(unit=UnitFactory(name="另一家医院"), name="外院科室")
    client = login(org.alice)

    assert client.get(reverse("org:department", args=[999999])).status_code == 404
    assert client.get(reverse("org:department", args=[foreign.pk])).status_code == 404


# ---------------------------------------------------------------- changing 分管


def test_it_lets_the_admin_hand_a_department_to_a_new_leader_keeping_the_history(org, login):
    successor = new_leader(org)
    client = login(org.admin)
    today = timezone.localdate()

    response = client.post(charge_url(org.office), {"leader": successor.pk, "started_on": today.isoformat()},
                           follow=True)

    assert response.status_code == 200
    assert "分管关系已更新，原分管记录已保留。" in response.content.decode()
    charges = list(LeaderCharge.objects.filter(department=org.office).order_by("started_on"))
    assert [(c.leader, c.started_on, c.ended_on) for c in charges] == [
        (org.leo, date(2020, 1, 1), today),
        (successor, today, None),
    ]
    page = client.get(reverse("org:department", args=[org.office.pk]))
    assert [(c.leader, c.ended_on) for c in page.context["charges"]] == [(successor, None), (org.leo, today)]
    html = page.content.decode()
    assert f"<td>李副院长</td><td class=\"mono\">2020-01-01</td><td class=\"mono\">{today:%Y-%m-%d}</td>" in html
    assert "<td>孙副院长</td>" in html and "至今" in html
    assert AuditRecord.objects.filter(action="org.charge.start", kind=AuditKind.PERMISSION).count() == 1
    assert AuditRecord.objects.filter(action="org.charge.end", kind=AuditKind.PERMISSION).count() == 1


@pytest.mark.parametrize("who", ["alice", "dora", "leo", "director", "auditor"])
def test_it_refuses_anyone_but_the_admin_to_change_the_leader(org, login, who):
    successor = new_leader(org)

    response = login(getattr(org, who)).post(
        charge_url(org.office), {"leader": successor.pk, "started_on": timezone.localdate().isoformat()}
    )

    assert response.status_code == 403
    assert [(c.leader, c.ended_on) for c in LeaderCharge.objects.filter(department=org.office)] == [(org.leo, None)]
    assert not AuditRecord.objects.filter(action__startswith="org.charge").exists()


def test_it_only_offers_leaders_in_charge_as_the_new_leader(org, login):
    response = login(org.admin).post(
        charge_url(org.office), {"leader": org.alice.pk, "started_on": timezone.localdate().isoformat()}, follow=True
    )

    assert "选择一个有效的选项" in response.content.decode()
    assert LeaderCharge.objects.filter(department=org.office).count() == 1


def test_it_explains_a_refused_change_in_chinese(org, login):
    response = login(org.admin).post(
        charge_url(org.office), {"leader": org.leo.pk, "started_on": timezone.localdate().isoformat()}, follow=True
    )

    assert "李副院长已分管办公室。" in response.content.decode()
    assert LeaderCharge.objects.filter(department=org.office).count() == 1


def test_it_asks_for_the_start_date(org, login):
    successor = new_leader(org)

    response = login(org.admin).post(charge_url(org.office), {"leader": successor.pk, "started_on": ""}, follow=True)

    assert "请填写起始日期" in response.content.decode()
    assert LeaderCharge.objects.filter(department=org.office).count() == 1


def test_it_refuses_get_on_the_charge_url(org, login):
    assert login(org.admin).get(charge_url(org.office)).status_code == 405
