"""Write paths of 政务接待, one module per domain. Each ``do_*`` runs in one durable transaction, validates before
writing (Chinese messages) and writes its audit record in the same transaction.

- ``reports``: 客情 registration and assignment, arrangement, withdrawal, completion (一(三)1)
- ``plans``: the 接待方案 from a template, its schedule, 报批, approval without gaps and within the standard (一(三)2, 7)
- ``route``: site checks, route changes with the presiding leader's approval, the etiquette report (一(三)3–6)
- ``bills``: the actual bill against the standard, special approvals, the refused attempt as a lead (一(三)7)
- ``archive``: the activity's files, archiving, exports (一(三)8)
- ``standards``: the 接待标准 configuration (一(三)7)
"""

from zeroerror.reception.actions.archive import (
    FILE_PURPOSES,
    archive_due,
    do_archive_report,
    do_file_reception_file,
    do_record_export,
)
from zeroerror.reception.actions.bills import bill_check, do_grant_special_approval, do_record_bill, latest_special
from zeroerror.reception.actions.plans import (
    PLAN_FIELDS,
    do_add_slot,
    do_approve_plan,
    do_draft_plan,
    do_remove_slot,
    do_return_plan,
    do_submit_plan,
    do_update_plan,
    do_update_slot,
    plan_excesses,
    plan_gaps,
)
from zeroerror.reception.actions.reports import (
    REPORT_FIELDS,
    do_arrange_report,
    do_complete_report,
    do_reassign_report,
    do_register_report,
    do_withdraw_report,
)
from zeroerror.reception.actions.route import (
    do_decide_route_change,
    do_record_site_check,
    do_report_etiquette,
    do_request_route_change,
    do_set_etiquette,
)
from zeroerror.reception.actions.standards import STANDARD_FIELDS, do_set_standard

__all__ = [
    "FILE_PURPOSES", "PLAN_FIELDS", "REPORT_FIELDS", "STANDARD_FIELDS",
    "archive_due", "bill_check", "latest_special", "plan_excesses", "plan_gaps",
    "do_add_slot", "do_approve_plan", "do_archive_report", "do_arrange_report", "do_complete_report",
    "do_decide_route_change", "do_draft_plan", "do_file_reception_file", "do_grant_special_approval",
    "do_reassign_report", "do_record_bill", "do_record_export", "do_record_site_check", "do_register_report",
    "do_remove_slot", "do_report_etiquette", "do_request_route_change", "do_return_plan", "do_set_etiquette",
    "do_set_standard", "do_submit_plan", "do_update_plan", "do_update_slot", "do_withdraw_report",
]
