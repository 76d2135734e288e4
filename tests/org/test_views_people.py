"""人员 directory: the list with search and current roles, and one person's page with the role history."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import DepartmentFactory, PersonFactory, UnitFactory, give_role
from tests.pages import assert_shown, page
from zeroerror.org.roles import Role

pytestmark = pytest.mark.django_db

LIST = reverse("org:people")


def detail(person_or_pk):
    return reverse("org:person", args=[getattr(person_or_pk, "pk", person_or_pk)])


@pytest.mark.parametrize("who", ["alice", "charlie", "leo", "principal", "auditor", "admin"])
def test_it_shows_the_directory_to_everyone_in_the_unit(org, login, who):
    response = login(getattr(org, who)).get(LIST)

    assert response.status_code == 200
    assert {p.name for p in response.context["rows"]} == {
        "艾丽", "鲍勃", "查理", "朵拉", "杜主任", "梅科长", "李副院长", "王院长", "袁管理", "曹纪检"}


def test_it_shows_current_roles_but_not_ended_ones(org, login):
    give_role(org.bob, Role.SEAL_KEEPER, started_on=date(2020, 1, 1), ended_on=date(2021, 1, 1))
    give_role(org.bob, Role.FIRST_READER)

    response = login(org.alice).get(LIST)

    bob = next(p for p in response.context["rows"] if p.pk == org.bob.pk)
    assert sorted(a.get_role_display() for a in bob.current_assignments) == ["一般工作人员", "首读人员"]
    assert "印章专管员" not in response.content.decode()


def test_it_leaves_out_people_who_have_left_and_other_units(org, login):
    PersonFactory(department=org.office, name="已离职", active=False)
    PersonFactory(department=DepartmentFactory(unit=UnitFactory(name="另一家医院"), name="外院"), name="外院人员")

    names = {p.name for p in login(org.alice).get(LIST).context["rows"]}

    assert "已离职" not in names and "外院人员" not in names


@pytest.mark.parametrize(
    ("q", "expected"),
    [("艾", {"艾丽"}), ("医务", {"查理", "梅科长"}), ("科员", {"鲍勃"}), ("没有这个人", set())],
)
def test_it_searches_by_name_position_or_department(org, login, q, expected):
    org.bob.position = "科员"
    org.bob.save()

    response = login(org.alice).get(LIST, {"q": q})

    assert {p.name for p in response.context["rows"]} == expected
    if not expected:
        assert "没有找到人员。" in response.content.decode()


def test_it_lists_people_with_a_constant_number_of_queries(org, login):
    client = login(org.alice)
    baseline, _ = page(client, LIST)

    for n in range(10):
        p = PersonFactory(department=org.medical if n % 2 else org.info, name=f"新人{n}")
        give_role(p, Role.STAFF)
        give_role(p, Role.FIRST_READER)

    queries, html = page(client, LIST)
    assert queries <= baseline
    assert_shown(html, [f"新人{n}" for n in range(10)])


def test_it_shows_a_person_with_the_whole_role_history(org, login):
    give_role(org.bob, Role.SEAL_KEEPER, started_on=date(2020, 1, 1), ended_on=date(2021, 3, 1))

    response = login(org.charlie).get(detail(org.bob))

    assert response.status_code == 200
    assert response.context["subject"] == org.bob
    assert {(a.role, a.ended_on) for a in response.context["assignments"]} == {
        (Role.STAFF, None), (Role.SEAL_KEEPER, date(2021, 3, 1))}
    html = response.content.decode()
    assert "印章专管员" in html and "2021-03-01" in html and "bob" in html
    assert "授予角色" not in html and "终止</button>" not in html


def test_it_shows_the_employee_number_finance_keys_pay_by(org, login):
    org.alice.employee_number = "QX0101"
    org.alice.save(update_fields=["employee_number"])
    _, html = page(login(org.bob), detail(org.alice))
    assert "<dt>工号</dt><dd class=\"mono\">QX0101</dd>" in html
    _, html = page(login(org.bob), detail(org.charlie))
    assert "<dt>工号</dt><dd class=\"mono\">—</dd>" in html


def test_it_shows_a_leaders_charges_with_history(org, login):
    response = login(org.alice).get(detail(org.leo))

    assert [(c.department, c.ended_on) for c in response.context["charges"]] == [(org.office, None)]
    assert "分管科室（含历史）" in response.content.decode()


def test_it_offers_the_admin_to_grant_and_end_roles(org, login):
    html = login(org.admin).get(detail(org.bob)).content.decode()

    assert "授予角色" in html
    assert reverse("org:role_end", args=[org.bob.role_assignments.get().pk]) in html


def test_it_gives_404_for_an_unknown_person_or_one_of_another_unit(org, login):
    foreign = PersonFactory(department=DepartmentFactory(unit=UnitFactory(name="另一家医院"), name="外院"))
    client = login(org.alice)

    assert client.get(detail(999999)).status_code == 404
    assert client.get(detail(foreign)).status_code == 404


def test_it_sends_anonymous_visitors_to_the_login_page(org, client):
    for url in (LIST, detail(org.alice)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
