"""Build ``zeroerror/proofread/engine/data/confusion.tsv``: for each common character, the characters it is
commonly mistyped for, by kind (同音 same pinyin, 近音 near pinyin, 形近 similar shape), and its pinyin.

    .venv/bin/python scripts/build_proofread_confusion.py [--pycorrector-wheel PATH]

Sources (all redistributable, see docs/proofread.md): pycorrector's wheel data (Apache-2.0: common_char_set.txt,
same_stroke.txt, stroke.txt) — fetched with ``pip download --no-deps pycorrector==1.1.4`` when no
wheel is given — and pypinyin's readings (MIT). No spelling data set is used: the output depends only on these.

* 同音: both characters have the same main reading (toneless).
* 近音: the readings differ by a usual dialect/IME confusion (z/zh, c/ch, s/sh, n/l, f/h, r/l, an/ang, en/eng,
  in/ing, ian/iang, uan/uang).
* 形近: stroke sequences one edit apart (at least three strokes), or one of pycorrector's similar-shape groups.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "zeroerror" / "proofread" / "engine" / "data" / "confusion.tsv"
WHEEL = "pycorrector==1.1.4"

INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c",
            "s", "y", "w")
NEAR_INITIAL = {"z": "zh", "zh": "z", "c": "ch", "ch": "c", "s": "sh", "sh": "s", "n": "l", "l": "n", "f": "h",
                "h": "f", "r": "l"}
NEAR_FINAL = {"an": "ang", "ang": "an", "en": "eng", "eng": "en", "in": "ing", "ing": "in", "ian": "iang",
              "iang": "ian", "uan": "uang", "uang": "uan"}
KINDS = ("同音", "近音", "形近")


def wheel_files(wheel: Path | None) -> dict[str, str]:
    if wheel is None:
        tmp = Path(tempfile.mkdtemp())
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp), WHEEL], check=True)
        wheel = next(tmp.glob("pycorrector-*.whl"))
    names = ("common_char_set.txt", "same_stroke.txt", "stroke.txt")
    with zipfile.ZipFile(wheel) as zf:
        return {n: zf.read(f"pycorrector/data/{n}").decode("utf-8") for n in names}


def lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def split_pinyin(py: str) -> tuple[str, str]:
    for i in INITIALS:
        if py.startswith(i):
            return i, py[len(i):]
    return "", py


def near(py: str) -> set[str]:
    ini, fin = split_pinyin(py)
    out = set()
    if ini in NEAR_INITIAL:
        out.add(NEAR_INITIAL[ini] + fin)
    if fin in NEAR_FINAL:
        out.add(ini + NEAR_FINAL[fin])
    return out


def one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:k] + b[k + 1:] == a for k in range(len(b)))


def build(files: dict[str, str]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    from pypinyin import lazy_pinyin

    common = [c.strip() for c in lines(files["common_char_set.txt"]) if len(c.strip()) == 1]
    main = {c: lazy_pinyin(c)[0] for c in common}
    readings = {c: {main[c]} for c in common}  # other readings (大 tài, 提 shí) add far more noise than typos
    by_main: dict[str, set[str]] = collections.defaultdict(set)
    for c in common:
        by_main[main[c]].add(c)
    conf: dict[str, dict[str, str]] = collections.defaultdict(dict)

    def add(written: str, intended: str, kind: str) -> None:
        if written == intended:
            return
        old = conf[written].get(intended)
        if old is None or KINDS.index(kind) < KINDS.index(old):
            conf[written][intended] = kind

    for c in common:
        for r in readings[c]:
            for d in by_main.get(r, ()):
                add(c, d, "同音")
            for q in near(r):
                for d in by_main.get(q, ()):
                    add(c, d, "近音")
    common_set = set(common)
    strokes = {}
    for row in lines(files["stroke.txt"]):
        cols = row.split("\t")
        if len(cols) == 2 and cols[0] in common_set and len(cols[1]) >= 3:
            strokes[cols[0]] = cols[1]
    buckets: dict[str, set[str]] = collections.defaultdict(set)
    for c, s in strokes.items():
        buckets[s].add(c)
        for k in range(len(s)):
            buckets[s[:k] + s[k + 1:]].add(c)
    for group in buckets.values():
        for a in group:
            for b in group:
                if a != b and one_edit(strokes[a], strokes[b]):
                    add(a, b, "形近")
    for row in lines(files["same_stroke.txt"]):
        group = [c for c in row.split() if c in common_set]
        for a in group:
            for b in group:
                add(a, b, "形近")
    return main, conf


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pycorrector-wheel", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    main_reading, conf = build(wheel_files(args.pycorrector_wheel))
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# character<TAB>pinyin<TAB>同音<TAB>近音<TAB>形近 — generated by scripts/build_proofread_confusion.py "
                 "from pycorrector 1.1.4 data (Apache-2.0) and pypinyin (MIT); do not edit by hand\n")
        for c in sorted(main_reading):
            groups = ["".join(sorted(d for d, k in conf.get(c, {}).items() if k == kind)) for kind in KINDS]
            fh.write("\t".join([c, main_reading[c], *groups]) + "\n")
    print(f"wrote {args.out} ({len(main_reading)} characters, {sum(len(v) for v in conf.values())} pairs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
