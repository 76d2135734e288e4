"""Rounds generated from the places and the meeting calendar, ticked by the rota, missed ones tracked (一(八)1, 2)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.facilities.conftest import PNG, at
from tests.refusals import refused
from zeroerror.attachments.models import Attachment
from zeroerror.facilities import actions
from zeroerror.facilities.models import CleaningRound, RoundKind, RoundStatus
from zeroerror.meetings.models import Meeting, MeetingStatus
from zeroerror.tracking.models import ItemStatus, TrackedItem


def _meeting(org, room, start, end, status=MeetingStatus.APPROVED):
    return Meeting.objects.create(unit=org.unit, title="季度工作例会", purpose="p", agenda="a", start_at=start,
                                  end_at=end, room=room, organiser=org.alice, department=org.office, status=status)


@pytest.mark.clause("一(八)1", "一(八)2")
def test_every_working_day_has_its_daily_rounds(org, places, monkeypatch):
    monkeypatch.setattr("zeroerror.facilities.actions.rounds.work_calendar",
                        lambda: type("C", (), {"is_workday": staticmethod(lambda d: True)})())
    now = at(7)
    from django.db import transaction
    with transaction.atomic():
        made = actions.generate_rounds(timezone.localdate(), now)
    assert sorted((r.place.name, f"{timezone.localtime(r.starts_at):%H:%M}") for r in made) == [
        ("三楼小会议室", "08:00"), ("院长办公室", "07:50"), ("院长办公室", "14:10")]
    with transaction.atomic():
        assert actions.generate_rounds(timezone.localdate(), now) == []


@pytest.mark.clause("一(八)1")
def test_a_meeting_in_the_room_brings_a_round_right_after_it(org, places, room):
    meeting = _meeting(org, room, at(9, days=1), at(11, days=1))
    _meeting(org, room, at(14, days=1), at(15, days=1), status=MeetingStatus.CANCELLED)
    actions.run_cleaning_tick(at(9, days=1))
    after = CleaningRound.objects.get(kind=RoundKind.AFTER_MEETING)
    assert after.meeting == meeting and after.place == places.room and after.reason == "季度工作例会"
    assert after.starts_at == meeting.end_at and after.due_at == meeting.end_at + timedelta(minutes=30)
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CANCELLED)
    actions.run_cleaning_tick(at(9, 5, days=1))
    after.refresh_from_db()
    assert after.status == RoundStatus.CANCELLED


@pytest.mark.clause("一(八)1", "一(八)2")
def test_a_missed_round_becomes_a_tracked_item_closed_when_made_up(org, places):
    start = timezone.now() - timedelta(hours=3)
    cleaning = CleaningRound.objects.create(place=places.office, kind=RoundKind.DAILY, starts_at=start,
                                            due_at=start + timedelta(minutes=90))
    assert actions.mark_missed_rounds(timezone.now()) == 1
    cleaning.refresh_from_db()
    assert cleaning.status == RoundStatus.MISSED
    item = TrackedItem.objects.get(source_id=cleaning.pk)
    assert item.owner == org.bob and item.clause_id == "一(八)2" and item.area == "facilities"
    actions.do_tick_round(cleaning, done_at=timezone.now() - timedelta(minutes=5), actor=org.bob.user)
    cleaning.refresh_from_db()
    item.refresh_from_db()
    assert cleaning.status == RoundStatus.DONE and cleaning.late and cleaning.done_by == org.bob
    assert item.status == ItemStatus.DONE


@pytest.mark.clause("一(八)1")
def test_a_round_in_the_future_is_refused(org, started_round):
    with refused("清扫时间不能晚于当前时间。"):
        actions.do_tick_round(started_round, done_at=timezone.now() + timedelta(minutes=10), actor=org.bob.user)


@pytest.mark.clause("一(八)1")
def test_someone_off_the_rota_cannot_tick(org, started_round):
    with refused("您不在“三楼小会议室”的保洁轮值表上，不能登记。"):
        actions.do_tick_round(started_round, done_at=timezone.now(), actor=org.alice.user)


def test_a_round_is_not_done_before_it_began(org, started_round):
    with refused(f"清扫时间早于本次保洁的开始时间（{timezone.localtime(started_round.starts_at):%Y-%m-%d %H:%M}）。"):
        actions.do_tick_round(started_round, done_at=started_round.starts_at - timedelta(minutes=1),
                              actor=org.bob.user)


def test_a_round_is_ticked_once(org, started_round):
    actions.do_tick_round(started_round, done_at=timezone.now(), actor=org.bob.user)
    with refused("该保洁任务已登记完成。"):
        actions.do_tick_round(started_round, done_at=timezone.now(), actor=org.bob.user)


@pytest.mark.clause("一(八)1")
def test_cleaning_after_a_meeting_needs_a_photo(org, places, room):
    meeting = _meeting(org, room, timezone.now() - timedelta(hours=2), timezone.now() - timedelta(minutes=20))
    actions.run_cleaning_tick(timezone.now())
    after = CleaningRound.objects.get(meeting=meeting)
    with refused("会议或客人来访后的清理须拍照留证。"):
        actions.do_tick_round(after, done_at=timezone.now(), actor=org.bob.user)
    actions.do_tick_round(after, done_at=timezone.now(), photo=("room.png", PNG), actor=org.bob.user)
    assert Attachment.objects.for_owner(after).get().purpose == "保洁照片"


@pytest.mark.clause("一(八)2")
def test_a_visitor_brings_a_round_to_the_leaders_office(org, places):
    cleaning = actions.do_record_visit(places.office, ended_at=timezone.now() - timedelta(minutes=1),
                                       visitor="市卫健委检查组", actor=org.principal.user)
    assert cleaning.kind == RoundKind.AFTER_VISIT and cleaning.reason == "来访：市卫健委检查组"
    with refused("只有办公室或该办公室的领导可以登记来访。"):
        actions.do_record_visit(places.office, ended_at=timezone.now(), visitor="x", actor=org.charlie.user)
    with refused("只有领导办公室和接待室登记客人来访。"):
        actions.do_record_visit(places.room, ended_at=timezone.now(), visitor="x", actor=org.alice.user)
    with refused("来访结束时间不能晚于当前时间。"):
        actions.do_record_visit(places.office, ended_at=timezone.now() + timedelta(hours=1), visitor="x",
                                actor=org.alice.user)


def test_only_the_office_manages_places(org):
    with refused("只有办公室可以管理保洁场所和轮值表。"):
        actions.do_create_place(name="接待室", kind="reception_room", cleaners=[org.bob], actor=org.charlie.user)
    with refused("领导办公室每日至少打扫两次（一(八)2）。"):
        actions.do_create_place(name="副院长办公室", kind="leader_office", daily_slots=["08:00"], cleaners=[org.bob],
                                actor=org.alice.user)
    with refused("请指定保洁轮值人员。"):
        actions.do_create_place(name="接待室", kind="reception_room", cleaners=[], actor=org.alice.user)
