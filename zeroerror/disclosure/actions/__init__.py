"""Write paths of 信息公开: every state change is a ``do_*`` function with its audit record."""

from zeroerror.disclosure.actions.exports import do_record_report_export
from zeroerror.disclosure.actions.items import (
    do_approve_item,
    do_create_item,
    do_publish_item,
    do_return_item,
    do_review_item,
    do_submit_item,
    do_update_item,
    do_withdraw_item,
    proofreading_errors,
    screen_item,
)
from zeroerror.disclosure.actions.requests import do_answer_request, do_extend_request, do_register_request

__all__ = [
    "do_answer_request", "do_approve_item", "do_create_item", "do_extend_request", "do_publish_item",
    "do_record_report_export", "do_register_request", "do_return_item", "do_review_item", "do_submit_item",
    "do_update_item", "do_withdraw_item", "proofreading_errors", "screen_item",
]
