"""Fire and theft safety checks (一(七)6): rounds generated every period, answered item by item by a named checker,
a hazard a lead and a tracked fix, a missed round a tracked item."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.refusals import refused
from zeroerror.errors.models import Lead
from zeroerror.secrecy import actions
from zeroerror.secrecy.actions.safety import period_of
from zeroerror.secrecy.models import SafetyRound, SafetyRoundStatus
from zeroerror.tracking.models import ItemStatus, TrackedItem

ITEMS = ["门窗上锁", "电源关闭", "灭火器在位"]


@pytest.fixture
def checklist(org):
    return actions.do_create_checklist(name="行政楼三楼", location="行政楼三楼办公区", items=ITEMS, frequency="daily",
                                       owner=org.dora, checkers=[org.bob], actor=org.alice.user)


@pytest.fixture
def started(checklist):
    now = timezone.now()
    return SafetyRound.objects.create(checklist=checklist, starts_at=now - timedelta(hours=1),
                                      due_at=now + timedelta(hours=1))


def answers(**bad):
    return [(item, item not in bad.values(), "插线板未拔" if item in bad.values() else "") for item in ITEMS]


def test_weekly_rounds_run_monday_to_friday():
    starts, due = period_of("weekly", date(2026, 3, 4))
    assert (starts.date(), due.date(), f"{due:%H:%M}") == (date(2026, 3, 2), date(2026, 3, 6), "17:30")


@pytest.mark.clause("一(七)6")
def test_the_tick_makes_one_round_a_period(org, checklist, monkeypatch):
    monkeypatch.setattr("zeroerror.secrecy.actions.safety.work_calendar",
                        lambda: type("C", (), {"is_workday": staticmethod(lambda d: True)})())
    from django.db import transaction

    with transaction.atomic():
        assert len(actions.generate_safety_rounds(timezone.localdate())) == 1
    with transaction.atomic():
        assert actions.generate_safety_rounds(timezone.localdate()) == []


@pytest.mark.clause("一(七)6")
def test_a_hazard_is_a_lead_and_a_tracked_fix(org, started):
    done = actions.do_record_safety_check(started, done_at=timezone.now(), results=answers(x="电源关闭"),
                                          actor=org.bob.user)
    assert done.status == SafetyRoundStatus.DONE and done.done_by == org.bob
    lead = Lead.objects.get()
    assert lead.person == org.dora and lead.clause.code == "一(七)6" and "电源关闭：插线板未拔" in lead.description
    fix = TrackedItem.objects.get(title="整改安全隐患：行政楼三楼")
    assert fix.owner == org.dora and fix.clause_id == "一(七)6"


@pytest.mark.clause("一(七)6")
def test_a_missed_round_is_tracked_and_closed_when_made_up(org, checklist):
    past = timezone.now() - timedelta(hours=5)
    late = SafetyRound.objects.create(checklist=checklist, starts_at=past, due_at=past + timedelta(hours=2))
    assert actions.mark_missed_safety_rounds(timezone.now()) == 1
    item = TrackedItem.objects.get(source_id=late.pk, area="secrecy")
    assert item.owner == org.bob and item.clause_id == "一(七)6"
    actions.do_record_safety_check(late, done_at=timezone.now(), results=answers(), actor=org.bob.user)
    item.refresh_from_db()
    late.refresh_from_db()
    assert item.status == ItemStatus.DONE and late.late


@pytest.mark.parametrize(("kw", "message"), [
    ({"done_at": "future"}, "检查时间不能晚于当前时间。"),
    ({"results": [("门窗上锁", True, "")]}, "请逐项检查：电源关闭、灭火器在位。"),
    ({"results": [(i, i != "门窗上锁", "") for i in ITEMS]}, "请说明隐患情况：门窗上锁。"),
    ({"actor": "alice"}, "您不是“行政楼三楼”的检查人员，不能登记。"),
])
def test_a_bad_record_is_refused_with_nothing_changed(org, started, kw, message):
    data = {"done_at": timezone.now(), "results": answers(), "actor": org.bob.user}
    if kw.get("done_at") == "future":
        kw = {"done_at": timezone.now() + timedelta(hours=1)}
    if kw.get("actor") == "alice":
        kw = {"actor": org.alice.user}
    data.update(kw)
    with refused(message):
        actions.do_record_safety_check(started, **data)
