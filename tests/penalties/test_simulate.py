"""`zeroerror simulate_penalties PATH`: the contract of issue 3 item 6, through run() and the real console script."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from zeroerror.penalties.policy import DEFAULT_POLICY, policy_to_dict
from zeroerror.penalties.simjson import run

SCRIPT = Path(sys.executable).parent / "zeroerror"

ISSUE_EXAMPLE = {
    "people": [{"id": "u1", "role": "staff", "leader": "L1"}, {"id": "L1", "role": "leader"}],
    "monthly_pay": {"u1": {"2026-07": 4000}},
    "errors": [
        {"id": "e1", "person": "u1", "severity": "general", "confirmed_on": "2026-07-01", "status": "confirmed"},
        {"id": "e2", "person": "u1", "severity": "general", "confirmed_on": "2026-07-02", "status": "confirmed",
         "especially_serious": False},
        {"id": "e3", "person": "u1", "severity": "general", "confirmed_on": "2026-07-03", "status": "confirmed"},
        {"id": "e4", "person": "u1", "severity": "general", "confirmed_on": "2026-08-01", "status": "confirmed"},
        {"id": "e5", "person": "u1", "severity": "general", "confirmed_on": "2026-07-04", "status": "overturned"},
    ],
}

LEDGER_EXAMPLE = {
    "people": [
        {"id": "L1", "role": "leader"},
        {"id": "d1", "role": "director", "leader": "L1"},
        {"id": "s1", "role": "staff", "leader": "L1", "department_head": "d1"},
        {"id": "v1", "role": "deputy_director"},
    ],
    "monthly_pay": {"s1": {"2026-03": "350.00"}, "L1": {"2026-04": "6000"}},
    "errors": [
        {"id": "a", "person": "s1", "severity": "serious", "confirmed_on": "2026-03-02", "status": "confirmed"},
        {"id": "b", "person": "s1", "severity": "serious", "confirmed_on": "2026-03-20", "status": "confirmed",
         "especially_serious": True},
        {"id": "c", "person": "d1", "severity": "serious", "confirmed_on": "2026-04-01", "status": "confirmed"},
        {"id": "d", "person": "v1", "severity": "undetermined", "confirmed_on": "2026-04-02", "status": "confirmed"},
        {"id": "e", "person": "v1", "severity": "general", "confirmed_on": "2026-04-03", "status": "rejected"},
    ],
}

LEDGER_OUTPUT = {
    "entries": [
        {"error": "a", "person": "s1", "month": "2026-03", "amount": "100.00"},
        {"error": "b", "person": "s1", "month": "2026-03", "amount": "250.00"},  # 300 capped at the pay of 350
        {"error": "b", "person": "L1", "month": "2026-03", "amount": "300.00"},
        {"error": "c", "person": "d1", "month": "2026-04", "amount": "300.00"},
    ],
    "measures": [
        {"error": "a", "person": "s1", "code": "written_self_examination"},
        {"error": "a", "person": "s1", "code": "meeting_self_criticism"},
        {"error": "a", "person": "L1", "code": "leader_verbal_reminder"},
        {"error": "a", "person": "d1", "code": "department_head_accountable"},
        {"error": "b", "person": "s1", "code": "suspension"},
        {"error": "b", "person": "s1", "code": "discipline_referral"},
        {"error": "b", "person": "L1", "code": "leader_reminder_talk"},
        {"error": "b", "person": "d1", "code": "department_head_accountable"},
        {"error": "c", "person": "d1", "code": "written_self_examination"},
        {"error": "c", "person": "d1", "code": "meeting_self_criticism"},
        {"error": "c", "person": "L1", "code": "leader_discipline_talk"},
    ],
    "totals": {"L1": {"2026-03": "300.00"}, "d1": {"2026-04": "300.00"}, "s1": {"2026-03": "350.00"}},
    "pending": [{"error": "d", "person": "v1", "reason": "severity_undetermined"}],
}


def _run(document, path="-", policy_path=None) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    code = run(path, io.StringIO(text), stdout, stderr, policy_path=policy_path)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.mark.clause("二.2(1)", "二.3")
def test_issue_example_contract_exactly():
    code, out, err = _run(ISSUE_EXAMPLE)
    assert (code, err) == (0, "")
    assert out.endswith("\n")
    assert json.loads(out) == {
        "entries": [
            {"error": "e1", "person": "u1", "month": "2026-07", "amount": "50.00"},
            {"error": "e2", "person": "u1", "month": "2026-07", "amount": "100.00"},
            {"error": "e3", "person": "u1", "month": "2026-07", "amount": "800.00"},
        ],
        "measures": [
            {"error": "e1", "person": "u1", "code": "reminder_talk"},
            {"error": "e2", "person": "u1", "code": "written_self_examination"},
            {"error": "e2", "person": "u1", "code": "meeting_self_criticism"},
            {"error": "e3", "person": "u1", "code": "award_disqualified"},
            {"error": "e4", "person": "u1", "code": "award_disqualified"},
        ],
        "totals": {"u1": {"2026-07": "950.00"}},
        "pending": [{"error": "e4", "person": "u1", "reason": "monthly_pay_missing"}],
    }
    assert list(json.loads(out)) == ["entries", "measures", "totals", "pending"]


@pytest.mark.clause("二.1", "二.2(2)", "二.2(3)", "二.3")
def test_ledger_example_with_leader_cap_department_head_and_pending():
    code, out, err = _run(LEDGER_EXAMPLE)
    assert (code, err) == (0, "")
    assert json.loads(out) == LEDGER_OUTPUT


def test_reads_a_file_and_the_output_does_not_depend_on_input_order(tmp_path):
    shuffled = {
        "errors": list(reversed(LEDGER_EXAMPLE["errors"])),
        "monthly_pay": dict(reversed(list(LEDGER_EXAMPLE["monthly_pay"].items()))),
        "people": list(reversed(LEDGER_EXAMPLE["people"])),
    }
    path = tmp_path / "in.json"
    path.write_text(json.dumps(shuffled), encoding="utf-8")
    code, out, err = _run("ignored", path=str(path))
    assert (code, err) == (0, "")
    assert out == _run(LEDGER_EXAMPLE)[1]


def test_a_policy_file_can_be_tried(tmp_path):
    policy = policy_to_dict(DEFAULT_POLICY)
    policy["id"] = "trial"
    policy["schedules"]["general"][0]["amounts"]["staff"] = "70.00"
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(policy), encoding="utf-8")
    code, out, _ = _run(ISSUE_EXAMPLE, policy_path=str(path))
    assert code == 0 and json.loads(out)["entries"][0]["amount"] == "70.00"

    policy["schedules"]["general"][0]["rate"] = "0.1"
    path.write_text(json.dumps(policy), encoding="utf-8")
    code, out, err = _run(ISSUE_EXAMPLE, policy_path=str(path))
    assert (code, out) == (1, "")
    assert err == f"simulate_penalties: policy {path}: policy.schedules.general[0]: has both amounts and rate; " \
                  "a step deducts either fixed amounts or a share of the month's pay\n"


def _with(change) -> dict:
    document = json.loads(json.dumps(ISSUE_EXAMPLE))
    change(document)
    return document


def _set_error(index, key, value):
    def change(document):
        if value is None:
            del document["errors"][index][key]
        else:
            document["errors"][index][key] = value
    return change


BAD_INPUTS = [
    # (document, the one stderr line must contain)
    (_with(_set_error(1, "person", "u9")), 'errors[1] (id "e2"): unknown person "u9" (not in people)'),
    (_with(_set_error(2, "confirmed_on", "2026-02-30")), 'errors[2] (id "e3"): confirmed_on "2026-02-30" is not a real date'),
    (_with(_set_error(2, "confirmed_on", "2026/07/01")), 'errors[2] (id "e3"): confirmed_on "2026/07/01" is not a date'),
    (_with(_set_error(0, "severity", "minor")), 'errors[0] (id "e1"): unknown severity "minor"'),
    (_with(_set_error(0, "status", "open")), 'errors[0] (id "e1"): unknown status "open"'),
    (_with(_set_error(0, "status", None)), 'errors[0] (id "e1"): missing "status"'),
    (_with(_set_error(0, "especially_serious", "yes")), 'errors[0] (id "e1"): especially_serious must be true or false'),
    (_with(_set_error(0, "severty", "general")), 'errors[0] (id "e1"): unknown key "severty"'),
    (_with(_set_error(1, "id", "e1")), 'errors[1] (id "e1"): error listed twice'),
    (_with(_set_error(0, "id", 7)), "errors[0]: id must be a non-empty string, not 7"),
    (_with(lambda d: d["people"].append({"id": "u2", "role": "clerk"})), 'people[2] (id "u2"): unknown role "clerk"'),
    (_with(lambda d: d["people"].append({"id": "u2", "role": "staff", "leader": "u1"})),
     'people[2] (id "u2"): leader "u1" has role "staff", not "leader"'),
    (_with(lambda d: d["people"][0].update(leader="L9")), 'people[0] (id "u1"): leader "L9" is not a person in people'),
    (_with(lambda d: d["monthly_pay"].update(u9={"2026-07": 1})), 'monthly_pay["u9"]: unknown person "u9"'),
    (_with(lambda d: d["monthly_pay"]["u1"].update({"2026-13": 1})), 'monthly_pay["u1"]: month "2026-13" is not a month'),
    (_with(lambda d: d["monthly_pay"]["u1"].update({"2026-08": True})), 'monthly_pay["u1"]["2026-08"]: pay must be a number'),
    (_with(lambda d: d["monthly_pay"]["u1"].update({"2026-08": -1})), 'monthly_pay["u1"]["2026-08"]: pay -1 must be a non-negative'),
    (_with(lambda d: d.pop("people")), 'input: missing "people"'),
    (_with(lambda d: d.update(policy={})), 'input: unknown key "policy"'),
    (_with(lambda d: d["errors"].append({"id": "x", "person": "L1", "severity": "general", "confirmed_on": "2026-07-09",
                                         "status": "confirmed"})), 'errors[5] (id "x"): person "L1" is a leader'),
    ('{"people": [', "input: malformed JSON at line 1 column 13: Expecting value"),
    ('{"people": [], "errors": [], "people": []}', 'input: duplicate key "people" in a JSON object'),
    ('{"people": [], "errors": [], "monthly_pay": {"u1": {"2026-07": NaN}}}', "input: NaN is not a number"),
    ("[]", "input: must be a JSON object"),
    ('{"people": {}, "errors": []}', "people: must be a list"),
]


@pytest.mark.parametrize("document,message", BAD_INPUTS)
def test_bad_input_one_line_on_stderr_naming_the_item_nothing_on_stdout(document, message):
    code, out, err = _run(document)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and err.endswith("\n") and err.startswith("simulate_penalties: ")
    assert message in err


def test_unreadable_file(tmp_path):
    code, out, err = _run("", path=str(tmp_path / "missing.json"))
    assert (code, out) == (1, "")
    assert err == f"simulate_penalties: cannot read {tmp_path / 'missing.json'}: No such file or directory\n"


def test_management_command_in_process(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(ISSUE_EXAMPLE), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("simulate_penalties", str(path), stdout=out, stderr=err)
    assert err.getvalue() == "" and json.loads(out.getvalue())["totals"] == {"u1": {"2026-07": "950.00"}}
    path.write_text("{", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("simulate_penalties", str(path), stdout=out, stderr=err)
    assert exit_info.value.code == 1 and out.getvalue() == ""
    assert err.getvalue() == f"simulate_penalties: {path}: malformed JSON at line 1 column 2: " \
                             "Expecting property name enclosed in double quotes\n"


# --- the real console script ---------------------------------------------------------------------------------


def _script(args: list[str], stdin: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "zeroerror.settings", "ZEROERROR_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run(
        [str(SCRIPT), "simulate_penalties", *args], input=stdin.encode("utf-8"), capture_output=True, env=env,
        cwd=tmp_path, timeout=60,
    )


@pytest.mark.clause("二.3")
def test_console_script_file_and_stdin(tmp_path):
    path = tmp_path / "ledger.json"
    path.write_text(json.dumps(LEDGER_EXAMPLE, ensure_ascii=False), encoding="utf-8")
    from_file = _script([str(path)], "", tmp_path)
    assert from_file.returncode == 0, from_file.stderr.decode()
    assert from_file.stderr == b""
    assert json.loads(from_file.stdout.decode("utf-8")) == LEDGER_OUTPUT
    from_stdin = _script(["-"], json.dumps(LEDGER_EXAMPLE), tmp_path)
    assert (from_stdin.returncode, from_stdin.stdout, from_stdin.stderr) == (0, from_file.stdout, b"")


def test_console_script_bad_input(tmp_path):
    cases = [
        (_with(_set_error(1, "person", "u9")), 'errors[1] (id "e2"): unknown person "u9"'),
        (_with(_set_error(2, "confirmed_on", "2026-02-30")), 'errors[2] (id "e3"): confirmed_on "2026-02-30" is not a real date'),
        (_with(_set_error(0, "severity", "grave")), 'errors[0] (id "e1"): unknown severity "grave"'),
        ('{"people": [], "errors": [}', "input: malformed JSON at line 1 column 27"),
    ]
    for document, message in cases:
        text = document if isinstance(document, str) else json.dumps(document)
        done = _script(["-"], text, tmp_path)
        err = done.stderr.decode("utf-8")
        assert done.returncode != 0 and done.stdout == b"", err
        assert err.count("\n") == 1 and message in err, err
