from decimal import Decimal

from django.core.management import call_command

from zeroerror.errors.models import (
    EntryKind,
    Inspection,
    InspectionStatus,
    Lead,
    LeadStatus,
    LedgerEntry,
    LedgerMonth,
    MeasureRecord,
    PendingDeduction,
)


def test_the_demo_year_exercises_the_rules_of_part_two(db, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.DATA_DIR = tmp_path
    with django_capture_on_commit_callbacks(execute=True):  # the overdue signal is sent after commit
        call_command("demo")
    assert set(LedgerMonth.objects.closed_months()) == {f"2026-{m:02d}" for m in range(1, 10)}
    active = LedgerEntry.objects.active()
    # the third 一般差错 costs 20% of June's pay (4200) and bars 郑晓 from the awards
    assert active.get(person__name="郑晓", month="2026-06").amount == Decimal("840.00")
    assert MeasureRecord.objects.active().filter(person__name="郑晓", code="award_disqualified").exists()
    # the upheld appeal reverses closed months in October
    october = active.filter(month="2026-10", kind=EntryKind.ADJUSTMENT)
    assert sorted(e.amount for e in october) == [Decimal("-300.00"), Decimal("-200.00"), Decimal("-100.00")]
    assert Lead.objects.filter(status=LeadStatus.OVERTURNED).count() == 1
    # the meeting's decision on a March error is posted in April
    assert active.get(person__name="何静").month == "2026-04"
    assert PendingDeduction.objects.active().get().person.name == "高婷"
    assert Lead.objects.filter(channel="system", status=LeadStatus.PROPOSED).exists()
    # the November internal inspection: its two failed items are leads of the inspection channel
    inspection = Inspection.objects.get()
    assert inspection.status == InspectionStatus.COMPLETED and inspection.items.count() == 8
    assert sorted(inspection.items.exclude(lead=None).values_list("lead__person__name", flat=True)) == ["郑晓", "高婷"]
    leads = Lead.objects.count()  # the other areas' demo steps propose leads of their own (refused attempts)
    call_command("demo")
    assert Lead.objects.count() == leads  # a second run adds nothing
    assert Inspection.objects.count() == 1
