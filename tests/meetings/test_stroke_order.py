"""Clause 一(二)7, 9 and issue 11 6(i): 笔画 order (单位笔画, 姓氏笔画) is the stroke count, then the stroke
sequence 横、竖、撇、点、折 — not 拼音 — from vendored tables with their licences, never read from /usr/share."""

from pathlib import Path

import pytest

from zeroerror.meetings import hanzi
from zeroerror.meetings.seating import AudienceSettings, UnitOrder, unit_sequence

DATA = Path(hanzi.__file__).resolve().parent / "data"


@pytest.mark.clause("一(二)7", "一(二)9")
def test_it_orders_units_of_equal_strokes_by_the_first_stroke_not_by_pinyin():
    # 王 中 毛 方: four strokes each, first strokes 横 竖 撇 点 (pinyin would give 方 毛 王 中)
    units = ["方舱医院", "毛纺科", "中医科", "王府科"]
    ordered, _warnings = unit_sequence(units, AudienceSettings(unit_order=UnitOrder.STROKES))
    assert ordered == ["王府科", "中医科", "毛纺科", "方舱医院"]


@pytest.mark.clause("一(二)7")
def test_it_orders_surnames_by_strokes_then_stroke_sequence():
    assert sorted(["方明", "毛强", "中华", "王平", "丁一", "于海", "土木"], key=hanzi.stroke_key) == [
        "丁一", "于海", "土木", "王平", "中华", "毛强", "方明"]


def test_equal_ranks_in_a_department_are_seated_by_surname_strokes(org, rooms, notified):
    from tests.factories import PersonFactory
    from zeroerror.meetings.actions import seating_input

    people = [PersonFactory(department=org.medical, name=name, rank=50) for name in ("方明", "王平", "毛强")]
    meeting = notified(room=rooms.hall, attendees=[org.alice, *people])
    names = [a.name for a in seating_input(meeting) if a.unit == "医务科"]
    assert names == ["王平", "毛强", "方明"]


def test_the_tables_ship_with_their_licences_and_nothing_reads_usr_share():
    assert "UNICODE, INC. LICENSE AGREEMENT" in (DATA / "NOTICE-Unicode.txt").read_text(encoding="utf-8")
    assert "MIT License" in (DATA / "NOTICE-cn-sort.txt").read_text(encoding="utf-8")
    source = Path(hanzi.__file__).read_text(encoding="utf-8")
    assert "/usr/share" not in source
