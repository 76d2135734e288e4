"""The policy: the default is the regulation's text; a unit's JSON is validated with errors naming the item."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

import pytest

from tests.penalties.builders import amounts, codes, pay, person, series
from zeroerror.penalties.engine import compute
from zeroerror.penalties.policy import DEFAULT_POLICY, PolicyError, policy_from_dict, policy_to_dict

D = Decimal


def _default() -> dict:
    return copy.deepcopy(policy_to_dict(DEFAULT_POLICY))


@pytest.mark.clause("二.2(1)", "二.2(2)", "二.2(3)")
def test_default_policy_is_the_regulations_text():
    data = policy_to_dict(DEFAULT_POLICY)
    assert data["id"] == "2026-default-v1"
    general, serious = data["schedules"]["general"], data["schedules"]["serious"]
    assert [s.get("amounts") for s in general] == [
        {"staff": "50.00", "director": "100.00"}, {"staff": "100.00", "director": "200.00"}, None,
    ]
    assert general[2]["rate"] == "0.20"
    assert [s["amounts"] for s in serious] == [
        {"staff": "100.00", "director": "300.00"}, {"staff": "300.00", "director": "500.00"},
        {"staff": "300.00", "director": "500.00"},
    ]
    leader = data["leader_schedules"]
    assert list(leader) == ["serious"]
    assert [s.get("amounts") for s in leader["serious"]] == [None, {"staff": "300.00", "director": "500.00"}, None]
    assert data["deputy_director_tier"] == "staff" and data["cap_at_monthly_pay"] is True
    assert data["department_head"] == {"measures": ["department_head_accountable"], "amounts": {}}


def test_round_trip_through_json():
    text = json.dumps(policy_to_dict(DEFAULT_POLICY), ensure_ascii=False)
    assert policy_from_dict(json.loads(text)) == DEFAULT_POLICY


def test_minimal_policy_defaults():
    data = {"id": "mini", "schedules": {"general": [{"ordinal": 1, "amounts": {"staff": 10, "director": 20}}],
                                        "serious": [{"ordinal": 1, "rate": 0.5}]}}
    policy = policy_from_dict(data)
    assert policy.leader_schedules == {} and policy.deputy_director_tier == "staff" and policy.cap_at_monthly_pay
    assert policy.department_head_measures == ("department_head_accountable",)
    assert policy.schedules["general"][0].amounts == {"staff": D("10.00"), "director": D("20.00")}
    assert policy.schedules["serious"][0].rate == D("0.5")


@pytest.mark.clause("二.2(1)")
def test_a_unit_changes_amounts_in_configuration():
    data = _default()
    data["id"] = "unit-2027"
    data["schedules"]["general"][0]["amounts"]["staff"] = "80"
    data["schedules"]["general"].append({"ordinal": 4, "rate": "0.30", "measures": ["award_disqualified"]})
    policy = policy_from_dict(data)
    errors = series("u1", "general", 5)
    result = compute([person("u1")], errors, pay(u1={"2026-07": "10000.00"}), policy)
    assert amounts(result, "u1") == {"e01": D("80.00"), "e02": D("100.00"), "e03": D("2000.00"),
                                     "e04": D("3000.00"), "e05": D("3000.00")}
    assert [e.basis.rule for e in result.entries][-2:] == ["二.2(1)-4+", "二.2(1)-4+"]
    assert result.entries[2].basis.rule == "二.2(1)-3"
    assert {e.basis.policy_version for e in result.entries} == {"unit-2027"}


def test_a_unit_adds_its_own_measure():
    data = _default()
    data["extra_measures"] = {"training": "参加公文处理培训"}
    data["schedules"]["general"][0]["measures"].append("training")
    policy = policy_from_dict(data)
    result = compute([person("u1")], series("u1", "general", 1), policy=policy)
    assert codes(result, "e01") == ["reminder_talk", "training"]
    assert result.measures[-1].basis.explanation.endswith("参加公文处理培训")


def _mutate(path_value):
    def apply(data):
        path, value = path_value
        target = data
        for key in path[:-1]:
            target = target[key]
        if value is KeyError:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return data
    return apply


@pytest.mark.parametrize(
    "change,message",
    [
        ((["id"], KeyError), r"^policy: missing key 'id'"),
        ((["id"], "  "), r"^policy.id: must be a non-empty"),
        ((["colour"], "red"), r"^policy: unknown key 'colour'"),
        ((["schedules", "serious"], KeyError), r"^policy.schedules: missing key 'serious'"),
        ((["schedules", "minor"], []), r"^policy.schedules: unknown key 'minor'"),
        ((["schedules", "general"], []), r"^policy.schedules.general: must be a non-empty list"),
        ((["schedules", "general", 1, "ordinal"], 3), r"^policy.schedules.general\[1\].ordinal: must be 2"),
        ((["schedules", "general", 0, "rate"], "0.1"), r"^policy.schedules.general\[0\]: has both amounts and rate"),
        ((["schedules", "general", 2, "rate"], "1.5"), r"^policy.schedules.general\[2\].rate: .*between 0"),
        ((["schedules", "general", 2, "rate"], "abc"), r"^policy.schedules.general\[2\].rate: 'abc' is not a decimal"),
        ((["schedules", "general", 0, "amounts", "staff"], "-5"), r"amounts.staff: must be a positive amount"),
        ((["schedules", "general", 0, "amounts", "staff"], "5.005"), r"amounts.staff: .*two decimal places"),
        ((["schedules", "general", 0, "amounts", "staff"], True), r"amounts.staff: must be a decimal number"),
        ((["schedules", "general", 0, "amounts", "director"], KeyError), r"amounts: missing key 'director'"),
        ((["schedules", "general", 0, "measures"], ["talk"]), r"general\[0\].measures\[0\]: unknown measure code 'talk'"),
        ((["schedules", "general", 0, "measures"], "reminder_talk"), r"measures: must be a list"),
        ((["leader_schedules", "minor"], []), r"^policy.leader_schedules: unknown key 'minor'"),
        ((["deputy_director_tier"], "leader"), r"^policy.deputy_director_tier: must be one of staff, director"),
        ((["cap_at_monthly_pay"], "yes"), r"^policy.cap_at_monthly_pay: must be true or false"),
        ((["department_head", "amounts"], {"serious": 0}), r"department_head.amounts.serious: must be a positive"),
        ((["extra_measures"], {"Bad Code": "x"}), r"^policy.extra_measures: 'Bad Code' is not a measure code"),
        ((["extra_measures"], {"suspension": "x"}), r"^policy.extra_measures.suspension: is a built-in"),
    ],
)
def test_invalid_policies_are_refused_naming_the_item(change, message):
    with pytest.raises(PolicyError, match=message):
        policy_from_dict(_mutate(change)(_default()))


def test_policy_must_be_an_object():
    with pytest.raises(PolicyError, match="^policy: must be an object"):
        policy_from_dict(["id"])


def test_engine_modules_are_pure_python_without_django():
    import subprocess
    import sys

    code = (
        "import sys, zeroerror.penalties.engine, zeroerror.penalties.simjson, zeroerror.penalties.policy\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
