"""Signed checkpoints outside the database: deleting the newest records (and resetting the head row) or every record
no longer passes audit_verify."""

import json
import logging
import os
import stat
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests.audit.test_trail import _drop_triggers, _write
from zeroerror.audit.models import AuditHead, AuditRecord


def tick():
    call_command("tick", stdout=open(os.devnull, "w"))  # noqa: SIM115


def lines():
    return [json.loads(x) for x in Path(settings.AUDIT_CHECKPOINT_FILE).read_text().splitlines()]


def delete_newest(n):
    """Delete the newest ``n`` records and point the head row at the new last one, as a DBA could."""
    _drop_triggers()
    keep = AuditRecord.objects.order_by("-seq")[n]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditrecord WHERE seq > %s", [keep.seq])
    AuditHead.objects.filter(pk=1).update(seq=keep.seq, last_hash=keep.hash)


def test_tick_writes_a_signed_checkpoint_to_a_private_file_and_the_system_log(db, caplog):
    _write(3)
    with caplog.at_level(logging.WARNING, logger="zeroerror.audit.checkpoint"):
        tick()
    head = AuditHead.objects.get(pk=1)
    [point] = lines()
    assert (point["seq"], point["last_hash"]) == (head.seq, head.last_hash) and len(point["mac"]) == 64
    assert stat.S_IMODE(os.stat(settings.AUDIT_CHECKPOINT_FILE).st_mode) == 0o600
    assert f'"seq":{head.seq}' in caplog.text
    tick()  # nothing moved and the interval has not passed: no new line
    assert len(lines()) == 1
    _write(1)
    tick()
    assert [p["seq"] for p in lines()] == [head.seq, head.seq + 1]


def test_audit_verify_reports_the_newest_records_deleted_and_the_head_reset(db):
    _write(5)
    tick()
    call_command("audit_verify", stdout=open(os.devnull, "w"))  # noqa: SIM115
    delete_newest(2)
    count = AuditRecord.objects.count()
    with pytest.raises(CommandError, match=f"记录到第 {count + 2} 条，现在只有 {count} 条：记录被删除"):
        call_command("audit_verify")


def test_audit_verify_reports_every_record_deleted(db):
    _write(3)
    tick()
    _drop_triggers()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditrecord")
    AuditHead.objects.all().delete()
    with pytest.raises(CommandError, match="现在只有 0 条：记录被删除"):
        call_command("audit_verify")


def test_a_forged_checkpoint_line_is_refused(db):
    _write(2)
    tick()
    path = Path(settings.AUDIT_CHECKPOINT_FILE)
    point = lines()[0]
    point["seq"] = 1
    path.write_text(json.dumps(point) + "\n")
    with pytest.raises(CommandError, match="检查点文件第 1 行的签名不符"):
        call_command("audit_verify")


def test_audit_verify_says_when_there_is_no_checkpoint_yet(db, capsys):
    _write(2)
    call_command("audit_verify")
    assert "尚无审计检查点" in capsys.readouterr().out
