#!/usr/bin/env python3
"""Mutation score of the controls: make small deliberate breaks in the pure cores and the access modules, run the
tests that guard them, and report which breaks no test noticed (surviving mutants).

    .venv/bin/python scripts/mutate.py                 # every target, every mutant (slow: tens of minutes)
    .venv/bin/python scripts/mutate.py audit docnumber # some targets
    .venv/bin/python scripts/mutate.py --sample 30     # at most 30 mutants per target (a seeded sample)
    .venv/bin/python scripts/mutate.py --list          # the targets and how many mutants each has

The checkout is never touched: the project is copied to a temporary folder and each mutant is written there, one at
a time; the tests run against the copy (PYTHONPATH) with the current interpreter. A mutant is *killed* when its
tests fail (or hang past a time limit), and *survives* when they pass. Not run in CI (too slow); the latest score
is in docs/testing.md, where every survivor in the audit chain, the penalty engine and the 文号 parser is explained.

Mutations (AST level, one per mutant): a comparison flipped (< ↔ <=, > ↔ >=, == ↔ !=, in ↔ not in, is ↔ is not),
and ↔ or, + ↔ -, * ↔ /, a `not` removed, an integer constant n → n + 1, True ↔ False, an `if` condition negated, and a
`raise` replaced by `pass` (the check deleted). Docstrings, annotations and f-strings are left alone.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# target: (modules to mutate, tests that guard them)
TARGETS: dict[str, tuple[list[str], list[str]]] = {
    "audit": (["zeroerror/audit/trail.py"], ["tests/audit/test_trail.py"]),
    "penalties": (["zeroerror/penalties/engine.py", "zeroerror/penalties/policy.py"], ["tests/penalties"]),
    "docnumber": (["zeroerror/documents/docnumber.py"],
                  ["tests/documents/test_docnumber.py", "tests/documents/test_numbering.py"]),
    "workdays": (["zeroerror/workdays/calendar.py"], ["tests/workdays"]),
    "seating": (["zeroerror/meetings/seating.py"],
                ["tests/meetings/test_seating.py", "tests/meetings/test_seating_arrangement.py",
                 "tests/meetings/test_stroke_order.py", "tests/meetings/test_seat_overrides.py"]),
    "proofread": (["zeroerror/proofread/engine/number.py", "zeroerror/proofread/engine/punctuation.py",
                   "zeroerror/proofread/engine/privacy.py", "zeroerror/proofread/engine/secrecy.py"],
                  ["tests/proofread"]),
    "access": (["zeroerror/documents/access.py", "zeroerror/meetings/access.py", "zeroerror/errors/access.py"],
               ["tests/documents", "tests/meetings", "tests/errors"]),
}

FLIP_COMPARE = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
                ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
FLIP_BINOP = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult}
SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.In: "in",
          ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not", ast.Add: "+", ast.Sub: "-", ast.Mult: "*",
          ast.Div: "/", ast.And: "and", ast.Or: "or"}


@dataclass(frozen=True)
class Mutant:
    path: str
    index: int  # the n-th mutation site of the module, in walk order
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}  {self.what}"


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """ids of nodes never mutated: docstrings, annotations, f-string parts."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            skip.update(id(n) for n in ast.walk(body[0]))
        for name in ("annotation", "returns"):
            sub = getattr(node, name, None)
            if sub is not None:
                skip.update(id(n) for n in ast.walk(sub))
        if isinstance(node, ast.JoinedStr):
            skip.update(id(n) for n in ast.walk(node))
    return skip


def _sites(tree: ast.AST):
    """Yield (node, description, apply) for every mutation site; ``apply()`` mutates the node in place."""
    skip = _skipped_nodes(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                new = FLIP_COMPARE.get(type(op))
                if new:
                    yield node, f"{SYMBOL[type(op)]} → {SYMBOL[new]}", (lambda n=node, i=i, new=new: n.ops.__setitem__(i, new()))
        elif isinstance(node, ast.BoolOp):
            new = ast.Or if isinstance(node.op, ast.And) else ast.And
            yield node, f"{SYMBOL[type(node.op)]} → {SYMBOL[new]}", (lambda n=node, new=new: setattr(n, "op", new()))
        elif isinstance(node, ast.BinOp) and type(node.op) in FLIP_BINOP:
            new = FLIP_BINOP[type(node.op)]
            yield node, f"{SYMBOL[type(node.op)]} → {SYMBOL[new]}", (lambda n=node, new=new: setattr(n, "op", new()))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, "not removed", (lambda n=node: setattr(n, "op", ast.UAdd()))
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            yield node, f"{node.value} → {not node.value}", (lambda n=node: setattr(n, "value", not n.value))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            yield node, f"{node.value} → {node.value + 1}", (lambda n=node: setattr(n, "value", n.value + 1))
        elif isinstance(node, ast.If) and not isinstance(node.test, ast.UnaryOp | ast.Compare | ast.BoolOp):
            yield node, "if-condition negated", (lambda n=node: setattr(n, "test", ast.UnaryOp(ast.Not(), n.test)))
        elif isinstance(node, ast.Raise):
            yield node, "raise → pass (check deleted)", (lambda n=node: _replace_raise(n))


def _replace_raise(node: ast.Raise) -> None:
    node.__class__ = ast.Pass
    for field in ("exc", "cause"):
        if hasattr(node, field):
            delattr(node, field)


def mutants_of(path: str) -> list[Mutant]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return [Mutant(path, i, getattr(node, "lineno", 0), what) for i, (node, what, _) in enumerate(_sites(tree))]


def mutated_source(mutant: Mutant) -> str:
    tree = ast.parse((ROOT / mutant.path).read_text(encoding="utf-8"))
    for i, (_node, _what, apply) in enumerate(_sites(tree)):
        if i == mutant.index:
            apply()
            break
    return ast.unparse(ast.fix_missing_locations(tree))


def copy_project(dest: Path) -> None:
    for name in ("zeroerror", "tests"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)


def run_tests(copy: Path, tests: list[str], timeout: float) -> tuple[bool, float]:
    """(passed, seconds). A hang past ``timeout`` counts as a failure (the mutant is killed)."""
    # one data directory and --reuse-db: the test database is migrated once (by the baseline run), not per mutant
    data = copy / "data"
    data.mkdir(exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(copy), PYTHONDONTWRITEBYTECODE="1", ZEROERROR_DATA_DIR=str(data))
    env.pop("ZEROERROR_REQUIRE_TOOLS", None)
    start = time.monotonic()
    try:
        result = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
                                 "--reuse-db", *tests], cwd=copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                timeout=timeout)
        return result.returncode == 0, time.monotonic() - start
    except subprocess.TimeoutExpired:
        return False, time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help=f"default: all of {', '.join(TARGETS)}")
    parser.add_argument("--sample", type=int, default=0, help="at most N mutants per target (seeded sample)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--list", action="store_true", help="list the targets and their mutant counts")
    args = parser.parse_args(argv)
    targets = args.targets or list(TARGETS)
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target(s): {', '.join(unknown)}")

    plan: dict[str, list[Mutant]] = {}
    for target in targets:
        modules, _tests = TARGETS[target]
        mutants = [m for path in modules for m in mutants_of(path)]
        if args.sample and len(mutants) > args.sample:
            mutants = sorted(random.Random(args.seed).sample(mutants, args.sample), key=lambda m: (m.path, m.index))
        plan[target] = mutants
    if args.list:
        for target, mutants in plan.items():
            print(f"{target:10} {len(mutants):4d} mutants  tests: {' '.join(TARGETS[target][1])}")
        return 0

    total_killed = total = 0
    with tempfile.TemporaryDirectory(prefix="zeroerror-mutate-") as tmp:
        copy = Path(tmp)
        copy_project(copy)
        for target, mutants in plan.items():
            tests = TARGETS[target][1]
            passed, baseline = run_tests(copy, tests, timeout=3600)
            if not passed:
                print(f"{target}: the tests fail without any mutant — fix them first", file=sys.stderr)
                return 2
            survivors = []
            for mutant in mutants:
                original = (copy / mutant.path).read_text(encoding="utf-8")
                (copy / mutant.path).write_text(mutated_source(mutant), encoding="utf-8")
                try:
                    survived, _ = run_tests(copy, tests, timeout=max(60.0, baseline * 3))
                finally:
                    (copy / mutant.path).write_text(original, encoding="utf-8")
                if survived:
                    survivors.append(mutant)
                print(("SURVIVED " if survived else "killed   ") + str(mutant), flush=True)
            killed = len(mutants) - len(survivors)
            total_killed += killed
            total += len(mutants)
            score = 100.0 * killed / len(mutants) if mutants else 100.0
            print(f"== {target}: {killed}/{len(mutants)} killed ({score:.0f}%), tests {baseline:.0f} s", flush=True)
            for mutant in survivors:
                print(f"   survivor: {mutant}")
    if total:
        print(f"== total: {total_killed}/{total} killed ({100.0 * total_killed / total:.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
