"""The 安全保密 demo steps: a year of the registers and of the 防火防盗 rounds, built once through the actions."""

from django.utils import timezone

from tests.demo_steps import run
from zeroerror.errors.models import Lead
from zeroerror.secrecy.demo import build_secrecy
from zeroerror.secrecy.demo_safety import HAZARDS, build_safety
from zeroerror.secrecy.models import ClassifiedItem, KeyUse, MediumUse, SafetyChecklist, SafetyRound, SafetyRoundStatus
from zeroerror.tracking.models import TrackedItem


def test_it_builds_a_year_of_registers_and_safety_rounds_once(db, settings, tmp_path):
    from zeroerror.org.demo import build_org

    settings.DATA_DIR = tmp_path
    run(build_org)
    assert "涉密载体" in run(build_secrecy)
    assert ClassifiedItem.objects.count() >= 50 and MediumUse.objects.count() >= 150 and KeyUse.objects.count() > 150
    assert "防火防盗检查：检查表 3 张" in run(build_safety)
    assert SafetyChecklist.objects.count() == 3
    rounds = SafetyRound.objects.all()
    assert rounds.count() > 450  # two daily checklists on every working day, one weekly
    months = {timezone.localtime(r.starts_at).strftime("%Y-%m") for r in rounds}
    assert len(months) >= 12
    done = rounds.filter(status=SafetyRoundStatus.DONE)
    assert done.count() > 0.95 * rounds.exclude(status=SafetyRoundStatus.PENDING).count()
    assert all(r.done_by_id and r.done_at and len(r.results) == len(r.checklist.items) for r in done[:50])
    assert sum(1 for r in done if r.hazards) == len(HAZARDS)
    assert Lead.objects.filter(clause__code="一(七)6").count() == len(HAZARDS)
    assert TrackedItem.objects.filter(clause_id="一(七)6").exists()
    counts = (ClassifiedItem.objects.count(), SafetyRound.objects.count(), Lead.objects.count(),
              TrackedItem.objects.count())
    assert "已存在" in run(build_secrecy) and "已存在" in run(build_safety)
    assert counts == (ClassifiedItem.objects.count(), SafetyRound.objects.count(), Lead.objects.count(),
                      TrackedItem.objects.count())
