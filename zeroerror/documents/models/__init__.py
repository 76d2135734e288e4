"""公文处理: 发文 (outgoing) and 收文 (incoming) documents, the gap-free 文号 register, 批示, the route of a
classified document and the 流转记录 timeline.

State changes happen only in :mod:`zeroerror.documents.actions`; these models hold data and named queries.
Split by domain: :mod:`.common` (shared queries and 密级 fields), :mod:`.outgoing` (发文, 会签, 分发),
:mod:`.incoming` (收文, 批示, 传阅), :mod:`.numbers` (发文字号) and :mod:`.route` (流转范围, 流转记录).
"""

from zeroerror.documents.models.common import (  # noqa: F401
    LEADER_ROLES,
    ClassifiedMixin,
    DocumentQuerySet,
)
from zeroerror.documents.models.incoming import (  # noqa: F401
    INCOMING_CLOSED_OUT,
    Circulation,
    IncomingDocument,
    IncomingQuerySet,
    IncomingStatus,
    Instruction,
)
from zeroerror.documents.models.limits import (  # noqa: F401
    TimeLimitVersion,
    TimeLimitVersionQuerySet,
)
from zeroerror.documents.models.numbers import (  # noqa: F401
    AgencyCode,
    AgencyCodeQuerySet,
    DocumentNumber,
    DocumentNumberQuerySet,
    DocumentNumberSequence,
    NumberStatus,
)
from zeroerror.documents.models.outgoing import (  # noqa: F401
    Countersign,
    Distribution,
    DistributionQuerySet,
    OutgoingDocument,
    OutgoingQuerySet,
    OutgoingStatus,
)
from zeroerror.documents.models.route import (  # noqa: F401
    FlowEvent,
    RouteEntry,
)
from zeroerror.documents.models.senders import (  # noqa: F401
    SenderOrgan,
    SenderOrganQuerySet,
)
