"""Accuracy harness of the proofreader.

    .venv/bin/python scripts/proofread_accuracy.py [SPELLING.tsv ...] [--rules RULES.tsv] [--show fp|fn]

SPELLING.tsv is in the ECSpell format (``count<TAB>sentence as written<TAB>sentence corrected``, same length; a
two-column ``wrong<TAB>right`` file works too). Scored at sentence level on the spelling categories (typo and
variant): a flagged sentence is a true positive when it has errors and every wrong character lies inside a finding;
precision = TP / flagged, recall = TP / sentences with errors, false-alarm rate = flagged correct sentences /
correct sentences. The exact variant (a hit must flag nothing else) is printed too.

RULES.tsv (default: the engine's own data/eval/rules.tsv) labels sentences with the rule ids they must raise, or
``-`` when nothing may be flagged; it scores the other categories: recall per expected rule and false alarms."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zeroerror.proofread.engine import proofread_text  # noqa: E402
from zeroerror.proofread.engine.data import DATA_DIR  # noqa: E402

SPELLING = ("typo", "variant")


def read_spelling(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3:
            pairs.append((cols[1], cols[2]))
        elif len(cols) == 2:
            pairs.append((cols[0], cols[1]))
    return pairs


def score_spelling(path: Path, show: str | None) -> dict:
    pairs = [(w, r) for w, r in read_spelling(path) if len(w) == len(r)]
    tp = exact = flagged = positives = negatives = false_alarms = 0
    t = time.perf_counter()
    for wrong, right in pairs:
        gold = {i for i, (a, b) in enumerate(zip(wrong, right, strict=True)) if a != b}
        found = [f for f in proofread_text(wrong) if f.category in SPELLING]
        marked = {i for f in found for i in range(f.start, max(f.end, f.start + 1))}
        positives += bool(gold)
        negatives += not gold
        if found:
            flagged += 1
            if gold and gold <= marked:
                tp += 1
                exact += marked == gold
            if not gold:
                false_alarms += 1
                if show == "fp":
                    print("FALSE ALARM", [(f.text, f.suggestion) for f in found], wrong)
        if gold and not gold <= marked and show == "fn":
            print("MISSED", [(wrong[i], right[i]) for i in sorted(gold)], wrong)
    elapsed = time.perf_counter() - t
    p = tp / flagged if flagged else 0.0
    r = tp / positives if positives else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    pe = exact / flagged if flagged else 0.0
    re_ = exact / positives if positives else 0.0
    return {"sentences": len(pairs), "with_errors": positives, "correct": negatives, "precision": p, "recall": r,
            "f1": f1, "false_alarm_rate": false_alarms / negatives if negatives else 0.0,
            "exact_precision": pe, "exact_recall": re_, "exact_f1": 2 * pe * re_ / (pe + re_) if pe + re_ else 0.0,
            "sentences_per_s": len(pairs) / elapsed if elapsed else 0.0}


def score_rules(path: Path, show: str | None) -> dict:
    expected_total = hits = clean = clean_flagged = extra = 0
    per_rule: dict[str, list[int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, text = line.split("\t", 1)
        text = text.replace("\\n", "\n")
        found = proofread_text(text, "document")
        rules = {f.rule for f in found}
        if label == "-":
            clean += 1
            if found:
                clean_flagged += 1
                if show == "fp":
                    print("FALSE ALARM", [(f.rule, f.text) for f in found], text)
            continue
        wanted = set(label.split(","))
        for rule in wanted:
            expected_total += 1
            ok = rule in rules
            hits += ok
            per_rule.setdefault(rule.split(".")[0], [0, 0])
            per_rule[rule.split(".")[0]][0] += ok
            per_rule[rule.split(".")[0]][1] += 1
            if not ok and show == "fn":
                print("MISSED", rule, text)
        extra += len(rules - wanted) > 0
    return {"expected": expected_total, "found": hits, "recall": hits / expected_total if expected_total else 0.0,
            "sentences_with_other_findings": extra, "clean": clean, "clean_flagged": clean_flagged,
            "false_alarm_rate": clean_flagged / clean if clean else 0.0, "per_category": per_rule}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the proofreader on labelled files.")
    parser.add_argument("spelling", nargs="*", type=Path, help="ECSpell-format file(s)")
    parser.add_argument("--rules", type=Path, default=DATA_DIR / "eval" / "rules.tsv")
    parser.add_argument("--show", choices=("fp", "fn"), help="print false alarms or misses")
    args = parser.parse_args(argv)
    for path in args.spelling:
        s = score_spelling(path, args.show)
        print(f"spelling (typo + variant) on {path.name}: {s['sentences']} sentences, {s['with_errors']} with errors, "
              f"{s['correct']} correct")
        print(f"  sentence-level detection: P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
              f"false-alarm rate on correct sentences {s['false_alarm_rate']:.3f}")
        print(f"  exact (nothing else flagged): P {s['exact_precision']:.3f}  R {s['exact_recall']:.3f}  "
              f"F1 {s['exact_f1']:.3f};  {s['sentences_per_s']:.0f} sentences/s")
    r = score_rules(args.rules, args.show)
    print(f"other categories on {args.rules.name}: {r['found']}/{r['expected']} expected findings raised "
          f"(recall {r['recall']:.3f}); false alarms on {r['clean_flagged']}/{r['clean']} clean sentences "
          f"(rate {r['false_alarm_rate']:.3f}); {r['sentences_with_other_findings']} labelled sentences with extra findings")
    for cat, (ok, n) in sorted(r["per_category"].items()):
        print(f"  {cat:12s} {ok}/{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
