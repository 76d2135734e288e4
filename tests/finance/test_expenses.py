"""Recording expenses against approved budget lines and standards; special approval; refusals (一(五)1–3)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.factories import give_role, put_in_charge
from tests.finance.conftest import refused_and_reported, reload, today
from tests.refusals import refused
from zeroerror.errors.models import Lead
from zeroerror.finance import actions
from zeroerror.finance.models import Expense, ExpenseRefusal, ExpenseStatus
from zeroerror.org.roles import Role

OVER_STANDARD = ("超出开支标准：三类会议综合定额每人·天 ¥450.00，10 人·天应不超过 ¥4,500.00，本次 ¥5,000.00。"
                 "超标准支出须经分管领导特批。")


@pytest.mark.clause("一(五)1")
def test_it_records_an_expense_within_budget_and_standard(org, books, spend):
    expense = spend()
    assert expense.status == ExpenseStatus.RECORDED
    assert (expense.amount, expense.requested_by, expense.needs_special) == (Decimal("3000.00"), org.alice, False)
    assert actions.spent(books.meetings) == Decimal("3000.00")


@pytest.mark.clause("一(五)1")
def test_it_refuses_an_expense_with_no_budget_line(org, books, spend):
    with refused("请选择经批准的预算项目：无预算不得支出。"):
        spend(line=None)


@pytest.mark.clause("一(五)1")
def test_it_refuses_an_expense_against_a_line_not_yet_approved(org, books, spend):
    line = actions.do_propose_budget_line(year=books.year, department=org.office, category="meetings",
                                          name="培训会议费", amount="8000", actor=org.director.user)
    with refused("预算项目“培训会议费”未经批准，不得列支。"):
        spend(line=line)


@pytest.mark.clause("一(五)1")
def test_it_refuses_a_standard_outside_the_lines_scope_and_a_retired_one(org, books, spend):
    with refused("开支标准“定点外印（黑白）”属于印刷费，不在预算项目“办公室会议费”（会议费）的开支范围内。"):
        spend(standard=books.s_outside)
    actions.do_retire_standard(books.s_meeting, "2027年起执行新标准", actor=org.director.user)
    with refused("开支标准“三类会议综合定额”未经批准或已停用，不得列支。"):
        spend(standard=reload(books.s_meeting))
    with refused("请选择经批准的开支范围和标准。"):
        spend(standard=None)


@pytest.mark.parametrize("amount, message", [
    ("99999999999999999999", "金额过大：不能超过 ¥9,999,999,999.99。"),
    ("12.345", "金额最多保留两位小数（到分）。"),
    ("三千", "金额须为数字，如 1200 或 1200.50。"),
    ("-1", "金额不能为负数。"),
])
def test_it_refuses_amounts_a_user_may_type_with_a_message(org, books, spend, amount, message):
    with refused(message):
        spend(amount=amount)


def test_it_refuses_dates_outside_the_budget_year_and_in_the_future(org, books, spend):
    with refused(f"支出日期须在预算年度（{books.year}年）内。"):
        spend(spent_on=today().replace(year=books.year - 1))
    with refused("支出日期不能晚于今天。"):
        spend(spent_on=today() + timedelta(days=1))


def test_only_office_staff_record_expenses(org, books, spend):
    with refused("只有办公室工作人员可以登记支出。"):
        spend(actor=org.charlie.user)


@pytest.mark.clause("一(五)1")
def test_over_the_standard_without_approval_is_refused_and_proposed_as_a_lead(org, books, spend):
    with refused_and_reported(OVER_STANDARD):
        spend(amount="5000")
    assert not Expense.objects.exists()
    refusal = ExpenseRefusal.objects.get()
    assert (refusal.person, refusal.amount, refusal.clause_id, refusal.message) == (
        org.alice, Decimal("5000.00"), "一(五)1", OVER_STANDARD)
    lead = Lead.objects.get()
    assert (lead.clause.code, lead.person, lead.status) == ("一(五)1", org.alice, "proposed")
    assert "季度工作例会会务费" in lead.description and OVER_STANDARD in lead.description


@pytest.mark.clause("一(五)1")
def test_over_the_remaining_budget_without_approval_is_refused_and_proposed_as_a_lead(org, books, spend):
    spend(amount="4500", quantity=10)
    spend(amount="4500", quantity=10)
    spend(amount="4500", quantity=10)
    spend(amount="4500", quantity=10)  # 18000 of 20000 spent
    with refused_and_reported("超出预算：预算项目“办公室会议费”剩余 ¥2,000.00，本次支出 ¥3,000.00，超出 ¥1,000.00。"
                              "超预算支出须经主要领导特批。"):
        spend(amount="3000")
    assert actions.spent(books.meetings) == Decimal("18000.00")


@pytest.mark.clause("一(五)1")
def test_over_the_standard_with_a_reason_waits_for_the_leader_in_charge(org, books, spend):
    expense = spend(amount="5000", special_reason="会期延长半天，含场地布置费")
    assert expense.status == ExpenseStatus.PENDING and expense.over_standard and not expense.over_budget
    assert actions.spent(books.meetings) == Decimal("0.00")  # not spent until approved
    with refused("超标准支出须经主要领导或分管该科室的领导特批。"):
        actions.do_approve_expense(expense, actor=org.director.user)
    actions.do_approve_expense(expense, "同意", actor=org.leo.user)
    expense = reload(expense)
    assert (expense.status, expense.decided_by, expense.decision_note) == (ExpenseStatus.RECORDED, org.leo, "同意")
    assert actions.spent(books.meetings) == Decimal("5000.00")
    assert not Lead.objects.exists()


@pytest.mark.clause("一(五)1")
def test_over_the_budget_needs_the_principal_leader(org, books, spend):
    big = spend(amount="9000", quantity=20)
    spend(amount="9000", quantity=20)  # 18000 of 20000
    expense = spend(amount="4000", quantity=10, special_reason="年底全院工作会议")
    assert expense.over_budget and not expense.over_standard
    with refused("超出预算的支出须经主要领导特批。"):
        actions.do_approve_expense(expense, actor=org.leo.user)
    actions.do_approve_expense(expense, actor=org.principal.user)
    assert reload(expense).status == ExpenseStatus.RECORDED
    assert actions.spent(books.meetings) == Decimal("22000.00")
    assert big.status == ExpenseStatus.RECORDED


@pytest.mark.clause("一(五)1")
def test_approval_checks_the_budget_again(org, books, spend):
    """An over-standard request became over-budget meanwhile: the leader in charge can no longer approve it."""
    expense = spend(amount="5000", special_reason="会期延长")
    spend(amount="4500", quantity=10, actor=org.bob.user)
    spend(amount="4500", quantity=10, actor=org.bob.user)
    spend(amount="4500", quantity=10, actor=org.bob.user)  # 13500 spent, 6500 left: 5000 still fits
    spend(amount="2000", quantity=10, actor=org.bob.user)  # 15500 spent, 4500 left: 5000 no longer fits
    with refused("超出预算的支出须经主要领导特批。"):
        actions.do_approve_expense(expense, actor=org.leo.user)
    actions.do_approve_expense(expense, actor=org.principal.user)
    expense = reload(expense)
    assert expense.over_budget and expense.over_standard


@pytest.mark.clause("一(五)1")
def test_no_one_approves_an_expense_they_handled(org, books, spend):
    """An office member who is also a leader in charge of the office records, and may not approve, their own."""
    deputy = org.dora
    give_role(deputy, Role.LEADER_IN_CHARGE)
    put_in_charge(deputy, org.office)
    expense = spend(amount="5000", special_reason="会期延长", actor=deputy.user)
    with refused("不能特批本人经办的支出。"):
        actions.do_approve_expense(expense, actor=deputy.user)


def test_a_rejected_request_is_not_spent_and_needs_a_reason(org, books, spend):
    expense = spend(amount="5000", special_reason="会期延长")
    with refused("请填写特批意见。"):
        actions.do_reject_expense(expense, "", actor=org.leo.user)
    actions.do_reject_expense(expense, "按标准执行", actor=org.leo.user)
    assert reload(expense).status == ExpenseStatus.REJECTED
    with refused("只有待特批的支出可以审批。"):
        actions.do_approve_expense(expense, actor=org.leo.user)
    assert actions.spent(books.meetings) == Decimal("0.00")


def test_a_withdrawn_expense_stays_with_its_reason_and_frees_the_budget(org, books, spend):
    expense = spend()
    with refused("只有经办人或办公室主任、副主任可以撤销支出。"):
        actions.do_withdraw_expense(expense, "重复登记", actor=org.bob.user)
    actions.do_withdraw_expense(expense, "重复登记", actor=org.alice.user)
    expense = reload(expense)
    assert (expense.status, expense.withdrawn_reason, expense.withdrawn_by) == (
        ExpenseStatus.WITHDRAWN, "重复登记", org.alice)
    assert actions.spent(books.meetings) == Decimal("0.00")


@pytest.mark.clause("一(五)2")
def test_a_reception_expense_names_its_letter_and_list(org, books, spend):
    with refused(actions.NO_RECEPTION_REF):
        spend(line=books.reception, standard=books.s_reception, amount="860", quantity=1)
    expense = spend(line=books.reception, standard=books.s_reception, amount="860", quantity=1,
                    reception_ref="公函〔2026〕12号 / 接待清单 JD-2026-031")
    assert expense.reception_ref == "公函〔2026〕12号 / 接待清单 JD-2026-031"


@pytest.mark.clause("一(五)3")
def test_printing_in_house_by_default_and_outside_only_at_a_designated_shop(org, books, spend):
    printing = {"line": books.printing, "description": "年度工作报告印制", "quantity": 2000}
    with refused("请选择印制方式（内部打印复印或定点外印）。"):
        spend(standard=books.s_copies, amount="200", **printing)
    in_house = spend(standard=books.s_copies, amount="200", print_mode="in_house", **printing)
    assert (in_house.print_mode, in_house.print_shop) == ("in_house", None)
    with refused("外印须说明理由（打字原则上自己完成，复印材料使用办公室配备设备）。"):
        spend(standard=books.s_outside, amount="600", print_mode="outside", print_shop=books.shop, **printing)
    outside = spend(standard=books.s_outside, amount="600", print_mode="outside", print_shop=books.shop,
                    outside_reason="胶装成册，办公室无装订设备", **printing)
    assert (outside.print_shop, outside.outside_reason) == (books.shop, "胶装成册，办公室无装订设备")


@pytest.mark.clause("一(五)3")
def test_outside_printing_at_a_shop_that_is_not_designated_is_refused_and_proposed_as_a_lead(org, books, spend):
    printing = {"line": books.printing, "standard": books.s_outside, "description": "宣传册印制",
                "quantity": 1000, "amount": "300", "print_mode": "outside", "outside_reason": "急用"}
    message = "外印只能到具有政府采购资格的定点打印店：该打印店不是本单位在支出日期有效的定点打印店。"
    with refused_and_reported(message):
        spend(other_shop="街口快印店", **printing)
    assert Lead.objects.get().clause.code == "一(五)3"
    actions.do_deactivate_print_shop(books.shop, "定点资格到期", actor=org.director.user)
    with pytest.raises(ValidationError) as exc:
        spend(print_shop=reload(books.shop), **printing)
    assert exc.value.messages == [message]
    assert ExpenseRefusal.objects.count() == 2 and not Expense.objects.exists()
