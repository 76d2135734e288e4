"""Writing and verifying the audit trail. Every action calls ``record`` inside its own transaction."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from zeroerror.audit.crypto import canonical, hmac_sm3
from zeroerror.audit.models import AuditHead, AuditKind, AuditRecord

GENESIS = "0" * 64

# The source address of the current request, set by AuditContextMiddleware.
current_ip: contextvars.ContextVar[str] = contextvars.ContextVar("zeroerror_audit_ip", default="")


class AuditOutsideTransaction(RuntimeError):
    pass


def jsonable(value: Any) -> Any:
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def snapshot(instance: Model, fields: list[str]) -> dict:
    """Field values of ``instance`` as JSON-able data (foreign keys by id)."""
    data = {}
    for name in fields:
        field = instance._meta.get_field(name)
        data[name] = jsonable(getattr(instance, field.attname))
    return data


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for the fields that changed."""
    return {k: [before.get(k), after.get(k)] for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)}


def _actor_name(actor) -> str:
    if actor is None:
        return "系统"
    person = getattr(actor, "person", None) if hasattr(actor, "_state") else None
    if person is not None:
        return person.name
    return actor.get_username()


def record(
    action: str,
    *,
    actor,
    kind: str = AuditKind.CHANGE,
    obj: Model | None = None,
    changes: dict | None = None,
    success: bool = True,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
) -> AuditRecord:
    """Append one record to the chain. Must run inside the transaction of the change it records."""
    if not connection.in_atomic_block:
        raise AuditOutsideTransaction("audit records are written inside the transaction of the change they record")
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:300]
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head = AuditHead.objects.create(pk=1)
    rec = AuditRecord(
        seq=head.seq + 1,
        at=timezone.now(),
        actor=actor if actor is not None and actor.pk else None,
        actor_name=_actor_name(actor) if actor is not None else "系统",
        kind=kind,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        object_repr=object_repr[:300],
        changes=jsonable(changes or {}),
        ip=current_ip.get(),
        success=success,
        prev_hash=head.last_hash,
    )
    rec.hash = compute_hash(rec)
    rec.save(force_insert=True)
    head.seq = rec.seq
    head.last_hash = rec.hash
    head.save(update_fields=["seq", "last_hash"])
    return rec


def record_standalone(action: str, **kwargs) -> AuditRecord:
    """Record an event that is not part of a data change (login, logout, export) in its own transaction."""
    with transaction.atomic():
        return record(action, **kwargs)


def compute_hash(rec: AuditRecord) -> str:
    return hmac_sm3(settings.AUDIT_HMAC_KEY, canonical(rec.hashed_fields()))


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    broken_seq: int | None = None
    reason: str = ""


def verify_chain(batch: int = 2000) -> VerifyResult:
    """Recompute every link; report the first broken one. A deleted tail is found against ``AuditHead``."""
    prev = GENESIS
    expected_seq = 1
    checked = 0
    for rec in AuditRecord.objects.order_by("seq").iterator(chunk_size=batch):
        if rec.seq != expected_seq:
            return VerifyResult(False, checked, expected_seq, f"第 {expected_seq} 条记录缺失（记录被删除）")
        if rec.prev_hash != prev:
            return VerifyResult(False, checked, rec.seq, f"第 {rec.seq} 条记录的前序哈希与上一条不符")
        if compute_hash(rec) != rec.hash:
            return VerifyResult(False, checked, rec.seq, f"第 {rec.seq} 条记录的内容被改动（哈希不符）")
        prev = rec.hash
        expected_seq += 1
        checked += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and (head.seq != checked or head.last_hash != prev):
        return VerifyResult(False, checked, checked + 1, f"链头记录到第 {head.seq} 条，实际只有 {checked} 条（尾部记录被删除）")
    return VerifyResult(True, checked)
