"""The 会务工作 demo step: the hospital's rooms and meetings, one large with full attendance and its seating."""

from django.utils import timezone

from tests.demo_steps import run
from zeroerror.meetings.demo import build_meetings
from zeroerror.meetings.models import Meeting, MeetingStatus, Reply, Room, SeatingArrangement


def test_it_builds_rooms_and_meetings_once(db, settings, tmp_path):
    from zeroerror.org.demo import build_org

    settings.DATA_DIR = tmp_path
    run(build_org)
    assert "全部回执参加" in run(build_meetings)
    hall = Room.objects.get(name="一楼大会议室")
    assert hall.capacity == 120 and hall.is_large
    assert Room.objects.get(name="三楼小会议室").capacity == 20
    big = Meeting.objects.get(title="2026年度安全生产暨党风廉政建设工作会议")
    assert big.status == MeetingStatus.APPROVED and big.requires_director and big.director_checked_by.name == "刘洋"
    assert big.approved_by.name == "王建国"
    assert not big.invitations.exclude(reply=Reply.ATTEND).exists()
    assert big.supervisors.count() == 2
    seating = SeatingArrangement.objects.get(meeting=big)
    assert len(seating.podium[0]) == 5 and seating.name_flags == []
    placed = len(seating.hall["placements"]) + sum(len(row) for row in seating.podium)
    assert placed == big.invitations.count()
    assert Meeting.objects.filter(title="院办公室周例会").count() == 4
    assert Meeting.objects.get(title="医疗质量安全分析会").status == MeetingStatus.PENDING_LEADER
    held = Meeting.objects.get(title="院长办公会")
    assert held.minutes and held.decisions.count() == 2 and held.end_at < timezone.now()
    assert all(d.tracked_item.clause_id == "一(二)12" for d in held.decisions.all())
    assert not held.invitations.filter(signed_in_at__isnull=True).exists()
    assert not held.notice_late and not held.invitations.exclude(reply=Reply.ATTEND).exists()

    assert "会务演示数据已存在" in run(build_meetings)
    assert Room.objects.count() == 3
