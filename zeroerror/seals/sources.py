"""What 印信管理 tells ``tracking.sources``: the safe-return item of a use is seen through the register row; a
lead from a refused use through the refused attempt; notifications about a request through the request."""

from __future__ import annotations

from zeroerror.seals import access
from zeroerror.seals.models import RefusedUse, SealRequest, SealUse
from zeroerror.tracking import sources


def register_sources() -> None:
    sources.register(SealUse, visible=access.visible_uses, url=access.use_url, label=lambda u: f"用印登记 {u.label}")
    sources.register(SealRequest, visible=access.visible_requests, url=access.request_url,
                     label=lambda r: f"用印申请：{r.document}")
    sources.register(RefusedUse, visible=access.visible_refused, url=lambda a: access.request_url(a.request),
                     label=lambda a: f"用印登记被拒绝：{a.seal.name}")
