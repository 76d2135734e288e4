"""Table-driven tests: every rule of part 二 as read in issue 3 item 5, on the default policy."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.penalties.builders import amounts, codes, error, pay, person, series
from zeroerror.penalties.engine import EngineInputError, ErrorRecord, Person, compute
from zeroerror.penalties.policy import DEFAULT_POLICY, policy_from_dict, policy_to_dict

D = Decimal
WSE, MSC = "written_self_examination", "meeting_self_criticism"
HIGH_PAY = "10000.00"  # 20% = 2000, and no cap reached by four errors


def _policy(**changes):
    data = policy_to_dict(DEFAULT_POLICY)
    data.update(changes)
    data["id"] = "test-variant"
    return policy_from_dict(data)


# --- the responsible person: each ordinal × severity × tier ------------------------------------------------------

GENERAL_TABLE = [
    # (role, ordinal, amount, measures, rule)
    ("staff", 1, "50.00", ["reminder_talk"], "二.2(1)-1"),
    ("staff", 2, "100.00", [WSE, MSC], "二.2(1)-2"),
    ("staff", 3, "2000.00", ["award_disqualified"], "二.2(1)-3+"),
    ("staff", 4, "2000.00", ["award_disqualified"], "二.2(1)-3+"),
    ("director", 1, "100.00", ["reminder_talk"], "二.2(1)-1"),
    ("director", 2, "200.00", [WSE, MSC], "二.2(1)-2"),
    ("director", 3, "2000.00", ["award_disqualified"], "二.2(1)-3+"),
    ("director", 5, "2000.00", ["award_disqualified"], "二.2(1)-3+"),
    ("deputy_director", 1, "50.00", ["reminder_talk"], "二.2(1)-1"),  # 副主任 count as staff by default
    ("deputy_director", 2, "100.00", [WSE, MSC], "二.2(1)-2"),
]

SERIOUS_TABLE = [
    ("staff", 1, "100.00", [WSE, MSC], "二.2(2)-1"),
    ("staff", 2, "300.00", ["suspension"], "二.2(2)-2"),
    ("staff", 3, "300.00", ["suspension", "discipline_referral"], "二.2(2)-3+"),
    ("staff", 4, "300.00", ["suspension", "discipline_referral"], "二.2(2)-3+"),
    ("director", 1, "300.00", [WSE, MSC], "二.2(2)-1"),
    ("director", 2, "500.00", ["suspension"], "二.2(2)-2"),
    ("director", 3, "500.00", ["suspension", "discipline_referral"], "二.2(2)-3+"),
    ("director", 4, "500.00", ["suspension", "discipline_referral"], "二.2(2)-3+"),
    ("deputy_director", 1, "100.00", [WSE, MSC], "二.2(2)-1"),
    ("deputy_director", 2, "300.00", ["suspension"], "二.2(2)-2"),
]


def _nth(severity: str, role: str, ordinal: int):
    errors = series("u1", severity, ordinal)
    result = compute([person("u1", role)], errors, pay(u1={"2026-07": HIGH_PAY}))
    return result, errors[-1].id


@pytest.mark.clause("二.2(1)")
@pytest.mark.parametrize("role,ordinal,amount,measures,rule", GENERAL_TABLE)
def test_general_error_by_ordinal_and_tier(role, ordinal, amount, measures, rule):
    result, last = _nth("general", role, ordinal)
    [entry] = result.entries_for(last)
    assert (entry.person, entry.month, entry.amount) == ("u1", "2026-07", D(amount))
    assert entry.basis.rule == rule and entry.basis.ordinal == ordinal and entry.basis.severity == "general"
    assert entry.basis.tier == ("director" if role == "director" else "staff")
    assert entry.basis.policy_version == "2026-default-v1"
    assert codes(result, last) == measures


@pytest.mark.clause("二.2(2)")
@pytest.mark.parametrize("role,ordinal,amount,measures,rule", SERIOUS_TABLE)
def test_serious_error_by_ordinal_and_tier(role, ordinal, amount, measures, rule):
    result, last = _nth("serious", role, ordinal)
    [entry] = result.entries_for(last)
    assert (entry.person, entry.amount, entry.basis.rule, entry.basis.ordinal) == ("u1", D(amount), rule, ordinal)
    assert codes(result, last) == measures


@pytest.mark.clause("二.2(1)")
def test_third_general_error_is_twenty_percent_of_that_months_pay():
    errors = [*series("u1", "general", 2, "2026-06"), error("e3", "u1", "general", "2026-07-15")]
    result = compute([person("u1")], errors, pay(u1={"2026-06": "9000.00", "2026-07": "4321.55"}))
    [entry] = result.entries_for("e3")
    assert entry.month == "2026-07" and entry.amount == D("864.31")  # 864.310
    assert entry.basis.rate == D("0.20") and entry.basis.pay == D("4321.55")
    assert "20%" in entry.basis.explanation


@pytest.mark.clause("二.2(1)")
def test_rate_rounds_half_up_to_the_cent():
    policy = policy_from_dict({**policy_to_dict(DEFAULT_POLICY), "id": "rate-15"} | {
        "schedules": {**policy_to_dict(DEFAULT_POLICY)["schedules"],
                      "general": [{"ordinal": 1, "rate": "0.15", "measures": []}]},
    })
    result = compute([person("u1")], series("u1", "general", 1), pay(u1={"2026-07": "100.30"}), policy)
    assert amounts(result, "u1") == {"e01": D("15.05")}  # 15.045: half-up, not half-even (15.04)


@pytest.mark.clause("二.2(1)")
def test_twenty_percent_without_the_months_pay_is_pending_and_fixed_amounts_still_post():
    errors = series("u1", "general", 4)
    result = compute([person("u1")], errors, pay(u1={"2026-06": "5000.00"}))  # July unknown
    assert amounts(result, "u1") == {"e01": D("50.00"), "e02": D("100.00")}
    assert [(p.error, p.person, p.reason, p.month) for p in result.pending] == [
        ("e03", "u1", "monthly_pay_missing", "2026-07"),
        ("e04", "u1", "monthly_pay_missing", "2026-07"),
    ]
    assert codes(result, "e03") == ["award_disqualified"]  # the measure does not wait for the pay
    assert result.totals == {"u1": {"2026-07": D("150.00")}}


@pytest.mark.clause("二.2(2)")
@pytest.mark.parametrize(
    "ordinal,especially,expected",
    [
        (1, True, [WSE, MSC]),  # the referral clause is attached to the 2nd
        (2, False, ["suspension"]),
        (2, True, ["suspension", "discipline_referral"]),
        (3, False, ["suspension", "discipline_referral"]),  # always referred from the 3rd
        (3, True, ["suspension", "discipline_referral"]),
    ],
)
def test_discipline_referral_for_serious_errors(ordinal, especially, expected):
    errors = series("u1", "serious", ordinal)
    errors[-1] = ErrorRecord(**{**errors[-1].__dict__, "especially_serious": especially})
    result = compute([person("u1")], errors)
    assert codes(result, errors[-1].id) == expected


@pytest.mark.clause("二.2(1)")
def test_especially_serious_flag_does_not_refer_a_general_error():
    errors = [error(f"g{i}", "u1", "general", f"2026-07-0{i}", especially=True) for i in range(1, 4)]
    result = compute([person("u1")], errors, pay(u1={"2026-07": HIGH_PAY}))
    assert "discipline_referral" not in {m.code for m in result.measures}


# --- the 分管领导's joint responsibility -------------------------------------------------------------------------

LEADER_TABLE = [
    # (tier of the error's person, leader ordinal, leader amount or None, leader measure)
    ("staff", 1, None, "leader_verbal_reminder"),
    ("staff", 2, "300.00", "leader_reminder_talk"),
    ("staff", 3, None, "leader_discipline_talk"),
    ("staff", 4, None, "leader_discipline_talk"),
    ("director", 1, None, "leader_verbal_reminder"),
    ("director", 2, "500.00", "leader_reminder_talk"),
    ("director", 3, None, "leader_discipline_talk"),
    ("director", 5, None, "leader_discipline_talk"),
]


@pytest.mark.clause("二.2(3)")
@pytest.mark.parametrize("role,ordinal,amount,measure", LEADER_TABLE)
def test_leader_joint_responsibility_for_serious_errors(role, ordinal, amount, measure):
    people = [person("L1", "leader"), person("u1", role, leader="L1")]
    errors = series("u1", "serious", ordinal)
    result = compute(people, errors)
    last = errors[-1].id
    leader_entries = [e for e in result.entries_for(last) if e.person == "L1"]
    if amount is None:
        assert leader_entries == []
    else:
        [entry] = leader_entries
        assert (entry.amount, entry.month, entry.basis.clause, entry.basis.kind) == (D(amount), "2026-07", "二.2(3)", "leader")
        assert entry.basis.ordinal == ordinal and entry.basis.tier == role
    assert codes(result, last, "L1") == [measure]
    assert all(m.error == last for m in result.measures_for(last))


@pytest.mark.clause("二.2(3)")
def test_leader_counts_over_everyone_in_charge_and_the_amount_follows_the_errors_tier():
    people = [person("L1", "leader"), person("s1", "staff", leader="L1"), person("d1", "director", leader="L1"),
              person("x1", "staff", leader="L2"), person("L2", "leader")]
    errors = [
        error("a", "s1", "serious", "2026-03-01"),
        error("b", "x1", "serious", "2026-03-02"),  # another leader's charge: does not count for L1
        error("c", "d1", "serious", "2026-03-03"),  # L1's 2nd, a director's error: 500
        error("d", "s1", "serious", "2026-04-01"),  # L1's 3rd
    ]
    result = compute(people, errors)
    assert amounts(result, "L1") == {"c": D("500.00")}
    assert amounts(result, "L2") == {}
    assert [(m.error, m.code) for m in result.measures if m.person == "L1"] == [
        ("a", "leader_verbal_reminder"), ("c", "leader_reminder_talk"), ("d", "leader_discipline_talk"),
    ]
    assert codes(result, "b", "L2") == ["leader_verbal_reminder"]
    # the persons' own ordinals are their own: d1's error is d1's 1st
    assert amounts(result, "d1") == {"c": D("300.00")}


@pytest.mark.clause("二.2(3)")
def test_leader_in_charge_on_the_confirmation_date_overrides_the_persons_current_leader():
    people = [person("L1", "leader"), person("L2", "leader"), person("u1", leader="L2")]
    errors = [error("a", "u1", "serious", "2026-01-05", leader="L1"), error("b", "u1", "serious", "2026-02-05", leader="L1"),
              error("c", "u1", "serious", "2026-03-05")]
    result = compute(people, errors)
    assert amounts(result, "L1") == {"b": D("300.00")}
    assert codes(result, "c", "L2") == ["leader_verbal_reminder"]


@pytest.mark.clause("二.2(3)")
def test_no_joint_responsibility_for_general_errors_or_without_a_leader():
    people = [person("L1", "leader"), person("u1", leader="L1"), person("u2")]
    errors = [*series("u1", "general", 3), *series("u2", "serious", 2, prefix="s")]
    result = compute(people, errors, pay(u1={"2026-07": HIGH_PAY}))
    assert [x for x in result.entries if x.person == "L1"] == []
    assert [x for x in result.measures if x.person == "L1"] == []
    assert {x.person for x in result.entries} == {"u1", "u2"}


@pytest.mark.clause("二.2(3)")
def test_leader_deductions_are_capped_by_the_leaders_pay():
    people = [person("L1", "leader"), person("u1", "director", leader="L1")]
    result = compute(people, series("u1", "serious", 2), pay(L1={"2026-07": "200.00"}))
    [entry] = [e for e in result.entries if e.person == "L1"]
    assert entry.amount == D("200.00") and entry.basis.capped and entry.basis.uncapped_amount == D("500.00")


# --- counting: per person, per severity, per calendar year; what counts --------------------------------------


@pytest.mark.clause("二.2(1)", "二.2(2)")
def test_ordinals_are_counted_per_severity():
    errors = [error("a", "u1", "general", "2026-01-10"), error("b", "u1", "serious", "2026-01-11"),
              error("c", "u1", "general", "2026-01-12"), error("d", "u1", "serious", "2026-01-13")]
    result = compute([person("u1")], errors)
    assert amounts(result, "u1") == {"a": D("50.00"), "b": D("100.00"), "c": D("100.00"), "d": D("300.00")}
    assert [e.basis.ordinal for e in result.entries] == [1, 1, 2, 2]


@pytest.mark.clause("二.2(1)", "二.2(2)")
def test_ordinals_are_counted_per_person():
    errors = [error("a", "u1", "general", "2026-01-10"), error("b", "u2", "general", "2026-01-11")]
    result = compute([person("u1"), person("u2")], errors)
    assert [(e.person, e.amount, e.basis.ordinal) for e in result.entries] == [("u1", D("50.00"), 1), ("u2", D("50.00"), 1)]


@pytest.mark.clause("二.2(1)", "二.2(2)", "二.2(3)")
def test_ordinals_restart_each_calendar_year():
    people = [person("L1", "leader"), person("u1", leader="L1")]
    errors = [error("a", "u1", "general", "2025-12-31"), error("b", "u1", "general", "2026-01-01"),
              error("c", "u1", "serious", "2025-11-03"), error("d", "u1", "serious", "2025-12-03"),
              error("e", "u1", "serious", "2026-01-03")]
    result = compute(people, errors)
    assert amounts(result, "u1") == {"a": D("50.00"), "b": D("50.00"), "c": D("100.00"), "d": D("300.00"),
                                     "e": D("100.00")}
    assert amounts(result, "L1") == {"d": D("300.00")}
    assert codes(result, "e", "L1") == ["leader_verbal_reminder"]
    assert [e.basis.year for e in result.entries if e.error in ("a", "b")] == [2025, 2026]


@pytest.mark.clause("二.1", "二.2(1)")
@pytest.mark.parametrize("status", ["overturned", "rejected"])
def test_overturned_and_rejected_errors_do_not_count_and_cost_nothing(status):
    people = [person("L1", "leader"), person("u1", leader="L1", head="h1"), person("h1", "director")]
    errors = [error("a", "u1", "general", "2026-05-01", status=status), error("b", "u1", "general", "2026-05-02"),
              error("s", "u1", "serious", "2026-05-03", status=status)]
    result = compute(people, errors)
    assert amounts(result, "u1") == {"b": D("50.00")}
    assert result.entries_for("a") == () and result.measures_for("a") == ()
    assert result.entries_for("s") == () and result.measures_for("s") == ()
    assert result.pending == ()


@pytest.mark.clause("二.2(1)", "二.2(2)")
def test_undetermined_severity_is_pending_and_does_not_count():
    people = [person("L1", "leader"), person("u1", leader="L1")]
    errors = [error("a", "u1", "undetermined", "2026-05-01"), error("b", "u1", "general", "2026-05-02"),
              error("c", "u1", "serious", "2026-05-03"), error("z", "u1", "undetermined", "2026-05-04", status="overturned")]
    result = compute(people, errors)
    assert [(p.error, p.person, p.reason) for p in result.pending] == [("a", "u1", "severity_undetermined")]
    assert result.entries_for("a") == () and result.measures_for("a") == ()
    assert amounts(result, "u1") == {"b": D("50.00"), "c": D("100.00")}
    assert codes(result, "c", "L1") == ["leader_verbal_reminder"]


@pytest.mark.clause("二.2(1)")
def test_deduction_falls_in_the_month_of_confirmation():
    errors = [error("a", "u1", "general", "2026-01-31"), error("b", "u1", "general", "2026-02-01")]
    result = compute([person("u1")], errors)
    assert [(e.error, e.month) for e in result.entries] == [("a", "2026-01"), ("b", "2026-02")]
    assert result.totals == {"u1": {"2026-01": D("50.00"), "2026-02": D("100.00")}}


@pytest.mark.clause("二.2(1)")
@pytest.mark.parametrize(
    "ids,first",
    [
        (["e2", "e10"], "e10"),  # string ids sort as strings
        ([2, 10], 2),  # int ids sort numerically (database primary keys)
    ],
)
def test_same_day_errors_are_ordered_by_id(ids, first):
    errors = [error(i, "u1", "general", "2026-03-03") for i in reversed(ids)]
    result = compute([person("u1")], errors)
    assert amounts(result, "u1")[first] == D("50.00")
    assert result.entries[0].error == first


@pytest.mark.clause("二.2(1)")
def test_errors_are_ordered_by_confirmation_date_not_input_order_or_id():
    errors = [error("a", "u1", "general", "2026-03-09"), error("z", "u1", "general", "2026-03-01")]
    result = compute([person("u1")], errors)
    assert amounts(result, "u1") == {"z": D("50.00"), "a": D("100.00")}


# --- tier: role on the confirmation date, 副主任 policy switch, explicit tier ---------------------------------


@pytest.mark.clause("二.2(1)", "二.2(2)", "二.2(3)")
@pytest.mark.parametrize(
    "deputy_tier,general_1st,serious_2nd,leader_2nd",
    [("staff", "50.00", "300.00", "300.00"), ("director", "100.00", "500.00", "500.00")],
)
def test_deputy_director_policy_switch(deputy_tier, general_1st, serious_2nd, leader_2nd):
    policy = DEFAULT_POLICY if deputy_tier == "staff" else _policy(deputy_director_tier="director")
    people = [person("L1", "leader"), person("v1", "deputy_director", leader="L1")]
    errors = [error("g", "v1", "general", "2026-02-01"), *series("v1", "serious", 2, "2026-03")]
    result = compute(people, errors, policy=policy)
    assert amounts(result, "v1") == {"g": D(general_1st), "e01": D("100.00" if deputy_tier == "staff" else "300.00"),
                                     "e02": D(serious_2nd)}
    assert amounts(result, "L1") == {"e02": D(leader_2nd)}
    assert {e.basis.policy_version for e in result.entries} == {policy.id}


@pytest.mark.clause("二.2(1)")
def test_explicit_tier_resolved_by_the_caller_wins_over_the_current_role():
    errors = [error("a", "u1", "general", "2026-02-01", tier="director"), error("b", "u1", "general", "2026-09-01")]
    result = compute([person("u1", "staff")], errors)
    assert amounts(result, "u1") == {"a": D("100.00"), "b": D("100.00")}  # b is the 2nd, as staff
    assert [e.basis.tier for e in result.entries] == ["director", "staff"]


@pytest.mark.clause("二.2(1)")
def test_a_leaders_own_error_needs_an_explicit_tier():
    with pytest.raises(EngineInputError, match="'e1'.*leader.*tier"):
        compute([person("L1", "leader")], [error("e1", "L1", "general", "2026-02-01")])
    result = compute([person("L1", "leader")], [error("e1", "L1", "general", "2026-02-01", tier="director")])
    assert amounts(result, "L1") == {"e1": D("100.00")}


# --- the monthly cap ------------------------------------------------------------------------------------------


@pytest.mark.clause("二.3")
def test_cap_reduces_the_last_entries_of_the_month_in_confirmation_order():
    errors = [error("a", "u1", "general", "2026-07-01"), error("b", "u1", "serious", "2026-07-02"),
              error("c", "u1", "general", "2026-07-03"), error("d", "u1", "serious", "2026-07-04")]
    result = compute([person("u1")], errors, pay(u1={"2026-07": "180.00"}))
    assert amounts(result, "u1") == {"a": D("50.00"), "b": D("100.00"), "c": D("30.00"), "d": D("0.00")}
    assert result.totals == {"u1": {"2026-07": D("180.00")}}
    capped = {e.error: (e.basis.capped, e.basis.uncapped_amount) for e in result.entries}
    assert capped == {"a": (False, None), "b": (False, None), "c": (True, D("100.00")), "d": (True, D("300.00"))}
    assert "不超过当月绩效180.00元" in result.entries_for("c")[0].basis.explanation


@pytest.mark.clause("二.3")
def test_cap_counts_twenty_percent_entries_and_only_the_months_with_known_pay():
    errors = [*series("u1", "general", 3, "2026-07"), *series("u1", "serious", 3, "2026-08", prefix="s")]
    result = compute([person("u1")], errors, pay(u1={"2026-07": "200.00"}))  # August unknown: no cap there
    assert amounts(result, "u1") == {"e01": D("50.00"), "e02": D("100.00"), "e03": D("40.00"),
                                     "s01": D("100.00"), "s02": D("300.00"), "s03": D("300.00")}
    assert result.totals == {"u1": {"2026-07": D("190.00"), "2026-08": D("700.00")}}
    assert not any(e.basis.capped for e in result.entries)


@pytest.mark.clause("二.3")
def test_cap_can_be_switched_off_by_policy():
    errors = series("u1", "serious", 2)
    capped = compute([person("u1")], errors, pay(u1={"2026-07": "150.00"}))
    uncapped = compute([person("u1")], errors, pay(u1={"2026-07": "150.00"}), _policy(cap_at_monthly_pay=False))
    assert capped.totals["u1"]["2026-07"] == D("150.00")
    assert uncapped.totals["u1"]["2026-07"] == D("400.00")


# --- 科室负责人 (二.1) -----------------------------------------------------------------------------------------


@pytest.mark.clause("二.1")
def test_department_head_is_recorded_as_held_accountable_without_amount():
    people = [person("h1", "director"), person("u1", head="h1"), person("u2"), person("h2", "director", head="h2x"),
              person("h2x", "director")]
    errors = [error("a", "u1", "general", "2026-02-01"), error("b", "u2", "serious", "2026-02-02"),
              error("c", "h1", "general", "2026-02-03", department_head="h1"),  # own 科室负责人: not twice
              error("d", "u2", "general", "2026-02-04", department_head="h1")]
    result = compute(people, errors)
    held = [(m.error, m.person, m.basis.clause) for m in result.measures if m.code == "department_head_accountable"]
    assert held == [("a", "h1", "二.1"), ("d", "h1", "二.1")]
    assert amounts(result, "h1") == {"c": D("100.00")}  # only h1's own error


@pytest.mark.clause("二.1")
def test_department_head_amount_when_a_unit_configures_one():
    policy = _policy(department_head={"measures": ["department_head_accountable"], "amounts": {"serious": "20"}})
    people = [person("h1", "director"), person("u1", head="h1")]
    result = compute(people, [error("a", "u1", "general", "2026-02-01"), error("b", "u1", "serious", "2026-02-02")],
                     policy=policy)
    assert amounts(result, "h1") == {"b": D("20.00")}


# --- the record (二.3): basis, totals, explanations ----------------------------------------------------------


@pytest.mark.clause("二.3")
def test_every_entry_and_measure_carries_its_basis():
    people = [person("L1", "leader"), person("u1", leader="L1")]
    errors = [*series("u1", "general", 3), *series("u1", "serious", 2, prefix="s")]
    result = compute(people, errors, pay(u1={"2026-07": HIGH_PAY}))
    for item in (*result.entries, *result.measures):
        b = item.basis
        assert b.policy_version == "2026-default-v1" and b.explanation and b.rule.startswith(b.clause + "-")
        assert b.confirmed_on.isoformat().startswith("2026-07") and b.year == 2026 and b.ordinal >= 1
    for entry in result.entries:
        assert entry.amount == entry.amount.quantize(D("0.01")) and f"{entry.amount}" in entry.basis.explanation
    assert "2026年第3次一般差错（一般工作人员）" in result.entries_for("e03")[0].basis.explanation
    leader_entry = [e for e in result.entries if e.person == "L1"][0]
    assert leader_entry.basis.explanation.startswith("分管领导连带责任")


@pytest.mark.clause("二.3")
def test_totals_are_per_person_and_month():
    people = [person("L1", "leader"), person("u1", leader="L1"), person("u2", "director", leader="L1")]
    errors = [error("a", "u1", "serious", "2026-01-05"), error("b", "u2", "serious", "2026-02-05"),
              error("c", "u1", "general", "2026-02-06")]
    result = compute(people, errors)
    assert result.totals == {"L1": {"2026-02": D("500.00")}, "u1": {"2026-01": D("100.00"), "2026-02": D("50.00")},
                             "u2": {"2026-02": D("300.00")}}
    assert result.total("u1", "2026-03") == D("0.00") and result.total("nobody", "2026-01") == D("0.00")


# --- documented consequences of the text (see docs/penalties.md, "Monotonicity") -----------------------------


@pytest.mark.clause("二.2(3)")
def test_overturning_a_leaders_first_serious_error_moves_the_2nd_deduction_to_the_3rd():
    """The leader's 3rd+ carries no amount (the 单位会议 decides), so an earlier overturn can create a deduction."""
    people = [person("L1", "leader"), person("u1", leader="L1")]
    errors = series("u1", "serious", 3)
    before = compute(people, errors)
    after = compute(people, [ErrorRecord(**{**errors[0].__dict__, "status": "overturned"}), *errors[1:]])
    assert amounts(before, "L1") == {"e02": D("300.00")}
    assert amounts(after, "L1") == {"e03": D("300.00")}


@pytest.mark.clause("二.2(1)")
def test_twenty_percent_of_a_low_pay_can_be_less_than_the_second_tier():
    errors = series("u1", "general", 3)
    result = compute([person("u1")], errors, pay(u1={"2026-07": "400.00"}))
    assert amounts(result, "u1")["e03"] == D("80.00")  # 20% of 400 < the 2nd error's 100


# --- input validation ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "people,errors,monthly_pay,message",
    [
        ([person("u1")], [error("e1", "u9", "general", "2026-01-01")], {}, "'e1'.*person 'u9'"),
        ([person("u1")], [error("e1", "u1", "minor", "2026-01-01")], {}, "'e1'.*severity 'minor'"),
        ([person("u1")], [error("e1", "u1", "general", "2026-01-01", status="open")], {}, "'e1'.*status"),
        ([person("u1")], [error("e1", "u1", "general", "2026-01-01", tier="boss")], {}, "'e1'.*tier"),
        ([person("u1")], [error("e1", "u1", "general", "2026-01-01")] * 2, {}, "'e1'.*twice"),
        ([person("u1"), person("u1")], [], {}, "'u1'.*twice"),
        ([person("u1", "clerk")], [], {}, "'u1'.*role 'clerk'"),
        ([person("u1", leader="L9")], [], {}, "'u1'.*leader 'L9'"),
        ([person("u1", leader="u2"), person("u2")], [], {}, "'u1'.*leader 'u2'.*not 'leader'"),
        ([person("u1", head="u1")], [], {}, "'u1'.*own department head"),
        ([person("u1"), person("u2")], [error("e1", "u1", "serious", "2026-01-01", leader="u2")], {}, "'e1'.*not 'leader'"),
        ([person("u1")], [], {"u9": {"2026-01": D(1)}}, "'u9'"),
        ([person("u1")], [], {"u1": {"2026-13": D(1)}}, "2026-13"),
        ([person("u1")], [], {"u1": {"2026-01": D("-1")}}, "non-negative"),
        ([person("u1")], [], {"u1": {"2026-01": D("1.005")}}, "two decimal"),
        ([person("u1")], [], {"u1": {"2026-01": 1.5}}, "Decimal"),
    ],
)
def test_bad_input_is_refused_naming_the_item(people, errors, monthly_pay, message):
    with pytest.raises(EngineInputError, match=message):
        compute(people, errors, monthly_pay)


def test_confirmed_on_must_be_a_date():
    bad = ErrorRecord(id="e1", person="u1", severity="general", confirmed_on=dt.datetime(2026, 1, 1))
    with pytest.raises(EngineInputError, match="'e1'.*date"):
        compute([Person("u1", "staff")], [bad])
