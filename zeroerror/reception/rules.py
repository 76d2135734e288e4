"""The reception's checks, in plain Python (no Django): the standards of clause 一(三)7 and the gaps that keep a plan
from approval (一(三)2, 3). Money is Decimal; every function returns Chinese messages, empty when all is well."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Limits:
    """A guest level's standard (from the unit's 公务接待管理办法)."""

    level: str
    meal_per_person: Decimal
    room_per_night: Decimal
    meals_per_day: int = 1
    accompany_max: int = 3
    accompany_threshold: int = 10
    accompany_divisor: int = 3


@dataclass(frozen=True)
class Special:
    """A leader's special approval: the figures it allows above the standard."""

    meal_per_person: Decimal
    room_per_night: Decimal
    accompanying: int


@dataclass(frozen=True)
class Figures:
    """What a plan proposes or a bill shows, per unit of the standard."""

    guests: int
    accompanying: int
    meals: int
    days: int
    meal_per_person: Decimal
    room_per_night: Decimal


def allowed_accompanying(guests: int, limits: Limits) -> int:
    """陪餐: at most ``accompany_max`` when the guests are no more than ``accompany_threshold``, otherwise at most
    one ``accompany_divisor``-th of the guests."""
    if guests <= limits.accompany_threshold:
        return limits.accompany_max
    return guests // max(limits.accompany_divisor, 1)


def per_unit(total: Decimal, units: int) -> Decimal:
    """A total spread over ``units`` (people × meals, room nights), to the cent; 0 when there are no units."""
    if units <= 0:
        return Decimal("0.00")
    return (Decimal(total) / units).quantize(CENT, rounding=ROUND_HALF_UP)


def bill_figures(*, guests: int, accompanying: int, meals: int, days: int, meal_total: Decimal, room_nights: int,
                 room_total: Decimal) -> Figures:
    return Figures(guests=guests, accompanying=accompanying, meals=meals, days=days,
                   meal_per_person=per_unit(meal_total, meals * (guests + accompanying)),
                   room_per_night=per_unit(room_total, room_nights))


def excesses(figures: Figures, limits: Limits, special: Special | None = None) -> list[str]:
    """What goes above the standard (or above a special approval where one is given)."""
    found = []
    meal_cap, room_cap = limits.meal_per_person, limits.room_per_night
    people_cap = allowed_accompanying(figures.guests, limits)
    if special is not None:
        meal_cap = max(meal_cap, special.meal_per_person)
        room_cap = max(room_cap, special.room_per_night)
        people_cap = max(people_cap, special.accompanying)
    basis = "特别批准" if special is not None else f"{limits.level}标准"
    if figures.meal_per_person > meal_cap:
        found.append(f"工作餐 {figures.meal_per_person} 元/人/餐，超过{basis} {meal_cap} 元")
    if figures.room_per_night > room_cap:
        found.append(f"住宿 {figures.room_per_night} 元/间/晚，超过{basis} {room_cap} 元")
    if figures.accompanying > people_cap:
        found.append(f"陪餐 {figures.accompanying} 人，超过规定的 {people_cap} 人（来宾 {figures.guests} 人）")
    meals_cap = limits.meals_per_day * max(figures.days, 1)
    if figures.meals > meals_cap:
        found.append(f"工作餐 {figures.meals} 次，超过 {max(figures.days, 1)} 天每天 {limits.meals_per_day} 次")
    return found


@dataclass(frozen=True)
class SlotView:
    start_at: datetime
    activity: str
    place: str
    people: int
    is_stop: bool = False
    checked: bool = False


def _when(slot: SlotView) -> str:
    return f"{slot.start_at:%m-%d %H:%M}"


def plan_gaps(slots: Iterable[SlotView]) -> list[str]:
    """A plan cannot be approved with 情况不明: a slot without a place or a person, a stop not checked on site."""
    slots = list(slots)
    if not slots:
        return ["接待方案没有日程安排。"]
    found = []
    for slot in slots:
        missing = [name for name, ok in (("地点", slot.place.strip()), ("人员", slot.people > 0)) if not ok]
        if missing:
            found.append(f"日程“{_when(slot)} {slot.activity}”没有安排{'和'.join(missing)}。")
        if slot.is_stop and not slot.checked:
            found.append(f"考察点“{_when(slot)} {slot.activity}”尚未实地查验。")
    return found


def visit_days(arrive: datetime, depart: datetime) -> int:
    """Calendar days the visit spans (a same-day visit is one)."""
    return (depart.date() - arrive.date()).days + 1
