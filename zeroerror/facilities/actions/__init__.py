"""Write paths of 环境: every change is a ``do_*`` function with its audit record in the same transaction."""

from zeroerror.facilities.actions.places import do_create_place, do_update_place  # noqa: F401
from zeroerror.facilities.actions.rounds import (  # noqa: F401
    do_record_visit,
    do_tick_round,
    generate_rounds,
    mark_missed_rounds,
    run_cleaning_tick,
)
