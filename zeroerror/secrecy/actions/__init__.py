"""Write paths of 安全保密: every change is a ``do_*`` function with its audit record in the same transaction."""

from zeroerror.secrecy.actions.carriers import (  # noqa: F401
    do_check_in_item,
    do_check_inventory,
    do_check_out_item,
    do_correct_item,
    do_decide_copy_request,
    do_destroy_item,
    do_record_copies,
    do_register_item,
    do_request_copy,
    remind_inventory,
)
from zeroerror.secrecy.actions.custody import (  # noqa: F401
    do_log_key_use,
    do_log_medium_use,
    do_register_key,
    do_register_medium,
    do_set_key_holders,
    do_set_medium_status,
)
from zeroerror.secrecy.actions.safety import (  # noqa: F401
    do_create_checklist,
    do_record_safety_check,
    generate_safety_rounds,
    mark_missed_safety_rounds,
    run_safety_tick,
)
