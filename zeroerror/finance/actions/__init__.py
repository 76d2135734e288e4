"""Write paths of 财务管理. Each ``do_*`` runs in one durable transaction, validates before writing (Chinese
messages) and writes its audit record in the same transaction.

- ``budget``: budget lines, spending standards, designated print shops (一(五)1, 3)
- ``adjustments``: 调整预算, a recorded and approved change of a line's amount (一(五)1)
- ``expenses``: recording expenses, their special approval, withdrawal, refused attempts (一(五)1–3)
"""

from zeroerror.finance.actions.adjustments import (
    do_approve_adjustment,
    do_propose_adjustment,
    do_reject_adjustment,
)
from zeroerror.finance.actions.budget import (
    do_approve_budget_line,
    do_approve_standard,
    do_deactivate_print_shop,
    do_propose_budget_line,
    do_propose_standard,
    do_record_report_export,
    do_register_print_shop,
    do_reject_budget_line,
    do_reject_standard,
    do_retire_standard,
)
from zeroerror.finance.actions.expenses import (
    NO_LINE,
    NO_RECEPTION_REF,
    NO_STANDARD,
    do_approve_expense,
    do_record_expense,
    do_reject_expense,
    do_withdraw_expense,
    findings_for,
    spent,
)

__all__ = [
    "NO_LINE", "NO_RECEPTION_REF", "NO_STANDARD", "findings_for", "spent",
    "do_approve_adjustment", "do_propose_adjustment", "do_reject_adjustment",
    "do_approve_budget_line", "do_approve_expense", "do_approve_standard", "do_deactivate_print_shop",
    "do_propose_budget_line", "do_propose_standard", "do_record_expense", "do_record_report_export", "do_register_print_shop",
    "do_reject_budget_line", "do_reject_expense", "do_reject_standard", "do_retire_standard",
    "do_withdraw_expense",
]
