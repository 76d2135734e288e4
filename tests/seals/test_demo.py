"""The 印信管理 demo step: a year of seal use for a forty-person hospital, built once through the actions."""

from django.utils import timezone

from tests.demo_steps import run
from zeroerror.errors.models import Lead
from zeroerror.seals.demo import build_seals
from zeroerror.seals.models import (
    IntroductionLetter,
    LetterheadIssue,
    RefusedUse,
    RequestStatus,
    SafeReturn,
    Seal,
    SealRequest,
    SealUse,
)


def test_it_builds_a_year_of_seal_use_once(db, settings, tmp_path):
    from zeroerror.org.demo import build_org

    settings.DATA_DIR = tmp_path
    run(build_org)
    assert "印信管理：印章3枚" in run(build_seals)
    assert Seal.objects.count() == 3
    uses = SealUse.objects.all()
    assert uses.count() > 200
    months = {timezone.localtime(u.used_at).strftime("%Y-%m") for u in uses}
    assert len(months) >= 12  # the last twelve months, whatever the day the demo runs
    labels = list(uses.order_by("used_at", "year", "number").values_list("year", "number"))
    assert labels == sorted(labels)  # the register's numbers follow the clock
    for year in {y for y, _ in labels}:  # each year's register counts from 1 without a gap
        assert [n for y, n in labels if y == year] == list(range(1, 1 + sum(1 for y, _ in labels if y == year)))
    assert all(timezone.localtime(u.used_at).year == u.year for u in uses)
    assert SafeReturn.objects.count() == uses.count() - 1  # today's use is not yet locked away
    stubs = IntroductionLetter.objects.order_by("number")
    assert [s.number for s in stubs] == list(range(1, stubs.count() + 1))
    assert stubs.filter(spoiled=True).count() == 2
    assert LetterheadIssue.objects.count() > 30
    assert SealRequest.objects.filter(status=RequestStatus.PENDING).count() == 1
    assert SealRequest.objects.filter(status=RequestStatus.APPROVED).count() == 1
    assert RefusedUse.objects.count() == 2 and Lead.objects.filter(clause__code="一(六)2").count() == 2
    assert "已存在" in run(build_seals)
