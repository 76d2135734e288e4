"""The 政务接待 demo step: standards, a year of receptions and the coming fortnight's at every stage."""

from tests.demo_steps import run
from tests.refusals import nothing_changes
from zeroerror.errors.models import Lead
from zeroerror.reception.demo import build_reception
from zeroerror.reception.models import (
    ChangeStatus,
    GuestReport,
    OverStandardAttempt,
    PlanStatus,
    ReceptionPlan,
    ReceptionStandard,
    RouteChange,
)


def test_it_builds_a_year_of_receptions_once(db, settings, tmp_path):
    from zeroerror.org.demo import build_org

    settings.DATA_DIR = tmp_path
    run(build_org)
    assert "过去一年的接待" in run(build_reception)
    assert ReceptionStandard.objects.count() == 3
    assert GuestReport.objects.count() >= 30
    assert ReceptionPlan.objects.filter(status=PlanStatus.APPROVED).count() >= 10
    assert ReceptionPlan.objects.filter(status=PlanStatus.PENDING).count() == 1
    assert RouteChange.objects.get().status == ChangeStatus.PENDING
    attempt = OverStandardAttempt.objects.get()
    assert Lead.objects.for_source(attempt).get().clause.code == "一(三)7"
    with nothing_changes():  # a second demo run adds nothing
        assert "已存在" in run(build_reception)
