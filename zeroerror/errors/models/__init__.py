"""差错考核: leads (差错线索) and the errors they become, appeals, and the 绩效扣罚台账 (ledger)."""

from zeroerror.errors.models.anonymity import (  # noqa: F401
    AnonymousSubmission,
    SealedIdentity,
    SubmissionKind,
)
from zeroerror.errors.models.evidence import EvidenceSeal  # noqa: F401
from zeroerror.errors.models.inspections import (  # noqa: F401
    Inspection,
    InspectionItem,
    InspectionStatus,
    ItemResult,
)
from zeroerror.errors.models.leads import (  # noqa: F401
    Appeal,
    AppealDecision,
    Channel,
    DecisionNotice,
    Lead,
    LeadEvent,
    LeadStatus,
    Liability,
    Route,
    Severity,
)
from zeroerror.errors.models.ledger import (  # noqa: F401
    EntryKind,
    LedgerEntry,
    LedgerMonth,
    MeasureRecord,
    PendingDeduction,
    PerformancePay,
)
