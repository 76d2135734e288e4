"""调整预算 (一(五)1): an approved line's amount changes only by a recorded adjustment with its reason, approved by
the right leader (an increase only by the principal leader), never below what has been recorded against the line;
the budget-vs-actual figures show the budget as first approved, the adjustment and the budget as adjusted."""

from decimal import Decimal

import pytest

from tests.factories import give_role, put_in_charge
from tests.finance.conftest import refused_and_reported, reload
from tests.refusals import refused
from zeroerror.audit.models import AuditRecord
from zeroerror.finance import actions
from zeroerror.finance.models import ApprovalStatus, ExpenseStatus
from zeroerror.finance.reports import budget_vs_actual
from zeroerror.org.roles import Role


def adjust(org, line, new_amount, reason="县卫健局追加会议经费（青卫财〔2026〕12号）", actor=None):
    return actions.do_propose_adjustment(line, new_amount=new_amount, reason=reason,
                                         actor=(actor or org.alice).user)


def figures_of(org, year, name):
    _lines, figures = budget_vs_actual(org.director, year)
    return next(f for f in figures if f.name == name)


@pytest.mark.clause("一(五)1")
def test_an_increase_is_approved_by_the_principal_and_the_report_shows_the_original_and_the_change(org, books):
    adjustment = adjust(org, books.meetings, "26000")
    assert (adjustment.status, adjustment.amount_before, adjustment.new_amount) == (
        ApprovalStatus.PENDING, Decimal("20000.00"), Decimal("26000.00"))
    assert reload(books.meetings).amount == Decimal("20000.00")  # nothing changes before the approval
    with refused("调增预算须经主要领导审批。"):
        actions.do_approve_adjustment(adjustment, actor=org.leo.user)
    actions.do_approve_adjustment(adjustment, "同意追加", actor=org.principal.user)
    assert reload(books.meetings).amount == Decimal("26000.00")
    adjustment = reload(adjustment)
    assert (adjustment.status, adjustment.decided_by, adjustment.decision_note) == (
        ApprovalStatus.APPROVED, org.principal, "同意追加")
    fig = figures_of(org, books.year, "办公室会议费")
    assert (fig.original, fig.adjusted, fig.budget) == (Decimal("20000.00"), Decimal("6000.00"), Decimal("26000.00"))
    audit = AuditRecord.objects.filter(action__startswith="finance.line.adjust").order_by("id")
    assert [a.action for a in audit] == ["finance.line.adjust.propose", "finance.line.adjust",
                                         "finance.line.adjust.approve"]
    assert audit[1].changes["amount"] == ["20000.00", "26000.00"]


@pytest.mark.clause("一(五)1")
def test_the_remaining_budget_follows_the_approved_adjustment(org, books, spend):
    spend(amount="19000", quantity=50)
    with refused_and_reported("超出预算：预算项目“办公室会议费”剩余 ¥1,000.00，本次支出 ¥3,000.00，超出 ¥2,000.00。"
                              "超预算支出须经主要领导特批。"):
        spend(amount="3000")
    actions.do_approve_adjustment(adjust(org, books.meetings, "25000"), actor=org.principal.user)
    assert spend(amount="3000").status == ExpenseStatus.RECORDED


@pytest.mark.clause("一(五)1")
def test_a_decrease_goes_to_the_leader_in_charge_and_never_below_what_was_spent(org, books, spend):
    spend(amount="3000")
    with refused("调整后预算（¥2,000.00）不能低于已列支金额（¥3,000.00）。"):
        adjust(org, books.meetings, "2000")
    adjustment = adjust(org, books.meetings, "4000", reason="年中压减一般性支出")
    spend(amount="1500", quantity=5)  # recorded while the adjustment waits
    with refused("调整后预算（¥4,000.00）不能低于已列支金额（¥4,500.00）。"):
        actions.do_approve_adjustment(adjustment, actor=org.leo.user)
    actions.do_reject_adjustment(adjustment, "支出已超过调整后金额，请重新提出", actor=org.leo.user)
    assert reload(books.meetings).amount == Decimal("20000.00")
    actions.do_approve_adjustment(adjust(org, books.meetings, "15000"), actor=org.leo.user)
    line = reload(books.meetings)
    assert line.amount == Decimal("15000.00")
    assert [(a.status, a.new_amount) for a in line.adjustments.order_by("id")] == [
        (ApprovalStatus.REJECTED, Decimal("4000.00")), (ApprovalStatus.APPROVED, Decimal("15000.00"))]
    assert figures_of(org, books.year, "办公室会议费").adjusted == Decimal("-5000.00")


@pytest.mark.clause("一(五)1")
def test_no_one_approves_their_own_adjustment(org, books):
    give_role(org.director, Role.LEADER_IN_CHARGE)
    put_in_charge(org.director, org.office)
    adjustment = adjust(org, books.meetings, "18000", actor=org.director)
    with refused("不能审批本人提出的预算调整。"):
        actions.do_approve_adjustment(adjustment, actor=org.director.user)


@pytest.mark.parametrize("new_amount, reason, message", [
    ("0", "压减", "调整后预算须大于零。"),
    ("二万", "压减", "调整后预算须为数字，如 1200 或 1200.50。"),
    ("1" * 30, "追加", "调整后预算过大：不能超过 ¥9,999,999,999.99。"),
    ("20000", "不变", "调整后预算与现预算（¥20,000.00）相同。"),
    ("25000", "   ", "请填写调整原因。"),
])
def test_bad_input_for_an_adjustment_is_refused_and_nothing_changes(org, books, new_amount, reason, message):
    with refused(message):
        adjust(org, books.meetings, new_amount, reason=reason)


def test_only_the_office_adjusts_approved_lines_one_pending_change_at_a_time(org, books):
    with refused("只有办公室工作人员可以提出预算调整。"):
        adjust(org, books.meetings, "25000", actor=org.charlie)
    pending = actions.do_propose_budget_line(year=books.year, department=org.office, category="travel",
                                             name="差旅费", amount="800", actor=org.director.user)
    with refused("只有经批准的预算项目可以调整；未批准的请重新编制。"):
        adjust(org, pending, "900")
    adjustment = adjust(org, books.meetings, "25000")
    with refused("该预算项目已有待审批的调整，请等审批后再提出。"):
        adjust(org, books.meetings, "24000")
    with refused("请填写审批意见。"):
        actions.do_reject_adjustment(adjustment, "", actor=org.principal.user)
    actions.do_reject_adjustment(adjustment, "不同意追加", actor=org.principal.user)
    with refused("只有待审批的预算调整可以审批。"):
        actions.do_approve_adjustment(adjustment, actor=org.principal.user)
