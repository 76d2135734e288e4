"""Write paths of 印信管理. Each ``do_*`` runs in one durable transaction, validates before writing (Chinese
messages) and writes its audit record in the same transaction.

- ``seals``: seals and the custodians' dated appointments (一(六)1, 7)
- ``requests``: seal requests and their approval by the 办公室主任 (一(六)2, 5)
- ``register``: the 用印登记簿, refused attempts, safe-return confirmations, corrections (一(六)2, 3, 4, 6)
- ``letters``: introduction letters from numbered stub books, letterhead paper (一(六)4, 5, 7)
"""

from zeroerror.seals.actions.letters import (
    do_issue_letter,
    do_issue_letterhead,
    do_open_letter_book,
    do_spoil_letter,
)
from zeroerror.seals.actions.register import (
    CONTENT_NOT_CONFIRMED,
    PHOTO_PURPOSE,
    do_confirm_safe_return,
    do_correct_seal_use,
    do_record_seal_use,
)
from zeroerror.seals.actions.requests import (
    do_approve_seal_request,
    do_reject_seal_request,
    do_submit_seal_request,
    do_withdraw_seal_request,
)
from zeroerror.seals.actions.seals import do_appoint_keeper, do_create_seal

__all__ = [
    "CONTENT_NOT_CONFIRMED", "PHOTO_PURPOSE", "do_appoint_keeper", "do_approve_seal_request",
    "do_confirm_safe_return", "do_correct_seal_use", "do_create_seal", "do_issue_letter", "do_issue_letterhead",
    "do_open_letter_book", "do_record_seal_use", "do_reject_seal_request", "do_spoil_letter",
    "do_submit_seal_request", "do_withdraw_seal_request",
]
