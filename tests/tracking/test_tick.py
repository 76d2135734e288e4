from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from zeroerror.audit.models import AuditRecord
from zeroerror.tracking.actions import do_close_tracked_item, do_create_tracked_item, run_tick
from zeroerror.tracking.models import ItemStatus, Notification, TrackedItem
from zeroerror.tracking.signals import item_overdue

TZ = ZoneInfo("Asia/Shanghai")


def at(*args):
    return datetime(*args, tzinfo=TZ)


@pytest.fixture
def item(org):
    return do_create_tracked_item(
        title="办理市卫健委来文", owner=org.alice, due_at=at(2026, 11, 20, 17), area="documents",
        clause_id="一(一)4", actor=org.director.user,
    )


@pytest.mark.clause("一(一)4", "一(一)5")
def test_it_marks_an_item_overdue_and_escalates_to_the_department_head(org, item):
    report = run_tick(at(2026, 11, 23, 9))
    item.refresh_from_db()
    assert report.overdue == [item.pk]
    assert item.status == ItemStatus.OVERDUE
    assert item.escalated_to == org.dora
    assert Notification.objects.filter(recipient=org.dora, title__contains="逾期升级").exists()
    assert Notification.objects.filter(recipient=org.alice, title__startswith="已逾期").exists()
    assert AuditRecord.objects.filter(action="tracking.item.overdue", object_id=str(item.pk)).exists()


def test_a_department_heads_overdue_item_goes_to_the_leader_in_charge(org):
    item = do_create_tracked_item(title="科室总结", owner=org.dora, due_at=at(2026, 11, 20, 17), area="general",
                                  actor=org.director.user)
    run_tick(at(2026, 11, 21, 9))
    item.refresh_from_db()
    assert item.escalated_to == org.leo


def test_it_is_idempotent(org, item):
    first = run_tick(at(2026, 11, 23, 9))
    second = run_tick(at(2026, 11, 23, 9, 1))
    assert first.overdue == [item.pk] and second.overdue == []
    assert Notification.objects.filter(recipient=org.dora).count() == 1


def test_it_emits_the_overdue_signal_once_after_commit(org, item, django_capture_on_commit_callbacks):
    received = []

    def handler(sender, item, **kwargs):
        received.append(item.pk)

    item_overdue.connect(handler)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            run_tick(at(2026, 11, 23, 9))
        with django_capture_on_commit_callbacks(execute=True):
            run_tick(at(2026, 11, 24, 9))
    finally:
        item_overdue.disconnect(handler)
    assert received == [item.pk]


def test_it_reminds_the_owner_within_a_working_day_of_the_deadline(org):
    # Friday 2026-11-27 10:00; due Monday 2026-11-30 09:30 is within 8 working hours (the weekend does not count)
    due = do_create_tracked_item(title="周一到期", owner=org.bob, due_at=at(2026, 11, 30, 9, 30), area="general",
                                 actor=org.director.user)
    later = do_create_tracked_item(title="下周三到期", owner=org.bob, due_at=at(2026, 12, 2, 17), area="general",
                                   actor=org.director.user)
    report = run_tick(at(2026, 11, 27, 10))
    assert report.reminded == [due.pk]
    assert Notification.objects.filter(recipient=org.bob, title="即将到期：周一到期").count() == 1
    assert run_tick(at(2026, 11, 27, 10, 5)).reminded == []
    later.refresh_from_db()
    assert later.reminded_at is None


def test_it_leaves_closed_items_alone(org, item):
    do_close_tracked_item(item, "已办结", actor=org.alice.user)
    assert run_tick(at(2026, 11, 23, 9)).overdue == []
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE


def test_it_emails_a_copy_of_notifications(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        do_create_tracked_item(title="报送材料", owner=org.alice, due_at=at(2026, 12, 30, 17), area="general",
                               actor=org.director.user)
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]
    assert "报送材料" in mail.outbox[0].subject


def test_the_tick_command_runs(org, item, capsys):
    call_command("tick")
    assert "新逾期" in capsys.readouterr().out
    assert TrackedItem.objects.get(pk=item.pk).status == ItemStatus.OVERDUE


@pytest.mark.django_db(transaction=True)
@pytest.mark.clause("一(一)4")
def test_concurrent_ticks_mark_each_item_once():
    from tests.concurrency import race
    from tests.factories import DepartmentFactory, PersonFactory, UnitFactory, give_role
    from zeroerror.org.roles import Role

    unit = UnitFactory()
    dept = DepartmentFactory(unit=unit, name="办公室")
    head = PersonFactory(department=dept, name="头")
    give_role(head, Role.DEPARTMENT_HEAD, department=dept)
    owner = PersonFactory(department=dept, name="甲")
    for i in range(20):
        do_create_tracked_item(title=f"事项{i}", owner=owner, due_at=at(2026, 1, 5, 17) + timedelta(minutes=i),
                               area="general", actor=None)
    results = race(lambda: run_tick(at(2026, 3, 1, 9)).overdue, 4)
    marked = [pk for r in results for pk in r]
    assert len(marked) == 20 and len(set(marked)) == 20
    assert Notification.objects.filter(recipient=head).count() == 20


def test_the_tick_command_runs_the_tasks_other_modules_register(db, monkeypatch, capsys):
    from zeroerror.tracking import registry

    seen = []

    def task(now):
        seen.append(now)
        return "保密期限到期提醒 2 项"

    monkeypatch.setattr(registry, "_tick_tasks", [task])
    call_command("tick")
    assert len(seen) == 1 and seen[0].tzinfo is not None
    assert "保密期限到期提醒 2 项" in capsys.readouterr().out
