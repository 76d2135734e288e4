"""保密期限届满 (clause 一(一)3): the tick task that tells the keepers of a classified document."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.documents import access
from zeroerror.documents.actions.common import _event, label, notify_about
from zeroerror.documents.models import IncomingDocument, OutgoingDocument


def _notice_expiry(model, pk: int, now: datetime) -> bool:
    with transaction.atomic(durable=True):
        won = model.objects.filter(pk=pk, secrecy_expiry_noticed_at__isnull=True).update(secrecy_expiry_noticed_at=now)
        if not won:
            return False  # another tick got there first
        doc = model.objects.get(pk=pk)
        keepers = [e.person for e in doc.route.select_related("person__department")
                   if access.is_office(e.person) or e.reason in ("拟稿", "签收", "登记")]
        text = f"{doc.classification_text}已于{doc.secrecy_expires_on:%Y-%m-%d}届满，请按规定审核是否解密或延长。"
        notify_about(doc, keepers, f"保密期限届满：{label(doc)}", text)
        _event(doc, "保密期限届满", None, text)
        record("documents.secrecy_expired", actor=None, kind=AuditKind.SYSTEM, obj=doc,
               changes={"expires_on": doc.secrecy_expires_on})
        return True


def notice_secrecy_expiry(now: datetime | None = None) -> str:
    """Tick task (clause 一(一)3): tell the keepers of a classified document once its 保密期限 has run out."""
    now = now or timezone.now()
    count = 0
    for model in (OutgoingDocument, IncomingDocument):
        pending = model.objects.secrecy_expired(timezone.localdate(now)).filter(secrecy_expiry_noticed_at__isnull=True)
        for pk in list(pending.values_list("pk", flat=True)):
            count += _notice_expiry(model, pk, now)
    return f"保密期限届满提醒 {count} 件"
