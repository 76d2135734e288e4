import importlib.util
import io
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load(rel: str):
    spec = importlib.util.spec_from_file_location(rel.replace("/", "_"), ROOT / rel)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_scores_an_ecspell_file_at_sentence_level(tmp_path):
    harness = _load("scripts/proofread_accuracy.py")
    lines = ["1\t大家迫不急待地投入工作。\t大家迫不及待地投入工作。",
             "0\t各单位要认真组织实施。\t各单位要认真组织实施。",
             "1\t这是菓家规定的标准。\t这是国家规定的标准。"]  # 菓 is in no confusion set: missed
    s = harness.score_spelling(harness.parse_spelling(lines), None)
    assert (s["with_errors"], s["correct"]) == (2, 1)
    assert s["precision"] == 1.0 and s["recall"] == 0.5 and s["false_alarm_rate"] == 0.0


def test_it_holds_out_every_fifth_ecspell_line(tmp_path):
    harness = _load("scripts/proofread_accuracy.py")
    path = tmp_path / "odw.tsv"
    path.write_text("".join(f"0\t第{i}句。\t第{i}句。\n" for i in range(10)), encoding="utf-8")
    tune, held = harness.ecspell_split(path)
    assert [w for w, _ in held] == ["第4句。", "第9句。"]
    assert len(tune) == 8 and not {w for w, _ in held} & {w for w, _ in tune}


def test_it_scores_the_shipped_rule_corpus_without_false_alarms():
    harness = _load("scripts/proofread_accuracy.py")
    r = harness.score_rules(harness.DATA_DIR / "eval" / "rules.tsv", None)
    assert r["expected"] >= 40 and r["clean"] >= 25
    assert r["recall"] >= 0.95 and r["false_alarm_rate"] == 0.0
    out = io.StringIO()
    with redirect_stdout(out):
        assert harness.main(["--ecspell", "/nonexistent", "--sighan", "none", "--no-speed"]) == 0
    assert "false alarms" in out.getvalue()
