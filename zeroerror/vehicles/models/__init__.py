"""公务用车 (clause 一(三)9): the fleet and its providers, trips, holiday sealing, costs."""

from zeroerror.vehicles.models.costs import DESIGNATED_KINDS, Cost, CostKind
from zeroerror.vehicles.models.fleet import (
    ODOMETER_MAX,
    OdometerReading,
    Provider,
    ProviderKind,
    ReadingKind,
    Vehicle,
)
from zeroerror.vehicles.models.seals import Seal, SealingRound
from zeroerror.vehicles.models.trips import CLAUSE, DRIVEN, Trip, TripStatus

__all__ = ["CLAUSE", "DESIGNATED_KINDS", "DRIVEN", "ODOMETER_MAX", "Cost", "CostKind", "OdometerReading", "Provider",
           "ProviderKind", "ReadingKind", "Seal", "SealingRound", "Trip", "TripStatus", "Vehicle"]
