"""Write paths of 政务接待, one module per domain. Each ``do_*`` runs in one durable transaction, validates before
writing (Chinese messages) and writes its audit record in the same transaction.

- ``reports``: 客情 registration and assignment, arrangement, withdrawal, completion (一(三)1)
- ``standards``: the 接待标准 configuration (一(三)7)
"""

from zeroerror.reception.actions.reports import (
    REPORT_FIELDS,
    do_arrange_report,
    do_complete_report,
    do_reassign_report,
    do_register_report,
    do_withdraw_report,
)
from zeroerror.reception.actions.standards import STANDARD_FIELDS, do_set_standard

__all__ = [
    "REPORT_FIELDS", "STANDARD_FIELDS",
    "do_arrange_report", "do_complete_report", "do_reassign_report", "do_register_report", "do_set_standard",
    "do_withdraw_report",
]
