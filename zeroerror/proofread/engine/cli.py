"""``zeroerror proofread`` as a pure function: ``run(argv, stdin, stdout, stderr) -> exit code``.

    zeroerror proofread [--format text|json] [--profile document|publication] PATH...

PATH is a UTF-8 .txt file, a .docx file or ``-`` for standard input. Exit status 0 when nothing at error severity
was found, 1 when something was, 2 on bad input (nothing is written to stdout then)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from .core import DOCUMENT, PROFILES, proofread_text
from .docx import DocxError, proofread_docx
from .finding import ERROR, Finding

EXIT_OK, EXIT_FOUND, EXIT_BAD_INPUT = 0, 1, 2


class InputError(Exception):
    """A path that cannot be proofread (missing, unreadable, not UTF-8, corrupt .docx)."""


def build_parser(prog: str = "zeroerror proofread") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="校对：检查错别字、异形词、标点、数字、公文格式、个人信息和涉密标志。")
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text", dest="output_format",
                        help="output format (default: text)")
    parser.add_argument("--profile", choices=PROFILES, default=DOCUMENT,
                        help="document (公文, all rules) or publication (信息公开 and posts)")
    parser.add_argument("--sensitive-term", action="append", default=[], dest="sensitive_terms", metavar="TERM",
                        help="a sensitive term that must not be published (repeatable)")
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".txt (UTF-8) or .docx file, or - for stdin")


def _stdin_bytes(stdin: TextIO | BinaryIO) -> bytes:
    buffer = getattr(stdin, "buffer", None)
    data = (buffer or stdin).read()
    return data.encode("utf-8") if isinstance(data, str) else data


def _decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}): save it as UTF-8 or as .docx") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_path(path: str, profile: str, sensitive_terms: list[str], stdin) -> list[Finding]:
    """The findings of one PATH; raises InputError for bad input."""
    if path == "-":
        raw = _stdin_bytes(stdin)
        if raw[:4] == b"PK\x03\x04":
            return _docx(raw, path, profile, sensitive_terms)
        return proofread_text(_decode(raw, "<stdin>"), profile, sensitive_terms)
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file")
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}")
    if p.suffix.lower() == ".docx":
        return _docx(raw, path, profile, sensitive_terms)
    if p.suffix.lower() == ".doc":
        raise InputError(f"{path}: .doc (Word 97-2003) is not supported: save it as .docx")
    return proofread_text(_decode(raw, path), profile, sensitive_terms)


def _docx(raw: bytes, path: str, profile: str, sensitive_terms: list[str]) -> list[Finding]:
    try:
        return proofread_docx(raw, profile, sensitive_terms).findings
    except DocxError as exc:
        raise InputError(f"{path}: {exc}") from exc


def format_text(path: str, findings: list[Finding]) -> str:
    if not findings:
        return f"{path}: 未发现问题\n"
    lines = [f"{path}: {len(findings)} 处问题"]
    for f in findings:
        sugg = f" → “{f.suggestion}”" if f.suggestion is not None else ""
        shown = f.text if f.text else "∅"
        why = f"  依据：{f.why}" if f.why else ""
        lines.append(f"  [{f.start}:{f.end}] {f.severity} {f.rule} “{shown}”{sugg}  {f.message}{why}")
    return "\n".join(lines) + "\n"


def run(argv: list[str], stdin=None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line ``argv`` (without the program name); returns the exit status."""
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    parser = build_parser()
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message to stderr
        return EXIT_BAD_INPUT if exc.code else EXIT_OK
    return execute(args.paths, args.output_format, args.profile, args.sensitive_terms, stdin, stdout, stderr)


def execute(paths: list[str], output_format: str, profile: str, sensitive_terms: list[str], stdin, stdout,
            stderr) -> int:
    results: list[tuple[str, list[Finding]]] = []
    for path in paths:
        try:
            results.append((path, check_path(path, profile, sensitive_terms, stdin)))
        except InputError as exc:
            stderr.write(f"zeroerror proofread: error: {exc}\n")
            return EXIT_BAD_INPUT
    if output_format == "json":
        doc = {"files": [{"path": p, "findings": [f.to_dict() for f in fs]} for p, fs in results]}
        stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write("".join(format_text(p, fs) for p, fs in results))
    stdout.flush()
    return EXIT_FOUND if any(f.severity == ERROR for _p, fs in results for f in fs) else EXIT_OK


def main() -> None:
    raise SystemExit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
