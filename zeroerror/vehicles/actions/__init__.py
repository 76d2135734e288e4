"""Write paths of 公务用车 (clause 一(三)9): every ``do_*`` is one durable transaction with its audit record."""

from zeroerror.vehicles.actions.costs import do_record_cost, do_reverse_cost
from zeroerror.vehicles.actions.fleet import (
    do_create_provider,
    do_create_vehicle,
    do_update_provider,
    do_update_vehicle,
)
from zeroerror.vehicles.actions.seals import (
    do_open_sealing_round,
    do_seal_vehicle,
    do_unseal_vehicle,
    plan_sealing,
)
from zeroerror.vehicles.actions.trips import (
    do_cancel_trip,
    do_correct_reading,
    do_decide_trip,
    do_depart_trip,
    do_log_trip,
    do_request_trip,
    do_return_trip,
)

__all__ = ["do_cancel_trip", "do_correct_reading", "do_create_provider", "do_create_vehicle", "do_decide_trip",
           "do_depart_trip", "do_log_trip", "do_request_trip", "do_return_trip", "do_update_provider",
           "do_update_vehicle", "do_record_cost", "do_reverse_cost", "do_open_sealing_round", "do_seal_vehicle",
           "do_unseal_vehicle", "plan_sealing"]
