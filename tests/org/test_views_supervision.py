"""零差错工作督查考核小组 page: 组长, 副组长, 成员 with their dates, 绩效办 in overall charge."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import PersonFactory, give_role
from zeroerror.org.roles import Role

pytestmark = pytest.mark.django_db

URL = reverse("org:supervision")


@pytest.fixture
def group(org):
    performance = PersonFactory(department=org.leaders, name="绩效主任")
    give_role(performance, Role.PERFORMANCE_HEAD)
    leader = PersonFactory(department=org.leaders, name="组长甲", rank=10)
    deputy = PersonFactory(department=org.office, name="副组长乙", rank=20)
    member = PersonFactory(department=org.medical, name="成员丙", rank=30)
    former = PersonFactory(department=org.info, name="前成员丁", rank=5)
    give_role(member, Role.SUPERVISION_MEMBER, started_on=date(2024, 3, 1))
    give_role(leader, Role.SUPERVISION_LEADER, started_on=date(2024, 1, 1))
    give_role(former, Role.SUPERVISION_MEMBER, started_on=date(2022, 1, 1), ended_on=date(2024, 1, 1))
    give_role(deputy, Role.SUPERVISION_DEPUTY, started_on=date(2024, 2, 1))
    return performance


@pytest.mark.parametrize("who", ["alice", "charlie", "auditor"])
def test_it_lists_leader_deputy_and_members_with_dates(org, group, login, who):
    response = login(getattr(org, who)).get(URL)

    assert response.status_code == 200
    rows = [(a.person.name, a.get_role_display(), a.started_on, a.ended_on) for a in response.context["rows"]]
    assert rows == [
        ("组长甲", "督查考核小组组长", date(2024, 1, 1), None),
        ("副组长乙", "督查考核小组副组长", date(2024, 2, 1), None),
        ("成员丙", "督查考核小组成员", date(2024, 3, 1), None),
        ("前成员丁", "督查考核小组成员", date(2022, 1, 1), date(2024, 1, 1)),
    ]
    html = response.content.decode()
    assert html.index("组长甲") < html.index("副组长乙") < html.index("成员丙") < html.index("前成员丁")
    assert "2024-02-01" in html and "2024-01-01" in html
    assert "绩效主任（院领导）" in html


def test_it_says_when_the_group_has_not_been_formed(org, login):
    html = login(org.alice).get(URL).content.decode()

    assert "尚未组建督查考核小组。" in html
    assert "绩效办负责人：未设置" in html
