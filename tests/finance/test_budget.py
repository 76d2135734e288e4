"""Budget lines and spending standards: proposed by the office, approved by the right leader, never by the
proposer (一(五)1)."""

from decimal import Decimal

import pytest

from tests.factories import give_role, put_in_charge
from tests.finance.conftest import reload
from tests.refusals import refused
from zeroerror.finance import actions
from zeroerror.finance.models import ApprovalStatus
from zeroerror.org.roles import Role


def propose(org, **kw):
    data = {"year": 2026, "department": org.office, "category": "printing", "name": "办公室印刷费",
            "amount": "5000", "actor": org.director.user}
    data.update(kw)
    return actions.do_propose_budget_line(**data)


@pytest.mark.clause("一(五)1")
def test_a_line_is_proposed_by_the_office_and_approved_by_the_leader_in_charge(org):
    line = propose(org)
    assert (line.status, line.amount, line.proposed_by) == (ApprovalStatus.PENDING, Decimal("5000.00"), org.director)
    with refused("预算项目须经主要领导或分管该科室的领导审批。"):
        actions.do_approve_budget_line(line, actor=org.medhead.user)
    actions.do_approve_budget_line(line, "同意", actor=org.leo.user)
    line = reload(line)
    assert (line.status, line.decided_by) == (ApprovalStatus.APPROVED, org.leo)
    with refused("只有待审批的预算项目可以审批。"):
        actions.do_reject_budget_line(line, "x", actor=org.principal.user)


@pytest.mark.clause("一(五)1")
def test_no_one_approves_a_line_they_proposed(org):
    give_role(org.director, Role.LEADER_IN_CHARGE)
    put_in_charge(org.director, org.office)
    line = propose(org)
    with refused("不能审批本人提出的预算项目。"):
        actions.do_approve_budget_line(line, actor=org.director.user)


@pytest.mark.parametrize("kw, message", [
    ({"year": "0"}, "预算年度须在 2000 至 2100 年之间。"),
    ({"year": "9999"}, "预算年度须在 2000 至 2100 年之间。"),
    ({"year": "二〇二六"}, "预算年度须为四位年份，如 2026。"),
    ({"amount": "1" * 30}, "预算金额过大：不能超过 ¥9,999,999,999.99。"),
    ({"amount": "0"}, "预算金额须大于零。"),
    ({"name": "  "}, "请填写预算项目名称。"),
    ({"category": "yachts"}, "请选择支出类别。"),
    ({"department": None}, "请选择本单位的归口科室。"),
])
def test_bad_input_for_a_line_is_refused_with_a_message(org, kw, message):
    with refused(message):
        propose(org, **kw)


def test_only_the_office_proposes_lines_and_names_are_unique_per_year(org):
    with refused("只有办公室工作人员可以编制预算项目。"):
        propose(org, actor=org.charlie.user)
    propose(org)
    with refused("2026年已有预算项目“办公室印刷费”。"):
        propose(org, amount="100")
    propose(org, year=2027)


def test_a_line_of_another_unit_department_is_refused(org, other_unit):
    with refused("请选择本单位的归口科室。"):
        propose(org, department=other_unit.office)


@pytest.mark.clause("一(五)1")
def test_a_standard_is_approved_by_a_leader_and_retired_not_deleted(org):
    standard = actions.do_propose_standard(category="meetings", name="三类会议综合定额", cap="450", per="人·天",
                                           actor=org.alice.user)
    with refused("开支标准须经主要领导或分管办公室的领导审批。"):
        actions.do_approve_standard(standard, actor=org.medhead.user)
    with refused("已有开支标准“三类会议综合定额”；修改标准请先停用原标准。"):
        actions.do_propose_standard(category="meetings", name="三类会议综合定额", cap="500", per="人·天",
                                    actor=org.alice.user)
    actions.do_approve_standard(standard, actor=org.principal.user)
    actions.do_retire_standard(standard, "执行新标准", actor=org.director.user)
    standard = reload(standard)
    assert (standard.status, standard.decision_note, standard.cap) == (
        ApprovalStatus.RETIRED, "执行新标准", Decimal("450.00"))
    renewed = actions.do_propose_standard(category="meetings", name="三类会议综合定额", cap="500", per="人·天",
                                          actor=org.alice.user)
    assert renewed.pk != standard.pk


@pytest.mark.parametrize("cap, message", [("abc", "限额须为数字，如 1200 或 1200.50。"),
                                          ("1" * 20, "限额过大：不能超过 ¥9,999,999,999.99。")])
def test_bad_caps_are_refused(org, cap, message):
    with refused(message):
        actions.do_propose_standard(category="meetings", name="会议", cap=cap, per="人·天", actor=org.alice.user)


def test_print_shop_dates_are_checked(org):
    from datetime import date

    with refused("定点截止日期不能早于起始日期。"):
        actions.do_register_print_shop(name="图文店", procurement_ref="X-1", valid_from=date(2026, 6, 1),
                                       valid_until=date(2026, 1, 1), actor=org.alice.user)
    with refused("只有办公室工作人员可以登记定点打印店。"):
        actions.do_register_print_shop(name="图文店", procurement_ref="X-1", valid_from=date(2026, 1, 1),
                                       valid_until=date(2026, 12, 31), actor=org.charlie.user)
