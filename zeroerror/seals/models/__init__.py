"""印信管理 (clauses 一(六)1–7): seals and their custodians, seal requests, the 用印登记簿, introduction letters
from numbered stub books, and the issue of letterhead paper.

- ``seals``: seals, dated appointments of custodians (and of the letterhead keeper), seal requests
- ``register``: the 用印登记簿 (append-only), the safe-return confirmations, refused attempts
- ``letters``: introduction-letter books and their stubs, letterhead issues
"""

from zeroerror.seals.models.letters import IntroductionLetter, LetterBook, LetterheadIssue, LetterheadKind
from zeroerror.seals.models.register import RefusedUse, SafeReturn, SealUse, SealUseKind
from zeroerror.seals.models.seals import Appointment, Duty, RequestKind, RequestStatus, Seal, SealKind, SealRequest

__all__ = [
    "Appointment", "Duty", "IntroductionLetter", "LetterBook", "LetterheadIssue", "LetterheadKind", "RefusedUse",
    "RequestKind", "RequestStatus", "SafeReturn", "Seal", "SealKind", "SealRequest", "SealUse", "SealUseKind",
]
