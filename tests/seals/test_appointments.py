"""印章应明确专人管理 (一(六)1): the office director names each seal's custodian, dated; the history stays."""

from datetime import date

import pytest

from tests.refusals import refused
from zeroerror.seals import access, actions
from zeroerror.seals.models import Appointment, Duty, SealKind


@pytest.mark.clause("一(六)1")
def test_a_new_custodian_ends_the_previous_appointment(org, seals):
    appointment = actions.do_appoint_keeper(unit=org.unit, duty=Duty.SEAL, seal=seals.unit, person=org.bob,
                                            started_on=date(2026, 3, 1), actor=org.director.user)
    assert appointment.appointed_by == org.director
    old = Appointment.objects.get(seal=seals.unit, person=org.kate)
    assert old.ended_on == date(2026, 3, 1)
    assert access.custodian_of(seals.unit, date(2026, 2, 28)) == org.kate
    assert access.custodian_of(seals.unit, date(2026, 3, 1)) == org.bob


@pytest.mark.clause("一(六)1")
@pytest.mark.parametrize("who", ["alice", "kate", "principal"])
def test_only_the_office_director_appoints(org, seals, who):
    with refused("印章和信笺的专管人员由办公室主任指定。"):
        actions.do_appoint_keeper(unit=org.unit, duty=Duty.SEAL, seal=seals.unit, person=org.bob,
                                  started_on=date(2026, 3, 1), actor=getattr(org, who).user)


def test_an_outsider_cannot_keep_a_seal(org, seals, other_unit):
    with refused("专管人员须为本单位在职人员。"):
        actions.do_appoint_keeper(unit=org.unit, duty=Duty.SEAL, seal=seals.unit, person=other_unit.staff,
                                  started_on=date(2026, 3, 1), actor=org.director.user)


def test_an_appointment_cannot_predate_the_current_one(org, seals):
    with refused("冯专管自2024-01-01起任职，新的任命须晚于该日期。"):
        actions.do_appoint_keeper(unit=org.unit, duty=Duty.SEAL, seal=seals.unit, person=org.bob,
                                  started_on=date(2023, 3, 1), actor=org.director.user)


def test_seals_are_registered_by_the_office_management(org):
    seal = actions.do_create_seal(unit=org.unit, name="电子公章", kind=SealKind.ELECTRONIC, location="CA介质",
                                  actor=org.director.user)
    assert seal.kind == SealKind.ELECTRONIC
    with refused("只有办公室主任、副主任可以登记印章。"):
        actions.do_create_seal(unit=org.unit, name="财务章", kind=SealKind.UNIT, actor=org.alice.user)
