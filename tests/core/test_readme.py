"""The README opens with the two set-up commands, and CI runs the README's test command."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def blocks():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    parts = text.split("```")
    return [parts[i].split("\n", 1)[1].strip() for i in range(1, len(parts), 2)]


def test_the_readme_opens_with_the_run_and_test_commands():
    first, second = blocks()[:2]
    assert "zeroerror up" in first and "pip install" in first
    assert "pytest" in second and ".[test]" in second


def test_ci_runs_the_readme_test_command():
    assert blocks()[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
