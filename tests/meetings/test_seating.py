"""Seating engine against the protocol rules (../shared/reference/seating.md, written out here)."""

import pytest

from zeroerror.meetings.hanzi import name_distance, pinyin_key, stroke_count, stroke_key
from zeroerror.meetings.reseat import rearrange
from zeroerror.meetings.seating import (
    HALL,
    NO_UNIT,
    PODIUM,
    Attendee,
    AudienceSettings,
    EvenRule,
    Fill,
    Hall,
    HostPosition,
    Placement,
    PodiumSettings,
    SeatingError,
    SeatRef,
    TwoSeat,
    UnitOrder,
    arrange,
    arrange_hall,
    arrange_podium,
    changed_seats,
    check_placements,
    move,
    podium_order,
    proofread_names,
    proofread_plan,
    swap,
    unit_sequence,
)

# Seen from the hall, left to right: reversed(odd ranks) + even ranks; written out by hand.
AUDIENCE_VIEW = {
    1: [1],
    2: [1, 2],
    3: [3, 1, 2],
    4: [3, 1, 2, 4],
    5: [5, 3, 1, 2, 4],
    6: [5, 3, 1, 2, 4, 6],
    7: [7, 5, 3, 1, 2, 4, 6],
    8: [7, 5, 3, 1, 2, 4, 6, 8],
    9: [9, 7, 5, 3, 1, 2, 4, 6, 8],
    10: [9, 7, 5, 3, 1, 2, 4, 6, 8, 10],
    11: [11, 9, 7, 5, 3, 1, 2, 4, 6, 8, 10],
    12: [11, 9, 7, 5, 3, 1, 2, 4, 6, 8, 10, 12],
}


def leaders(n, unit="县委"):
    return [Attendee(f"L{i}", f"领导{i:02d}", unit, rank=i) for i in range(1, n + 1)]


def ranks(row):
    return [int(p.name[2:]) for p in row]


@pytest.mark.clause("一(二)7", "一(二)9")
@pytest.mark.parametrize("n", sorted(AUDIENCE_VIEW))
def test_podium_one_row_matches_protocol(n):
    assert podium_order(n) == AUDIENCE_VIEW[n]
    (row,) = arrange_podium(leaders(n))
    assert ranks(row) == AUDIENCE_VIEW[n]
    assert [p.seat.col for p in row] == list(range(1, n + 1))
    assert all(p.seat.area == PODIUM and p.seat.row == 1 for p in row)


@pytest.mark.clause("一(二)9")
@pytest.mark.parametrize("n", sorted(AUDIENCE_VIEW))
def test_podium_rules_hold_from_the_leaders_side(n):
    # Leaders face the hall: their view is the mirror image. Centre first, No.2 on No.1's left,
    # then alternating outwards: rank k+2 sits next to rank k, one seat further out, same side.
    leaders_view = podium_order(n)[::-1]
    pos = {r: i for i, r in enumerate(leaders_view)}
    if n % 2:
        assert pos[1] == n // 2  # odd: No.1 in the centre
    else:
        assert {pos[1], pos[2]} == {n // 2 - 1, n // 2}  # even: No.1 and No.2 share the centre
    if n >= 2:
        assert pos[2] == pos[1] - 1  # No.2 on No.1's own left
    for k in range(1, n - 1):  # odd ranks go out to the right, even ranks to the left
        assert pos[k + 2] == pos[k] + (1 if k % 2 else -1)


@pytest.mark.clause("一(二)9")
def test_podium_several_rows_front_row_outranks_back():
    rows = arrange_podium(leaders(12), PodiumSettings(row_sizes=(7,)))
    assert [ranks(r) for r in rows] == [[7, 5, 3, 1, 2, 4, 6], [12, 10, 8, 9, 11]]
    assert [p.order for p in rows[1]] == [12, 10, 8, 9, 11]
    assert {p.seat.row for p in rows[1]} == {2}

    rows = arrange_podium(leaders(11), PodiumSettings(row_sizes=(5, 4)))
    assert [ranks(r) for r in rows] == [[5, 3, 1, 2, 4], [8, 6, 7, 9], [10, 11]]


def test_podium_ranks_are_an_order_not_positions():
    people = [Attendee("a", "甲", rank=10), Attendee("b", "乙", rank=3), Attendee("c", "丙", rank=7)]
    (row,) = arrange_podium(people)
    assert [p.name for p in row] == ["甲", "乙", "丙"]  # 3 1 2 by precedence: 10, 3, 7
    assert [p.order for p in row] == [3, 1, 2]


def test_podium_duplicate_rank_is_refused():
    with pytest.raises(SeatingError, match="座次号重复"):
        arrange_podium([Attendee("a", "甲", rank=1), Attendee("b", "乙", rank=1)])


@pytest.mark.parametrize(
    ("n", "settings", "expected"),
    [
        (2, PodiumSettings(two_seat=TwoSeat.FIRST_ON_LEFT), [2, 1]),
        (2, PodiumSettings(even_rule=EvenRule.YI_YOU_YI_ZUO), [1, 2]),  # n = 2 follows its own setting
        (4, PodiumSettings(even_rule=EvenRule.YI_YOU_YI_ZUO), [4, 2, 1, 3]),
        (8, PodiumSettings(even_rule=EvenRule.YI_YOU_YI_ZUO), [8, 6, 4, 2, 1, 3, 5, 7]),
        (7, PodiumSettings(even_rule=EvenRule.YI_YOU_YI_ZUO), [7, 5, 3, 1, 2, 4, 6]),  # odd n unaffected
    ],
)
def test_podium_variants(n, settings, expected):
    (row,) = arrange_podium(leaders(n), settings)
    assert ranks(row) == expected


def with_host(n, host_rank=None):
    return leaders(n) + [Attendee("H", "主持人", "县委办", rank=host_rank, host=True)]


def test_host_positions():
    (row,) = arrange_podium(with_host(4), PodiumSettings(host_position=HostPosition.CENTRE))
    assert [p.name for p in row] == ["领导04", "领导02", "主持人", "领导01", "领导03"]
    (row,) = arrange_podium(with_host(4), PodiumSettings(host_position=HostPosition.END_LEFT))
    assert [p.name for p in row] == ["主持人", "领导03", "领导01", "领导02", "领导04"]
    assert row[0].host and row[0].order is None
    (row,) = arrange_podium(with_host(4), PodiumSettings(host_position=HostPosition.END_RIGHT))
    assert [p.name for p in row] == ["领导03", "领导01", "领导02", "领导04", "主持人"]
    (row,) = arrange_podium(with_host(4, host_rank=5))
    assert [p.name for p in row] == ["主持人", "领导03", "领导01", "领导02", "领导04"]
    with pytest.raises(SeatingError, match="没有座次号"):
        arrange_podium(with_host(4))


def test_host_at_end_of_front_row_with_two_rows():
    rows = arrange_podium(with_host(6), PodiumSettings(row_sizes=(5,), host_position=HostPosition.END_RIGHT))
    assert [p.name for p in rows[0]] == ["领导03", "领导01", "领导02", "领导04", "主持人"]
    assert ranks(rows[1]) == [5, 6]


# ---------------------------------------------------------------- audience

UNITS = ["县委办公室", "县政府办公室", "县发改局", "县财政局", "县人社局", "县公安局", "丁村镇"]


def test_unit_order_by_strokes():
    # 丁2 < 县7; then second character: 人2 < 公4 < 发5 < 财7 < 委8 < 政9
    units, _ = unit_sequence(UNITS, AudienceSettings(unit_order=UnitOrder.STROKES))
    assert units == ["丁村镇", "县人社局", "县公安局", "县发改局", "县财政局", "县委办公室", "县政府办公室"]


def test_unit_order_by_pinyin():
    # ding < xian; then cai < fa < gong < ren < wei < zheng
    units, _ = unit_sequence(UNITS, AudienceSettings(unit_order=UnitOrder.PINYIN))
    assert units == ["丁村镇", "县财政局", "县发改局", "县公安局", "县人社局", "县委办公室", "县政府办公室"]
    assert pinyin_key("重庆") < pinyin_key("丁村")  # phrase context: chong, not zhong


def test_unit_order_numbers_compare_by_value():
    units = ["第10中学", "第2中学", "第1中学"]
    expected = ["第1中学", "第2中学", "第10中学"]
    assert unit_sequence(units, AudienceSettings(unit_order=UnitOrder.PINYIN))[0] == expected
    assert unit_sequence(units, AudienceSettings(unit_order=UnitOrder.STROKES))[0] == expected


def test_unit_order_by_published_list_warns_on_unlisted_and_blank():
    settings = AudienceSettings(unit_list=("县财政局", "县委办公室", "不来的单位"))
    units, warnings = unit_sequence(["县委办公室", "县公安局", "", "县财政局"], settings)
    assert units == ["县财政局", "县委办公室", "县公安局", NO_UNIT]
    assert warnings == ["单位“县公安局”不在公布的单位顺序中，已排在末尾", "有参会人员未注明单位，已排在末尾，请核实"]


def test_stroke_data():
    assert [stroke_count(c) for c in "一丁王张赵"] == [1, 2, 4, 7, 9]
    assert stroke_count("A") is None
    assert stroke_key("王") < stroke_key("张") < stroke_key("赵")


def audience(spec):
    """spec: [(unit, count)] -> attendees named unit-initial + number."""
    out = []
    for unit, count in spec:
        out += [Attendee(f"{unit}{i}", f"{unit[0]}{i}", unit) for i in range(1, count + 1)]
    return out


def grid(placements, hall):
    g = [["." for _ in range(hall.cols)] for _ in range(hall.rows)]
    for p in placements:
        g[p.seat.row - 1][p.seat.col - 1] = p.name
    return [" ".join(r) for r in g]


LIST = AudienceSettings(unit_list=("甲局", "乙局", "丙局"))


@pytest.mark.clause("一(二)7")
def test_hall_rows_fill_front_to_back():
    hall = Hall(rows=3, cols=4)
    placements, units, _ = arrange_hall(audience([("乙局", 3), ("甲局", 3), ("丙局", 2)]), hall, LIST)
    assert units == ["甲局", "乙局", "丙局"]
    assert grid(placements, hall) == ["甲1 甲2 甲3 乙1", "乙2 乙3 丙1 丙2", ". . . ."]
    assert all(p.seat.area == HALL for p in placements)


def test_hall_rows_each_unit_on_a_new_row():
    hall = Hall(rows=3, cols=4)
    settings = AudienceSettings(unit_list=LIST.unit_list, unit_starts_new_line=True)
    placements, _, _ = arrange_hall(audience([("甲局", 3), ("乙局", 2), ("丙局", 2)]), hall, settings)
    assert grid(placements, hall) == ["甲1 甲2 甲3 .", "乙1 乙2 . .", "丙1 丙2 . ."]


@pytest.mark.clause("一(二)7")
def test_hall_columns_fill_left_to_right_front_to_back():
    hall = Hall(rows=3, cols=4)
    settings = AudienceSettings(unit_list=LIST.unit_list, fill=Fill.COLUMNS)
    placements, _, _ = arrange_hall(audience([("甲局", 4), ("乙局", 2), ("丙局", 2)]), hall, settings)
    assert grid(placements, hall) == ["甲1 甲4 丙1 .", "甲2 乙1 丙2 .", "甲3 乙2 . ."]
    settings = AudienceSettings(unit_list=LIST.unit_list, fill=Fill.COLUMNS, unit_starts_new_line=True)
    placements, _, _ = arrange_hall(audience([("甲局", 4), ("乙局", 2), ("丙局", 2)]), hall, settings)
    assert grid(placements, hall) == ["甲1 甲4 乙1 丙1", "甲2 . 乙2 丙2", "甲3 . . ."]


def test_hall_centre_out_alternates_from_the_centre():
    hall = Hall(rows=2, cols=5)
    settings = AudienceSettings(unit_list=LIST.unit_list, fill=Fill.CENTRE_OUT)
    placements, _, _ = arrange_hall(audience([("甲局", 3), ("乙局", 4)]), hall, settings)
    # row order by the podium pattern 5 3 1 2 4: centre, right, left, right, left (as seen from the hall)
    assert grid(placements, hall) == ["乙2 甲3 甲1 甲2 乙1", ". . 乙3 乙4 ."]
    mirrored = AudienceSettings(unit_list=LIST.unit_list, fill=Fill.CENTRE_OUT, centre_out_mirror=True)
    placements, _, _ = arrange_hall(audience([("甲局", 3)]), Hall(rows=1, cols=4), mirrored)
    # mirrored even row 4 2 1 3: by precedence col 3, col 2, col 4, col 1
    assert grid(placements, Hall(rows=1, cols=4)) == [". 甲2 甲1 甲3"]


def test_hall_skips_unavailable_seats_and_refuses_overflow():
    hall = Hall(rows=2, cols=3, aisles_after=(1,), unavailable=frozenset({(1, 2)}))
    placements, _, _ = arrange_hall(audience([("甲局", 4)]), hall, LIST)
    assert grid(placements, hall) == ["甲1 . 甲2", "甲3 甲4 ."]
    assert hall.capacity == 5
    with pytest.raises(SeatingError, match="会场座位不足"):
        arrange_hall(audience([("甲局", 6)]), hall, LIST)
    with pytest.raises(SeatingError, match="排不下"):
        arrange_hall(audience([("甲局", 4), ("乙局", 1)]), Hall(rows=2, cols=3),
                     AudienceSettings(unit_list=LIST.unit_list, unit_starts_new_line=True))


@pytest.mark.clause("一(二)7")
def test_arrange_whole_plan_is_deterministic_and_complete():
    people = leaders(3) + audience([("乙局", 2), ("甲局", 2)])
    plan = arrange(people, Hall(rows=2, cols=3), audience=LIST)
    assert [p.name for p in plan.podium_rows[0]] == ["领导03", "领导01", "领导02"]
    assert [p.name for p in plan.hall_placements] == ["甲1", "甲2", "乙1", "乙2"]
    assert check_placements(plan.placements, people, plan.hall) == []
    assert arrange(list(people), Hall(rows=2, cols=3), audience=LIST) == plan
    with pytest.raises(SeatingError, match="未设定会场座位"):
        arrange(people)


# ---------------------------------------------------------------- checks


def hall_seat(r, c):
    return SeatRef(HALL, r, c)


@pytest.mark.clause("一(二)7")
def test_check_reports_missing_duplicate_unknown_and_clash():
    people = [Attendee("a", "张三", "甲局"), Attendee("b", "李四", "乙局"), Attendee("c", "王五", "")]
    placements = [
        Placement(hall_seat(1, 1), "a", "张三"),
        Placement(hall_seat(1, 2), "a", "张三"),
        Placement(hall_seat(1, 2), "x", "赵六"),
        Placement(hall_seat(1, 3), "c", "王武"),
        Placement(hall_seat(9, 9), "c", "王五"),
    ]
    messages = [p.message for p in check_placements(placements, people, Hall(rows=2, cols=3))]
    assert messages == [
        "漏排：李四（乙局）没有安排座位",
        "重排：张三被安排了 2 个座位（会场第1排第1座、会场第1排第2座）",
        "错排：会场第1排第2座上的“赵六”不在参会人员名单中",
        "重排：王五被安排了 2 个座位（会场第1排第3座、会场第9排第9座）",
        "姓名不符：会场第1排第3座写的是“王武”，名单上是“王五”",
        "座位不存在：会场第9排第9座（王五）",
        "座位冲突：会场第1排第2座同时安排了张三、赵六",
    ]
    codes = {p.code for p in check_placements(placements, people, Hall(rows=2, cols=3))}
    assert codes == {"missing", "duplicate", "unknown", "name_mismatch", "no_seat", "seat_clash"}


@pytest.mark.clause("一(二)7")
def test_manual_adjustment_swap_and_move():
    people = leaders(3) + audience([("甲局", 2)])
    plan = arrange(people, Hall(rows=1, cols=3), audience=LIST)
    swapped = swap(plan.placements, "L1", "L2")
    assert check_placements(swapped, people) == []
    assert {p.key: p.seat.col for p in swapped if p.seat.area == PODIUM} == {"L3": 1, "L2": 2, "L1": 3}
    moved = move(plan.placements, "甲局1", hall_seat(1, 2))
    assert [p.code for p in check_placements(moved, people)] == ["seat_clash"]
    with pytest.raises(SeatingError, match="^要交换座位的人员没有座位$"):
        swap(plan.placements, "L1", "nobody")


def test_changed_seats_after_attendance_changes():
    people = leaders(3) + audience([("甲局", 2)])
    old = arrange(people, Hall(rows=1, cols=3), audience=LIST)
    new_people = [a for a in people if a.key != "L2"] + [Attendee("L4", "领导04", rank=4)]
    new = arrange(new_people, Hall(rows=1, cols=3), audience=LIST)
    # before: 3 1 2 (ranks 1, 2, 3); after, ranks 1, 3, 4 are the 1st, 2nd, 3rd: 4 1 3
    assert [p.name for p in new.podium_rows[0]] == ["领导04", "领导01", "领导03"]
    assert changed_seats(old, new) == [
        "新增：领导04 → 主席台第1排第1座",
        "调整：领导03 主席台第1排第1座 → 主席台第1排第3座",
        "撤销：领导02（原主席台第1排第3座）",
    ]
    assert changed_seats(old, old) == []


# ---------------------------------------------------------------- proofreading


@pytest.mark.clause("一(二)9")
def test_proofread_flags_names_not_on_the_roster_with_closest_suggestion():
    roster = ["张伟", "李建国", "欧阳明华"]
    flags = proofread_names(["张伟", "张  伟", "张玮", "李建军", "欧阳明", "司马光"], roster)
    assert [(f.printed, f.suggestion) for f in flags] == [
        ("张玮", "张伟"),
        ("李建军", "李建国"),
        ("欧阳明", "欧阳明华"),
        ("司马光", "张伟"),
    ]
    assert flags[0].message == "“张玮”与人员名册不符，是否应为“张伟”？"
    assert flags[-1].message == "“司马光”不在人员名册中（最接近的是“张伟”），请核实"
    assert proofread_names(["张三"], [])[0].suggestion is None


def test_homophone_is_closer_than_other_character():
    assert name_distance("张伟", "张玮") == 0.5
    assert name_distance("张伟", "张明") == 1.0
    assert proofread_names(["王芳"], ["王方", "王芬"])[0].suggestion == "王方"


@pytest.mark.clause("一(二)9")
def test_proofread_plan_checks_every_printed_name():
    people = [Attendee("a", "张伟", rank=1), Attendee("b", "李健", "甲局")]
    plan = arrange(people, Hall(rows=1, cols=2), audience=LIST)
    assert proofread_plan(plan, ["张伟", "李健"]) == []
    assert [f.suggestion for f in proofread_plan(plan, ["张伟", "李建"])] == ["李建"]


# ---------------------------------------------------------------- rearrange: regeneration keeping manual adjustments


def _rearrange_people(extra=()):
    people = [Attendee("A", "甲一", "院领导", rank=1), Attendee("B", "乙二", "院领导", rank=2),
              Attendee("C", "丙三", "院领导", rank=3)]
    people += [Attendee(f"x{i}", f"科员{i}", "办公室") for i in range(3)]
    people += [Attendee(f"y{i}", f"医生{i}", "医务科") for i in range(3)]
    return people + list(extra)


REARRANGE_HALL = Hall(rows=3, cols=4)
BY_LIST = AudienceSettings(unit_list=("办公室", "医务科", "信息科"))


def _seats(plan):
    return {p.key: p.seat for p in plan.placements}


@pytest.mark.clause("一(二)7", "一(二)9")
def test_rearrange_keeps_manual_adjustments_and_frees_the_seats_of_leavers():
    people = _rearrange_people()
    plan = arrange(people, REARRANGE_HALL, audience=BY_LIST)
    adjusted = swap(plan.placements, "A", "y2")  # No.1 to the hall by hand, a doctor to the podium centre
    adjusted = move(adjusted, "x0", SeatRef(HALL, 3, 4))
    previous = arrange(people, REARRANGE_HALL, audience=BY_LIST)
    previous.podium_rows = [[p for p in adjusted if p.seat.area == PODIUM]]
    previous.hall_placements = [p for p in adjusted if p.seat.area == HALL]
    remaining = [a for a in people if a.key != "x1"]
    again = rearrange(previous, remaining, REARRANGE_HALL, audience=BY_LIST)
    before = _seats(previous)
    del before["x1"]
    assert _seats(again) == before
    assert check_placements(again.placements, remaining, REARRANGE_HALL) == []
    assert [p.order for row in again.podium_rows for p in row] == [3, None, 2]  # y2 sits in No.1's place
    assert next(p for p in again.hall_placements if p.key == "A").order == 1


@pytest.mark.clause("一(二)7")
def test_rearrange_seats_a_newcomer_by_unit_in_a_free_seat():
    people = _rearrange_people()
    previous = arrange(people, REARRANGE_HALL, audience=BY_LIST)
    gap = previous.seat_of("y1")
    remaining = [a for a in people if a.key != "y1"]
    step = rearrange(previous, remaining, REARRANGE_HALL, audience=BY_LIST)
    newcomer = Attendee("y9", "新医生", "医务科")
    again = rearrange(step, [*remaining, newcomer], REARRANGE_HALL, audience=BY_LIST)
    assert again.seat_of("y9") == gap
    stranger = Attendee("z1", "信息员", "信息科")
    last = rearrange(again, [*remaining, newcomer, stranger], REARRANGE_HALL, audience=BY_LIST)
    assert last.seat_of("z1") == SeatRef(HALL, 2, 3)  # right after 医务科, the unit before it in the list
    assert check_placements(last.placements, [*remaining, newcomer, stranger], REARRANGE_HALL) == []
    assert last.warnings == []


@pytest.mark.clause("一(二)7")
def test_rearrange_reports_a_podium_order_change_instead_of_reshuffling():
    people = _rearrange_people()
    previous = arrange(people, REARRANGE_HALL, audience=BY_LIST)  # podium 3 1 2: 丙三 甲一 乙二
    appended = rearrange(previous, [*people, Attendee("D", "丁四", "院领导", rank=4)], REARRANGE_HALL,
                         audience=BY_LIST)
    assert appended.seat_of("D") == SeatRef(PODIUM, 1, 4) and appended.warnings == []
    top = Attendee("Z", "赵零", "院领导", rank=0)
    again = rearrange(previous, [*people, top], REARRANGE_HALL, audience=BY_LIST)
    kept = _seats(again)
    assert kept.pop("Z") == SeatRef(PODIUM, 1, 4)
    assert kept == _seats(previous)
    assert len(again.warnings) == 1 and "礼宾次序" in again.warnings[0]
    assert "乙二、赵零、甲一、丙三" in again.warnings[0]  # what a fresh arrangement would give
    with_gap = rearrange(previous, [a for a in people if a.key != "A"], REARRANGE_HALL, audience=BY_LIST)
    assert [p.seat.col for p in with_gap.podium_rows[0]] == [1, 3]
    assert "空出主席台第1排第2座（原甲一）" in with_gap.warnings[0]


@pytest.mark.clause("一(二)7")
def test_rearrange_respects_the_podium_row_size_and_fills_a_vacated_seat_first():
    people = _rearrange_people()
    settings = PodiumSettings(row_sizes=(3,))
    previous = arrange(people, REARRANGE_HALL, podium=settings, audience=BY_LIST)
    fourth = Attendee("D", "丁四", "院领导", rank=4)
    more = rearrange(previous, [*people, fourth], REARRANGE_HALL, podium=settings, audience=BY_LIST)
    assert more.seat_of("D") == SeatRef(PODIUM, 2, 1)  # the front row is full
    without_b = [a for a in people if a.key != "B"]
    step = rearrange(previous, without_b, REARRANGE_HALL, podium=settings, audience=BY_LIST)
    late = Attendee("E", "戊五", "院领导", rank=0)
    again = rearrange(step, [*without_b, late], REARRANGE_HALL, podium=settings, audience=BY_LIST)
    assert again.seat_of("E") == SeatRef(PODIUM, 1, 3)  # 乙二's seat, free in the front row
    assert check_placements(again.placements, [*without_b, late], REARRANGE_HALL) == []


def test_rearrange_needs_a_free_seat():
    people = _rearrange_people()
    small = Hall(rows=2, cols=3)
    previous = arrange(people, small)
    with pytest.raises(SeatingError, match="会场座位不足"):
        rearrange(previous, [*people, Attendee("n", "新人", "办公室")], small)
