"""``zeroerror proofread``: a thin wrapper over ``zeroerror.proofread.engine.cli``."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand

from zeroerror.proofread.engine import cli


class Command(BaseCommand):
    help = "校对 .txt（UTF-8）或 .docx 文件（- 为标准输入）：错别字、异形词、标点、数字、公文格式、个人信息、涉密标志。"
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser) -> None:
        cli.add_arguments(parser)

    def handle(self, *args, **options) -> None:
        code = cli.execute(options["paths"], options["output_format"], options["profile"],
                           options["sensitive_terms"], sys.stdin, self.stdout._out, self.stderr._out)
        if code:
            raise SystemExit(code)
