"""Leads → confirmation → ledger posting → close month → adjustment after an upheld appeal."""

from datetime import date
from decimal import Decimal

import pytest

from tests.refusals import refused
from zeroerror.errors import actions
from zeroerror.errors.models import EntryKind, LeadStatus, LedgerEntry, MeasureRecord, PendingDeduction, PerformancePay
from zeroerror.tracking.models import TrackedItem

pytestmark = pytest.mark.django_db
YEAR = date.today().year - 1  # every month of last year is in the past


def day(month, d=5):
    return date(YEAR, month, d)


def totals(person, month):
    return sum((e.amount for e in LedgerEntry.objects.active().filter(person=person, month=month)), Decimal("0"))


@pytest.mark.clause("二.2(1)")
def test_it_posts_the_first_general_error_of_staff_at_50_and_orders_a_reminder_talk(team, make_lead, confirm):
    lead = make_lead(occurred_on=day(1, 1))
    confirm(lead, on=day(1, 10))

    entry = LedgerEntry.objects.active().get()
    assert (entry.person, entry.month, entry.amount, entry.kind) == (team.alice, f"{YEAR}-01", Decimal("50.00"),
                                                                     EntryKind.ORIGINAL)
    assert entry.basis["ordinal"] == 1 and entry.basis["tier"] == "staff" and entry.basis["error_clause"] == "一(一)4"
    talk = MeasureRecord.objects.get(code="reminder_talk")
    assert talk.tracked_item.owner == team.dora  # her 科室负责人 talks to the person (issue 9 defect 5)
    assert MeasureRecord.objects.filter(code="department_head_accountable", person=team.dora).exists()


@pytest.mark.clause("二.2(1)")
def test_it_uses_the_director_tier_on_the_confirmation_date(team, make_lead, confirm):
    confirm(make_lead(team.director, occurred_on=day(2, 1)), on=day(2, 10))
    assert LedgerEntry.objects.active().get(person=team.director).amount == Decimal("100.00")


@pytest.mark.clause("二.2(2)", "二.2(3)")
def test_it_holds_the_leader_in_charge_jointly_for_serious_errors(team, make_lead, confirm):
    confirm(make_lead(occurred_on=day(3, 1)), "serious", on=day(3, 2))
    confirm(make_lead(team.bob, occurred_on=day(3, 1)), "serious", on=day(3, 3))

    assert totals(team.alice, f"{YEAR}-03") == Decimal("100.00")
    assert totals(team.leo, f"{YEAR}-03") == Decimal("300.00")  # 2nd serious error in his charge, staff's
    assert MeasureRecord.objects.get(person=team.leo, code="leader_verbal_reminder").tracked_item.owner == team.principal


@pytest.mark.clause("二.3")
def test_it_adjusts_a_closed_month_in_the_next_open_month_after_an_upheld_appeal(team, make_lead, confirm):
    lead = confirm(make_lead(occurred_on=day(1, 1)), on=day(1, 10))
    actions.do_close_month(f"{YEAR}-01", actor=team.perfstaff.user)
    appeal = actions.do_file_appeal(lead, reasons="文件是按领导要求暂缓的", actor=team.alice.user)

    actions.do_decide_appeal(appeal, upheld=True, reasons="查明系领导要求暂缓", actor=team.perfhead.user)

    lead.refresh_from_db()
    assert lead.status == LeadStatus.OVERTURNED
    original = LedgerEntry.objects.active().get(month=f"{YEAR}-01")
    assert original.amount == Decimal("50.00")  # the closed month is untouched
    adjustment = LedgerEntry.objects.active().get(month=f"{YEAR}-02")
    assert adjustment.amount == Decimal("-50.00") and adjustment.kind == EntryKind.ADJUSTMENT
    assert "冲回" in adjustment.explanation
    assert MeasureRecord.objects.active().filter(error=lead).count() == 0
    assert not TrackedItem.objects.active().filter(title__contains="提醒谈话").exists()
    # recomputing again changes nothing
    actions.do_recompute_ledger(YEAR, actor=team.perfstaff.user)
    assert LedgerEntry.objects.active().count() == 2


@pytest.mark.clause("二.3")
def test_it_replaces_open_month_entries_without_deleting_them(team, make_lead, confirm):
    first = confirm(make_lead(occurred_on=day(4, 1)), on=day(4, 2))
    confirm(make_lead(occurred_on=day(4, 1)), on=day(4, 3))
    assert totals(team.alice, f"{YEAR}-04") == Decimal("150.00")
    appeal = actions.do_file_appeal(first, reasons="非本人经办", actor=team.alice.user)
    actions.do_decide_appeal(appeal, upheld=True, reasons="属实", actor=team.perfhead.user)

    assert totals(team.alice, f"{YEAR}-04") == Decimal("50.00")  # the second error is now the first
    assert LedgerEntry.objects.filter(superseded_at__isnull=False).exists()
    assert not LedgerEntry.objects.active().filter(kind=EntryKind.ADJUSTMENT).exists()


@pytest.mark.clause("二.2")
def test_it_prices_an_undetermined_error_after_the_presidents_meeting(team, make_lead, confirm):
    lead = confirm(make_lead(occurred_on=day(5, 1)), "undetermined", on=day(5, 6))
    assert not LedgerEntry.objects.active().exists()
    assert PendingDeduction.objects.active().get().reason == "severity_undetermined"

    actions.do_decide_severity(lead, severity="serious", meeting_date=day(5, 20), decision="院长办公会议研究认定为严重差错",
                               actor=team.perfhead.user)

    assert LedgerEntry.objects.active().get(person=team.alice).amount == Decimal("100.00")
    assert not PendingDeduction.objects.active().exists()


@pytest.mark.clause("二.2(1)")
def test_it_keeps_the_third_general_error_pending_until_the_monthly_pay_is_known(team, make_lead, confirm):
    for d in (1, 2, 3):
        confirm(make_lead(occurred_on=day(6, 1)), on=day(6, d))
    pending = PendingDeduction.objects.active().get()
    assert pending.reason == "monthly_pay_missing"
    PerformancePay.objects.create(person=team.alice, month=f"{YEAR}-06", amount=Decimal("4000.00"))

    actions.do_recompute_ledger(YEAR, actor=team.perfstaff.user)

    assert totals(team.alice, f"{YEAR}-06") == Decimal("950.00")  # 50 + 100 + 20% of 4000
    assert not PendingDeduction.objects.active().exists()


def test_it_refuses_to_close_a_month_twice_or_a_future_month(team):
    actions.do_close_month(f"{YEAR}-01", actor=team.perfstaff.user)
    with refused(f"{YEAR}-01 已关账。"):
        actions.do_close_month(f"{YEAR}-01", actor=team.perfstaff.user)
    with refused("不能关闭尚未到来的月份。"):
        actions.do_close_month(f"{date.today().year + 1}-01", actor=team.perfstaff.user)


@pytest.mark.clause("二.2(1)")
def test_an_upheld_appeal_cancels_the_measures_it_had_ordered(team, make_lead, confirm):
    from zeroerror.tracking.models import ItemStatus

    lead = confirm(make_lead(occurred_on=day(6, 1)), on=day(6, 2))
    talk = MeasureRecord.objects.get(code="reminder_talk")
    assert talk.tracked_item.status == ItemStatus.OPEN
    appeal = actions.do_file_appeal(lead, reasons="非本人经办", actor=team.alice.user)
    actions.do_decide_appeal(appeal, upheld=True, reasons="属实", actor=team.perfhead.user)
    talk.tracked_item.refresh_from_db()
    assert talk.tracked_item.status == ItemStatus.CANCELLED
    assert "本措施取消" in talk.tracked_item.done_note


def test_a_recompute_leaves_unchanged_entries_alone(team, make_lead, confirm):
    confirm(make_lead(occurred_on=day(7, 1)), on=day(7, 2))
    first = LedgerEntry.objects.active().get()
    confirm(make_lead(team.bob, occurred_on=day(7, 1)), on=day(7, 3))
    first.refresh_from_db()
    assert first.superseded_at is None
    assert LedgerEntry.objects.count() == 2
