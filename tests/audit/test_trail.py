import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, transaction
from django.db.utils import DatabaseError

from zeroerror.audit.models import AuditHead, AuditKind, AuditRecord
from zeroerror.audit.trail import AuditOutsideTransaction, record, verify_chain
from zeroerror.org.actions import do_assign_role
from zeroerror.org.models import RoleAssignment
from zeroerror.org.roles import Role


def _write(n, actor=None):
    for i in range(n):
        with transaction.atomic():
            record(f"test.event.{i}", actor=actor, kind=AuditKind.CHANGE, object_type="test", object_id=str(i),
                   changes={"i": i})


def test_it_chains_every_record_to_the_previous_one(db):
    _write(5)
    records = list(AuditRecord.objects.order_by("seq"))
    assert [r.seq for r in records][-5:] == list(range(records[-5].seq, records[-5].seq + 5))
    for prev, cur in zip(records, records[1:], strict=False):
        assert cur.prev_hash == prev.hash
    assert verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_write_outside_a_transaction():
    assert not connection.in_atomic_block
    with pytest.raises(AuditOutsideTransaction):
        record("test.outside", actor=None)


def test_it_refuses_update_and_delete_at_the_database(db):
    _write(2)
    rec = AuditRecord.objects.order_by("seq").last()
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        AuditRecord.objects.filter(pk=rec.pk).update(action="tampered")
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        AuditRecord.objects.filter(pk=rec.pk).delete()
    assert AuditRecord.objects.get(pk=rec.pk).action == rec.action


def _drop_triggers():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_record_no_update")
            cursor.execute("DROP TRIGGER audit_record_no_delete")
        else:
            cursor.execute("DROP TRIGGER audit_record_append_only ON audit_auditrecord")


def test_it_reports_the_first_row_changed_directly_in_the_database(db):
    _write(6)
    target = AuditRecord.objects.order_by("seq")[3]
    _drop_triggers()  # as a DBA with full rights could; the transaction of the test restores them
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditrecord SET object_repr = %s WHERE id = %s", ["改过的", target.pk])
    result = verify_chain()
    assert not result.ok
    assert result.broken_seq == target.seq
    assert "被改动" in result.reason
    with pytest.raises(CommandError, match=f"第 {target.seq} 条"):
        call_command("audit_verify")


def test_it_detects_a_deleted_tail(db):
    _write(4)
    last = AuditRecord.objects.order_by("seq").last()
    _drop_triggers()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditrecord WHERE id = %s", [last.pk])
    result = verify_chain()
    assert not result.ok
    assert "尾部" in result.reason


def test_it_detects_a_deleted_middle_record(db):
    _write(4)
    middle = AuditRecord.objects.order_by("seq")[1]
    _drop_triggers()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditrecord WHERE id = %s", [middle.pk])
    result = verify_chain()
    assert not result.ok and result.broken_seq == middle.seq


def test_audit_verify_command_reports_a_sound_chain(db, capsys):
    _write(3)
    call_command("audit_verify")
    assert "审计链完整" in capsys.readouterr().out


def test_it_rolls_back_the_change_when_the_audit_write_fails(org, monkeypatch):
    """The audit record is written in the same transaction as the change: no audit, no change."""
    from zeroerror.org import actions

    def broken_record(*args, **kwargs):
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr(actions, "record", broken_record)
    before = RoleAssignment.objects.count()
    with pytest.raises(RuntimeError):
        do_assign_role(org.alice, Role.FIRST_READER, actor=org.admin.user)
    assert RoleAssignment.objects.count() == before


def test_it_records_who_what_before_after_and_ip(org, login):
    client = login(org.admin)
    client.post(f"/org/people/{org.alice.pk}/roles/", {"role": Role.FIRST_READER, "started_on": "2026-01-05"},
                REMOTE_ADDR="10.1.2.3")
    rec = AuditRecord.objects.filter(action="org.role.assign").last()
    assert rec.actor == org.admin.user
    assert rec.actor_name == org.admin.name
    assert rec.kind == AuditKind.PERMISSION
    assert rec.ip == "10.1.2.3"
    assert rec.changes["role"] == Role.FIRST_READER
    assert AuditHead.objects.get(pk=1).last_hash == AuditRecord.objects.order_by("seq").last().hash
