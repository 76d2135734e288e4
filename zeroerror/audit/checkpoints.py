"""Signed checkpoints of the audit chain, kept outside the database.

A checkpoint is ``{seq, last_hash, at}`` with an HMAC-SM3 under the audit key. ``zeroerror tick`` appends one to
``AUDIT_CHECKPOINT_FILE`` (in the data dir, mode 0600, one JSON line each) and sends it to the system log whenever the
chain has moved since the last one, and at least every ``AUDIT_CHECKPOINT_MINUTES`` otherwise. ``audit_verify``
compares the chain against the newest checkpoint: a chain that is shorter than a checkpoint, or whose record at the
checkpoint's number has another hash, has lost records — whoever deleted the newest records and reset the head row
(or emptied the table) cannot also forge the checkpoint without the key, and the system log keeps its own copy.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from zeroerror.audit.crypto import canonical, hmac_sm3
from zeroerror.audit.models import AuditHead, AuditRecord

log = logging.getLogger("zeroerror.audit.checkpoint")


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    last_hash: str
    at: datetime

    def signed_fields(self) -> dict:
        return {"seq": self.seq, "last_hash": self.last_hash, "at": self.at.isoformat()}

    def mac(self) -> str:
        return hmac_sm3(settings.AUDIT_HMAC_KEY, b"audit-checkpoint\x00" + canonical(self.signed_fields()))

    def line(self) -> str:
        return json.dumps({**self.signed_fields(), "mac": self.mac()}, separators=(",", ":"))


class CheckpointError(Exception):
    """The checkpoint file cannot be trusted (a line was altered, or it is unreadable)."""


def path() -> Path:
    return Path(settings.AUDIT_CHECKPOINT_FILE)


def parse(line: str, number: int) -> Checkpoint:
    try:
        data = json.loads(line)
        point = Checkpoint(int(data["seq"]), str(data["last_hash"]), datetime.fromisoformat(data["at"]))
        mac = str(data["mac"])
    except (ValueError, KeyError, TypeError) as exc:
        raise CheckpointError(f"检查点文件第 {number} 行无法读取") from exc
    if point.mac() != mac:
        raise CheckpointError(f"检查点文件第 {number} 行的签名不符（被改动，或审计密钥不是写入时的密钥）")
    return point


def latest() -> Checkpoint | None:
    """The newest checkpoint (every line's signature checked); None when none has been written yet."""
    try:
        text = path().read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CheckpointError(f"无法读取检查点文件 {path()}：{exc}") from exc
    newest = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            point = parse(line, number)
            if newest is not None and point.seq < newest.seq:
                raise CheckpointError(f"检查点文件第 {number} 行的序号比前一行小（文件被改动）")
            newest = point
    return newest


def current() -> Checkpoint:
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        return Checkpoint(0, "0" * 64, timezone.now())
    return Checkpoint(head.seq, head.last_hash, timezone.now())


def write(point: Checkpoint) -> None:
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as out:
        out.write(point.line() + "\n")
    log.warning("zeroerror audit checkpoint %s", point.line())  # WARNING: kept by any syslog configuration


def checkpoint_tick(now: datetime) -> str:
    """The tick task: write a checkpoint when the chain moved, or the last one is older than the interval."""
    point = current()
    try:
        last = latest()
    except CheckpointError as exc:
        log.error("zeroerror audit checkpoint file not trusted: %s", exc)
        last = None
    interval = timedelta(minutes=settings.AUDIT_CHECKPOINT_MINUTES)
    if last is not None and (last.seq, last.last_hash) == (point.seq, point.last_hash) and now - last.at < interval:
        return ""
    write(point)
    return f"审计检查点：第 {point.seq} 条"


def compare(point: Checkpoint | None, checked: int) -> str:
    """Why the chain (already verified link by link, ``checked`` records) contradicts ``point``; "" if it does not."""
    if point is None or point.seq == 0:
        return ""
    if checked < point.seq:
        return (f"检查点（{timezone.localtime(point.at):%Y-%m-%d %H:%M}）记录到第 {point.seq} 条，"
                f"现在只有 {checked} 条：记录被删除")
    at_point = AuditRecord.objects.filter(seq=point.seq).values_list("hash", flat=True).first()
    if at_point != point.last_hash:
        return f"第 {point.seq} 条记录的哈希与检查点不符：记录被替换"
    return ""
