from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, transaction
from django.db.utils import DatabaseError
from django.utils import timezone

from tests.factories import UserFactory
from zeroerror.audit.models import AuditHead, AuditKind, AuditRecord
from zeroerror.audit.trail import AuditOutsideTransaction, VerifyResult, compute_hash, record, verify_chain
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
    with pytest.raises((IntegrityError, DatabaseError), match="append-only"), transaction.atomic():
        AuditRecord.objects.filter(pk=rec.pk).update(action="tampered")
    with pytest.raises((IntegrityError, DatabaseError), match="append-only"), transaction.atomic():
        AuditRecord.objects.filter(pk=rec.pk).delete()
    assert AuditRecord.objects.get(pk=rec.pk).action == rec.action


def _drop_triggers():
    """Drop every trigger guarding audit_auditrecord (whatever their names), as a DBA could."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_auditrecord'")
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP TRIGGER "{name}"')
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_auditrecord'::regclass "
                           "AND NOT tgisinternal")
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP TRIGGER "{name}" ON audit_auditrecord')


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
    with pytest.raises(RuntimeError, match="audit store unavailable"):
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


# Breaking the chain on purpose. Each tamper is what someone with full rights on the database could do (the
# triggers dropped); verify_chain must name exactly the first record that no longer holds.

def _tamper(target, **values):
    _drop_triggers()  # the test's transaction restores them
    AuditRecord.objects.filter(pk=target.pk).update(**values)


CONTENT_CHANGED = "第 {} 条记录的内容被改动（哈希不符）"
LINK_BROKEN = "第 {} 条记录的前序哈希与上一条不符"
MISSING = "第 {} 条记录缺失（记录被删除）"

# every field the hash covers, the change made to it, and the refusal verify_chain must give
TAMPERS = {
    "seq": (lambda rec: {"seq": rec.seq + 1000}, MISSING),
    "at": (lambda rec: {"at": rec.at + timedelta(seconds=1)}, CONTENT_CHANGED),
    "actor": (lambda rec: {"actor": UserFactory(username="someone_else")}, CONTENT_CHANGED),
    "actor_name": (lambda rec: {"actor_name": "别人"}, CONTENT_CHANGED),
    "kind": (lambda rec: {"kind": AuditKind.LOGIN}, CONTENT_CHANGED),
    "action": (lambda rec: {"action": "test.event.forged"}, CONTENT_CHANGED),
    "object_type": (lambda rec: {"object_type": "other"}, CONTENT_CHANGED),
    "object_id": (lambda rec: {"object_id": "999"}, CONTENT_CHANGED),
    "object_repr": (lambda rec: {"object_repr": "改过的"}, CONTENT_CHANGED),
    "changes": (lambda rec: {"changes": {"i": 999}}, CONTENT_CHANGED),
    "ip": (lambda rec: {"ip": "10.9.9.9"}, CONTENT_CHANGED),
    "success": (lambda rec: {"success": not rec.success}, CONTENT_CHANGED),
    "prev_hash": (lambda rec: {"prev_hash": "f" * 64}, LINK_BROKEN),
}


def test_the_hash_covers_every_field_of_the_record():
    """A field left out of hashed_fields could be changed unseen: every column but id and hash is covered,
    and TAMPERS below changes each of them."""
    columns = {f.name for f in AuditRecord._meta.concrete_fields} - {"id", "hash"}
    assert set(AuditRecord(at=timezone.now()).hashed_fields()) == columns == set(TAMPERS)


@pytest.mark.parametrize("field", sorted(TAMPERS))
def test_it_reports_the_record_whose_hashed_field_was_changed(db, field):
    _write(6)
    records = list(AuditRecord.objects.order_by("seq"))
    target = records[3]
    change, reason = TAMPERS[field]
    _tamper(target, **change(target))

    assert verify_chain() == VerifyResult(False, checked=3, broken_seq=target.seq, reason=reason.format(target.seq))


def test_it_reports_a_changed_stored_hash(db):
    _write(4)
    target = AuditRecord.objects.order_by("seq")[1]
    _tamper(target, hash="0" * 64)

    assert verify_chain() == VerifyResult(False, checked=1, broken_seq=target.seq,
                                          reason=CONTENT_CHANGED.format(target.seq))


@pytest.mark.parametrize("position", [0, 2, 4])
def test_it_reports_a_record_relinked_by_someone_holding_the_key(db, position):
    """A record re-signed with a different previous hash (one spliced in from another chain, or forged by someone
    with the key who also moved the chain head) is self-consistent: only the link to its predecessor shows it."""
    _write(5)
    target = AuditRecord.objects.order_by("seq")[position]
    target.prev_hash = "ab" * 32
    target.hash = compute_hash(target)
    _tamper(target, prev_hash=target.prev_hash, hash=target.hash)
    if position == 4:
        AuditHead.objects.filter(pk=1).update(last_hash=target.hash)

    assert verify_chain() == VerifyResult(False, checked=position, broken_seq=target.seq,
                                          reason=LINK_BROKEN.format(target.seq))


def test_it_reports_the_first_of_several_changed_records(db):
    _write(6)
    records = list(AuditRecord.objects.order_by("seq"))
    _tamper(records[4], changes={"i": "x"})
    _tamper(records[2], ip="1.2.3.4")

    assert verify_chain().broken_seq == records[2].seq


def test_a_record_about_an_object_names_it_and_counts_as_a_success_unless_told(db):
    """What the audit log shows for ``record(obj=...)``: the object's type, id and name, taken from the object when
    the caller gives none, and 成功 unless the caller says the attempt failed (mutation check survivors)."""
    user = UserFactory(username="audited")
    with transaction.atomic():
        plain = record("test.object", actor=None, obj=user)
        refused = record("test.object.refused", actor=None, obj=user, object_repr="被拒绝的尝试", success=False)
    assert (plain.object_type, plain.object_id, plain.object_repr, plain.success) == (
        "auth.user", str(user.pk), "audited", True)
    assert (refused.object_id, refused.object_repr, refused.success) == (str(user.pk), "被拒绝的尝试", False)
