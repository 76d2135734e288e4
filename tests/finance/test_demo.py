"""The 财务管理 demo step: this year's lines and standards, a year of expenses within them, one approved special case
and one refused over-standard attempt with its lead."""

from datetime import date

import pytest
from django.utils import timezone

from tests.demo_steps import run
from zeroerror.errors.models import Lead
from zeroerror.finance.actions import spent
from zeroerror.finance.demo import build_finance
from zeroerror.finance.models import (
    ApprovalStatus,
    BudgetAdjustment,
    BudgetLine,
    Expense,
    ExpenseRefusal,
    ExpenseStatus,
)


@pytest.mark.clause("一(五)1")
def test_it_builds_the_books_once(db, settings, tmp_path):
    from zeroerror.org.demo import build_org

    settings.DATA_DIR = tmp_path
    run(build_org)
    said = run(build_finance)
    assert "1 笔超标准支出被拒绝：超出开支标准" in said
    lines = BudgetLine.objects.all()
    assert lines.count() == 7 and not lines.exclude(status=ApprovalStatus.APPROVED).exists()
    for line in lines:
        assert spent(line) <= line.amount, line.name
    assert Expense.objects.recorded().count() > 100
    special = Expense.objects.get(over_standard=True)
    assert (special.status, special.decided_by.name, special.requested_by.name) == (
        ExpenseStatus.RECORDED, "李文华", "许强")
    refusal = ExpenseRefusal.objects.get()
    assert refusal.person.name == "高婷" and refusal.clause_id == "一(五)1"
    assert Lead.objects.get(person=refusal.person).clause.code == "一(五)1"
    assert Expense.objects.filter(print_mode="outside", print_shop__isnull=False).exists()
    adjustment = BudgetAdjustment.objects.get()
    assert (adjustment.status, adjustment.line.name, adjustment.change, adjustment.decided_by.name) == (
        ApprovalStatus.APPROVED, "办公室培训费", 5000, "王建国")
    year_start = min(timezone.localdate(), date(timezone.localdate().year, 1, 2))
    assert {timezone.localdate(line.decided_at) for line in lines} == {year_start}  # approved when the year began
    assert timezone.localdate(adjustment.decided_at) == min(timezone.localdate(), date(year_start.year, 6, 15))
    assert "已存在" in run(build_finance)
