"""factory_boy factories for the platform's models."""

from datetime import date

import factory
from django.contrib.auth import get_user_model

from zeroerror.org.models import Department, LeaderCharge, Person, RoleAssignment, Unit

PASSWORD = "Test-Password-123"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("name",)

    name = "测试县人民医院"
    short_name = "测试医院"
    code = "测医发"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("unit", "name")

    unit = factory.SubFactory(UnitFactory)
    name = factory.Sequence(lambda n: f"科室{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password(PASSWORD)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    user = factory.SubFactory(UserFactory)
    unit = factory.SelfAttribute("department.unit")
    department = factory.SubFactory(DepartmentFactory)
    name = factory.Sequence(lambda n: f"人员{n}")


def give_role(person, role, *, department=None, started_on=date(2020, 1, 1), ended_on=None):
    return RoleAssignment.objects.create(
        person=person, role=role, department=department, started_on=started_on, ended_on=ended_on
    )


def put_in_charge(leader, department, *, started_on=date(2020, 1, 1), ended_on=None):
    return LeaderCharge.objects.create(leader=leader, department=department, started_on=started_on, ended_on=ended_on)
