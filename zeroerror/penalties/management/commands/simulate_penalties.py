"""``zeroerror simulate_penalties PATH``: run the penalty engine on a JSON file (``-``: standard input).

A thin wrapper over :func:`zeroerror.penalties.simjson.run`; the contract is documented there and in
docs/penalties.md.
"""

import io
import sys

from django.core.management.base import BaseCommand

from zeroerror.penalties.simjson import run


class Command(BaseCommand):
    help = "Compute deductions and measures of part 二 for the errors in a JSON file and print them as JSON."
    requires_system_checks = []  # a pure computation: no database, no URLs

    def add_arguments(self, parser):
        parser.add_argument("path", help="input JSON file, or - for standard input")
        parser.add_argument("--policy", metavar="FILE", help="a policy JSON file (default: the regulation's text)")

    def handle(self, *args, **options):
        stdin = sys.stdin
        if options["path"] == "-" and hasattr(sys.stdin, "buffer"):
            stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig")
        code = run(options["path"], stdin, _Raw(self.stdout), _Raw(self.stderr), policy_path=options["policy"])
        if code:
            sys.exit(code)


class _Raw:
    """Write through Django's OutputWrapper without its added line endings or styling (run() ends its lines)."""

    def __init__(self, wrapper):
        self._out = getattr(wrapper, "_out", wrapper)

    def write(self, text: str) -> None:
        self._out.write(text)
