"""政务接待 (clauses 一(三)1–8): 客情, 接待方案 and its schedule, site checks, route changes, etiquette, standards and
bills. 公务用车 (一(三)9) is the separate app ``zeroerror.vehicles``."""

from .guests import OPEN_STATUSES, GuestReport, ReportStatus
from .plans import (
    ChangeKind,
    ChangeStatus,
    EtiquetteItem,
    PlanStatus,
    ReceptionPlan,
    RouteChange,
    SiteCheck,
    Slot,
)
from .standards import Bill, OverStandardAttempt, ReceptionStandard, SpecialApproval

__all__ = [
    "OPEN_STATUSES", "Bill", "ChangeKind", "ChangeStatus", "EtiquetteItem", "GuestReport", "OverStandardAttempt",
    "PlanStatus", "ReceptionPlan", "ReceptionStandard", "ReportStatus", "RouteChange", "SiteCheck", "Slot",
    "SpecialApproval",
]
