"""Budget-vs-actual (预算执行) per line per month, read for one person: the lines they may see, in two queries."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractMonth

from zeroerror.finance import access
from zeroerror.finance.chart import LineFigures
from zeroerror.finance.models import BudgetLine, Expense, ExpenseStatus
from zeroerror.finance.rules import money, monthly_series


def budget_vs_actual(person, year: int) -> tuple[list[BudgetLine], list[LineFigures]]:
    lines = list(access.visible_lines(person).of_year(year).approved().with_adjustment().select_related("department")
                 .order_by("category", "name", "id"))
    sums = (Expense.objects.filter(line__in=[line.pk for line in lines], status=ExpenseStatus.RECORDED)
            .annotate(month=ExtractMonth("spent_on")).values("line_id", "month").annotate(total=Sum("amount"))
            .order_by())
    by_line: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    for row in sums:
        by_line[row["line_id"]].append((row["month"], row["total"]))
    figures = [LineFigures(name=line.name, category=line.get_category_display(), budget=line.amount,
                           months=monthly_series(by_line[line.pk]), adjusted=money(line.adjusted)) for line in lines]
    return lines, figures


def expense_rows(person, year: int) -> list[list]:
    """The recorded expenses of ``year`` for the .xlsx detail sheet."""
    rows = []
    qs = (access.visible_expenses(person).of_year(year).recorded().with_related().order_by("spent_on", "id"))
    for e in qs:
        special = "、".join(label for flag, label in ((e.over_budget, "超预算"), (e.over_standard, "超标准")) if flag)
        rows.append([e.spent_on, e.line.name, e.standard.name, e.description, e.quantity, e.amount,
                     e.requested_by.name, special, e.decided_by.name if e.decided_by else ""])
    return rows


def line_figures(line: BudgetLine) -> LineFigures:
    """One line's monthly figures and its approved adjustments (the line's page: whoever may see the line sees all
    its expenses' sums)."""
    rows = (Expense.objects.filter(line=line, status=ExpenseStatus.RECORDED)
            .annotate(month=ExtractMonth("spent_on")).values("month").annotate(total=Sum("amount")).order_by())
    return LineFigures(name=line.name, category=line.get_category_display(), budget=line.amount,
                       months=monthly_series([(r["month"], r["total"]) for r in rows]),
                       adjusted=money(BudgetLine.objects.filter(pk=line.pk).with_adjustment().get().adjusted))
