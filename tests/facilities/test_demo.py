"""The 环境 demo step: a year of cleaning rounds for the hospital's rooms and leaders' offices, built once."""

from django.utils import timezone

from tests.demo_steps import run
from zeroerror.facilities.demo import build_facilities
from zeroerror.facilities.models import CleaningRound, Place, RoundKind, RoundStatus
from zeroerror.tracking.models import TrackedItem


def test_it_builds_a_year_of_cleaning_rounds_once(db, settings, tmp_path):
    from zeroerror.meetings.demo import build_meetings
    from zeroerror.org.demo import build_org

    settings.DATA_DIR = tmp_path
    run(build_org)
    run(build_meetings)
    assert "保洁场所" in run(build_facilities)
    assert Place.objects.filter(kind="leader_office").count() == 4
    rounds = CleaningRound.objects.all()
    assert rounds.count() > 2000  # every room daily, leaders' offices twice a day, on every working day
    assert len({timezone.localtime(r.starts_at).strftime("%Y-%m") for r in rounds.only("starts_at")}) >= 12
    assert rounds.filter(kind=RoundKind.AFTER_MEETING).exists()
    assert rounds.filter(status=RoundStatus.DONE, late=True).exists()
    assert TrackedItem.objects.filter(area="facilities").exists()
    counts = (CleaningRound.objects.count(), TrackedItem.objects.count())
    assert "已存在" in run(build_facilities)
    assert counts == (CleaningRound.objects.count(), TrackedItem.objects.count())
