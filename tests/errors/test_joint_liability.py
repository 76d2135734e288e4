"""The 科室负责人 whose staff erred and the 分管领导 with joint liability are told, see their own amount and measure,
and may appeal their own liability — which, upheld, lifts theirs and leaves the error standing (issue 9 defect 6)."""

from datetime import date
from decimal import Decimal

import pytest

from zeroerror.errors import actions
from zeroerror.errors.models import LeadStatus, LedgerEntry, Liability, MeasureRecord
from zeroerror.tracking.models import Notification

pytestmark = pytest.mark.django_db
YEAR = date.today().year - 1


@pytest.fixture
def second_serious(team, make_lead, confirm):
    """Two serious errors in the office: the second costs leo (分管领导) 300; dora is the head held accountable."""
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 3, 1)), "serious", on=date(YEAR, 3, 2))
    return confirm(make_lead(team.bob, occurred_on=date(YEAR, 3, 1)), "serious", on=date(YEAR, 3, 3))


@pytest.mark.clause("二.2(3)")
def test_the_leader_and_the_head_are_notified_of_their_own_amount_and_measure(team, second_serious, login):
    lead = second_serious
    told = Notification.objects.get(recipient=team.leo, title__contains="鲍勃")
    assert "分管领导连带责任" in told.body and "300.00" in told.body and "申诉" in told.body
    assert told.url == f"/errors/{lead.pk}/"
    head = Notification.objects.get(recipient=team.dora, title__contains="鲍勃")
    assert "科室负责人责任" in head.body and "不扣罚绩效" in head.body
    page = login(team.leo).get("/errors/mine/").content.decode()
    assert "鲍勃" in page and "300.00" in page and "分管领导连带责任" in page
    page = login(team.dora).get("/errors/mine/").content.decode()
    assert "鲍勃" in page and "科室负责人责任" in page
    # told once: recomputing the ledger does not repeat it
    actions.do_recompute_ledger(YEAR, actor=team.perfstaff.user)
    assert Notification.objects.filter(recipient=team.leo, title__contains="鲍勃").count() == 1


@pytest.mark.clause("二.2(3)")
def test_the_leader_appeals_his_own_joint_liability_and_the_error_stands(team, second_serious, login):
    lead = second_serious
    client = login(team.leo)
    assert "申诉（分管领导连带责任）" in client.get(f"/errors/{lead.pk}/").content.decode()
    client.post(f"/errors/{lead.pk}/appeal/", {"reasons": "该科室当月已调整分管"})
    appeal = lead.appeals.get()
    assert (appeal.appellant, appeal.liability) == (team.leo, Liability.LEADER)
    login(team.perfhead).post(f"/errors/appeals/{appeal.pk}/decide/", {"upheld": "1", "reasons": "分管调整属实"})
    lead.refresh_from_db()
    assert lead.status == LeadStatus.CONFIRMED  # bob's error stands
    assert LedgerEntry.objects.active().filter(person=team.bob, error=lead).exists()
    assert not LedgerEntry.objects.active().filter(person=team.leo, error=lead).exists()
    assert not MeasureRecord.objects.active().filter(person=team.leo, error=lead).exists()
    assert "申诉成立" in client.get(f"/errors/{lead.pk}/").content.decode()


@pytest.mark.clause("二.1")
def test_the_head_appeals_being_held_accountable(team, second_serious):
    lead = second_serious
    appeal = actions.do_file_appeal(lead, reasons="当日休假", actor=team.dora.user)
    assert appeal.liability == Liability.DEPARTMENT_HEAD
    actions.do_decide_appeal(appeal, upheld=True, reasons="休假属实", actor=team.perfhead.user)
    assert not MeasureRecord.objects.active().filter(person=team.dora, error=lead).exists()
    assert LedgerEntry.objects.active().get(person=team.leo, error=lead).amount == Decimal("300.00")


def test_a_colleague_has_nothing_to_appeal(team, second_serious):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="只有该差错的责任人和负连带责任的人员可以申诉"):
        actions.do_file_appeal(second_serious, reasons="路见不平", actor=team.alice.user)
    assert not second_serious.appeals.exists()
