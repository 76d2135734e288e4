"""What 财务管理 tells ``tracking.sources``: a lead proposed from a refused expense, and a notification about a
budget line or an expense, are seen exactly by those who may see the refusal, the line or the expense."""

from __future__ import annotations

from zeroerror.finance import access
from zeroerror.finance.models import BudgetLine, Expense, ExpenseRefusal
from zeroerror.tracking import sources


def register_sources() -> None:
    sources.register(BudgetLine, visible=access.visible_lines, url=access.line_url, label=lambda line: str(line))
    sources.register(Expense, visible=access.visible_expenses, url=access.expense_url,
                     label=lambda e: f"支出：{e.description}")
    sources.register(ExpenseRefusal, visible=access.visible_refusals, url=lambda r: access.refusals_url(),
                     label=lambda r: f"被拒绝的支出：{r.description}")
