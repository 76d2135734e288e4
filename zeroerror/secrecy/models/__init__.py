"""安全保密 (clauses 一(七)1–6): registers of 涉密载体, removable media, electronic seals and keys, and the
recurring fire and theft safety checks. The application keeps 密级 markings and registers — never the classified
content itself. Registers are append-only: nothing is deleted; a correction is a new explained event."""

from zeroerror.secrecy.models.carriers import (  # noqa: F401
    Classification,
    ClassifiedItem,
    CopyRequest,
    CopyRequestStatus,
    InventoryCheck,
    ItemEvent,
    ItemEventKind,
    ItemKind,
    ItemStatus,
)
from zeroerror.secrecy.models.custody import (  # noqa: F401
    KeyItem,
    KeyKind,
    KeyUse,
    Medium,
    MediumIncident,
    MediumKind,
    MediumStatus,
    MediumUse,
    Network,
)
from zeroerror.secrecy.models.safety import (  # noqa: F401
    DEFAULT_ITEMS,
    Frequency,
    SafetyChecklist,
    SafetyRound,
    SafetyRoundStatus,
)
