"""The pure rules: how often each kind of place is cleaned (一(八)1, 2), and the weekly sheet."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from zeroerror.core import weekly
from zeroerror.facilities import schedule


@pytest.mark.clause("一(八)2")
def test_a_leaders_office_is_cleaned_at_least_twice_a_day():
    assert schedule.slots_problem("leader_office", ["08:00"]) == "领导办公室每日至少打扫两次（一(八)2）。"
    assert schedule.slots_problem("leader_office", ["08:00", "08:00"]) == "领导办公室每日至少打扫两次（一(八)2）。"
    assert schedule.slots_problem("leader_office", ["08:00", "14:00"]) is None


@pytest.mark.clause("一(八)1")
def test_a_meeting_room_is_cleaned_daily():
    assert schedule.slots_problem("meeting_room", []) == "会议室和接待室每日至少清扫一次（一(八)1）。"
    assert schedule.slots_problem("meeting_room", ["25:00"]) == "时间“25:00”格式应为 时:分，如 08:00。"
    assert schedule.slots_problem("meeting_room", ["八点"]) == "时间“八点”格式应为 时:分，如 08:00。"


def test_slots_become_windows():
    tz = ZoneInfo("Asia/Shanghai")
    slots = schedule.daily_slots(date(2026, 3, 2), ["14:10", "07:50"], tz)
    assert [(s.starts.strftime("%H:%M"), s.due.strftime("%H:%M")) for s in slots] == [("07:50", "09:20"),
                                                                                       ("14:10", "15:40")]
    after = schedule.after_slot(datetime(2026, 3, 2, 11, 30, tzinfo=tz))
    assert after.due.strftime("%H:%M") == "12:00"


def test_the_week_sheet_puts_each_round_in_its_cell():
    monday = weekly.monday_of(date(2026, 3, 4))
    assert monday == date(2026, 3, 2)
    rows = weekly.build(["会议室", "院长办公室"], [
        ("会议室", weekly.Mark(date(2026, 3, 2), "08:00", "日常保洁", "done", "鲍勃", "08:20")),
        ("会议室", weekly.Mark(date(2026, 3, 3), "08:00", "日常保洁", "missed")),
        ("院长办公室", weekly.Mark(date(2026, 3, 8), "14:10", "日常保洁", "late", "鲍勃", "16:00")),
        ("院长办公室", weekly.Mark(date(2026, 3, 9), "07:50", "日常保洁", "done", "鲍勃", "08:00")),
    ], monday)
    assert rows[0].texts()[:2] == ["08:00 日常保洁 ✓08:20 鲍勃", "08:00 日常保洁 ✗未做"]
    assert rows[1].texts()[6] == "14:10 日常保洁 ✓16:00 鲍勃（补）"
    assert weekly.totals(rows) == {"done": 1, "late": 1, "missed": 1, "pending": 0, "cancelled": 0}
    assert weekly.day_headers(monday)[0] == "03-02 周一"
