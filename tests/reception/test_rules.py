"""The pure standards and gap checks (no database)."""

from datetime import datetime
from decimal import Decimal

import pytest

from zeroerror.reception import rules

LIMITS = rules.Limits(level="县处级", meal_per_person=Decimal("80"), room_per_night=Decimal("350"))


def figures(**kw):
    data = {"guests": 4, "accompanying": 3, "meals": 1, "days": 1, "meal_per_person": Decimal("80"),
            "room_per_night": Decimal("350")}
    data.update(kw)
    return rules.Figures(**data)


@pytest.mark.clause("一(三)7")
@pytest.mark.parametrize(("guests", "allowed"), [(1, 3), (10, 3), (11, 3), (12, 4), (30, 10), (31, 10)])
def test_accompanying_is_three_up_to_ten_guests_then_a_third(guests, allowed):
    assert rules.allowed_accompanying(guests, LIMITS) == allowed


@pytest.mark.clause("一(三)7")
def test_within_the_standard_there_is_nothing_to_say():
    assert rules.excesses(figures(), LIMITS) == []


@pytest.mark.clause("一(三)7")
def test_each_excess_is_named():
    found = rules.excesses(figures(meal_per_person=Decimal("80.01"), room_per_night=Decimal("400"), accompanying=4,
                                   meals=2), LIMITS)
    assert found == ["工作餐 80.01 元/人/餐，超过县处级标准 80 元", "住宿 400 元/间/晚，超过县处级标准 350 元",
                     "陪餐 4 人，超过规定的 3 人（来宾 4 人）", "工作餐 2 次，超过 1 天每天 1 次"]


def test_a_special_approval_raises_the_caps_to_what_it_allows():
    special = rules.Special(Decimal("120"), Decimal("350"), 5)
    assert rules.excesses(figures(meal_per_person=Decimal("120"), accompanying=5), LIMITS, special) == []
    assert rules.excesses(figures(meal_per_person=Decimal("121")), LIMITS, special) == [
        "工作餐 121 元/人/餐，超过特别批准 120 元"]


def test_a_bill_is_spread_per_person_per_meal_and_per_room_night():
    f = rules.bill_figures(guests=4, accompanying=3, meals=1, days=1, meal_total=Decimal("560"), room_nights=2,
                           room_total=Decimal("701"))
    assert (f.meal_per_person, f.room_per_night) == (Decimal("80.00"), Decimal("350.50"))
    assert rules.per_unit(Decimal("100"), 0) == Decimal("0.00")


@pytest.mark.clause("一(三)2", "一(三)3")
def test_gaps_name_the_slot_and_what_is_missing():
    at = datetime(2026, 5, 6, 9, 30)
    slots = [rules.SlotView(at, "座谈", "三楼会议室", 2), rules.SlotView(at, "参观", "", 0, is_stop=True),
             rules.SlotView(at, "午餐", "食堂", 0)]
    assert rules.plan_gaps(slots) == ["日程“05-06 09:30 参观”没有安排地点和人员。", "考察点“05-06 09:30 参观”尚未实地查验。",
                                      "日程“05-06 09:30 午餐”没有安排人员。"]
    assert rules.plan_gaps([]) == ["接待方案没有日程安排。"]


def test_visit_days_count_calendar_days():
    assert rules.visit_days(datetime(2026, 5, 6, 9), datetime(2026, 5, 6, 17)) == 1
    assert rules.visit_days(datetime(2026, 5, 6, 9), datetime(2026, 5, 8, 11)) == 3
