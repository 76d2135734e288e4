"""Build zeroerror/meetings/data/cjk_stroke_order.txt (run once; the result is committed).

The 笔画 order of 姓氏/单位 names compares the total stroke count first (Unihan kTotalStrokes, data/cjk_strokes.txt)
and, between characters of the same count, the stroke sequence — 横、竖、撇、点、折 (the 札字法 of GB 13000.1 笔顺规范).
Unihan has no stroke sequences; the order is taken from the MIT-licensed package cn-sort 0.14.0
(res/all_word.json, field ``stroke_increment_level``: characters ranked by stroke count, then stroke sequence).

    pip download --no-deps cn-sort==0.14.0 && python scripts/build_stroke_order.py cn_sort-0.14.0-py3-none-any.whl
"""

import json
import sys
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "zeroerror" / "meetings" / "data" / "cjk_stroke_order.txt"


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        entries = json.loads(z.read("cn_sort/res/all_word.json"))["all_word"]
    rank: dict[str, int] = {}
    for e in entries:
        ch = e["chinese"]
        if len(ch) == 1 and unicodedata.name(ch, "").startswith("CJK"):
            rank[ch] = min(rank.get(ch, e["stroke_increment_level"]), e["stroke_increment_level"])
    ordered = "".join(sorted(rank, key=lambda c: (rank[c], c)))
    header = ("# CJK characters in 笔画 order (stroke count, then stroke sequence 横竖撇点折), one line, first = lowest.\n"
              "# Derived from cn-sort 0.14.0 res/all_word.json (stroke_increment_level), MIT licence: see NOTICE-cn-sort.txt.\n"
              "# MODIFIED: only the characters' order is kept. Built by scripts/build_stroke_order.py.\n")
    OUT.write_text(header + ordered + "\n", encoding="utf-8")
    print(f"{len(ordered)} characters -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
