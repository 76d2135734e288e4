"""The test unit's seals: the unit seal and the office seal kept by kate (印章专管员, in the office), who also keeps
the letterhead paper; helpers to file and approve seal requests."""

from datetime import date

import pytest

from tests.factories import PersonFactory, give_role
from zeroerror.org.roles import Role
from zeroerror.seals import actions
from zeroerror.seals.models import Appointment, Duty, RequestKind, Seal, SealKind


@pytest.fixture
def seals(org):
    org.kate = PersonFactory(user__username="kate", name="冯专管", department=org.office)
    give_role(org.kate, Role.STAFF)
    give_role(org.kate, Role.SEAL_KEEPER)
    unit_seal = Seal.objects.create(unit=org.unit, name="测试县人民医院公章", kind=SealKind.UNIT)
    office_seal = Seal.objects.create(unit=org.unit, name="测试县人民医院办公室章", kind=SealKind.OFFICE)
    for seal in (unit_seal, office_seal):
        Appointment.objects.create(unit=org.unit, duty=Duty.SEAL, seal=seal, person=org.kate,
                                   started_on=date(2024, 1, 1), appointed_by=org.director)
    Appointment.objects.create(unit=org.unit, duty=Duty.LETTERHEAD, person=org.kate, started_on=date(2024, 1, 1),
                               appointed_by=org.director)
    return type("Seals", (), {"unit": unit_seal, "office": office_seal})


@pytest.fixture
def make_request(org, seals):
    def make(person=None, *, seal=None, document="关于申报2026年度重点专科的请示", copies=3, purpose="报送卫健局",
             kind=RequestKind.DOCUMENT):
        person = person or org.charlie
        return actions.do_submit_seal_request(seal=seal or seals.unit, document=document, copies=copies,
                                              purpose=purpose, kind=kind, actor=person.user)

    return make


@pytest.fixture
def approved(org, make_request):
    def make(person=None, **kw):
        return actions.do_approve_seal_request(make_request(person, **kw), actor=org.director.user)

    return make
