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
    path = tmp_path / "s.tsv"
    path.write_text("1\t大家迫不急待地投入工作。\t大家迫不及待地投入工作。\n"
                    "0\t各单位要认真组织实施。\t各单位要认真组织实施。\n"
                    "1\t会议由主任主特。\t会议由主任主持。\n", encoding="utf-8")
    s = harness.score_spelling(path, None)
    assert (s["with_errors"], s["correct"]) == (2, 1)
    assert s["precision"] == 1.0 and s["recall"] == 0.5 and s["false_alarm_rate"] == 0.0


def test_it_scores_the_shipped_rule_corpus_without_false_alarms():
    harness = _load("scripts/proofread_accuracy.py")
    r = harness.score_rules(harness.DATA_DIR / "eval" / "rules.tsv", None)
    assert r["expected"] >= 40 and r["clean"] >= 25
    assert r["recall"] >= 0.95 and r["false_alarm_rate"] == 0.0
    out = io.StringIO()
    with redirect_stdout(out):
        assert harness.main([]) == 0
    assert "false alarms" in out.getvalue()
