"""docs/penalties.md stays true: its policy JSON is the default policy and its example is the command's output."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from zeroerror.penalties.policy import DEFAULT_POLICY, policy_from_dict, policy_to_dict
from zeroerror.penalties.simjson import run

DOC = Path(__file__).resolve().parents[2] / "docs" / "penalties.md"


def _json_blocks(after_heading: str) -> list:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index(after_heading):]
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", section, re.S)]


def test_documented_policy_is_the_default_policy():
    documented = _json_blocks("## Policy format")[0]
    assert documented == policy_to_dict(DEFAULT_POLICY)
    assert policy_from_dict(documented) == DEFAULT_POLICY


def test_documented_simulate_example():
    given, expected = _json_blocks("## `zeroerror simulate_penalties PATH`")[:2]
    out, err = io.StringIO(), io.StringIO()
    assert run("-", io.StringIO(json.dumps(given)), out, err) == 0
    assert json.loads(out.getvalue()) == expected
