"""The 会务工作 demo step: the hospital's rooms and meetings, one large with full attendance and its seating."""

from django.core.management import call_command

from zeroerror.meetings.models import Meeting, MeetingStatus, Reply, Room, SeatingArrangement


def test_it_builds_rooms_and_meetings_once(db, capsys, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    call_command("demo")
    assert "全部回执参加" in capsys.readouterr().out
    hall = Room.objects.get(name="一楼大会议室")
    assert hall.capacity == 120 and hall.is_large
    assert Room.objects.get(name="三楼小会议室").capacity == 20
    big = Meeting.objects.get(title="2026年度安全生产暨党风廉政建设工作会议")
    assert big.status == MeetingStatus.APPROVED and big.requires_director and big.director_checked_by.name == "刘洋"
    assert big.approved_by.name == "王建国"
    assert not big.invitations.exclude(reply=Reply.ATTEND).exists()
    seating = SeatingArrangement.objects.get(meeting=big)
    assert len(seating.podium[0]) == 5 and seating.name_flags == []
    placed = len(seating.hall["placements"]) + sum(len(row) for row in seating.podium)
    assert placed == big.invitations.count()
    assert Meeting.objects.filter(title="院办公室周例会").count() == 4
    assert Meeting.objects.get(title="医疗质量安全分析会").status == MeetingStatus.PENDING_LEADER

    call_command("demo")
    assert "会务演示数据已存在" in capsys.readouterr().out
    assert Room.objects.count() == 3
