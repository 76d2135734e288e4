"""信息公开 (clauses 一(四)1–4): items to publish with their 保密审查, approval, publication and 撤稿; and the
依申请公开 register."""

from zeroerror.disclosure.models.items import (
    Channel,
    DisclosureItem,
    ItemStatus,
    Openness,
    Publication,
    SecrecyReview,
    Withdrawal,
    WithdrawalKind,
)
from zeroerror.disclosure.models.requests import DisclosureRequest, RequestMethod, RequestOutcome, RequestStatus

__all__ = [
    "Channel", "DisclosureItem", "DisclosureRequest", "ItemStatus", "Openness", "Publication", "RequestOutcome",
    "RequestMethod", "RequestStatus", "SecrecyReview", "Withdrawal", "WithdrawalKind",
]
