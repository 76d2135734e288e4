from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings

from zeroerror.core.demo import steps


class Command(BaseCommand):
    help = "建立演示单位（幂等：已建立的部分跳过）。"

    def handle(self, *args, **options):
        if "org_unit" not in connection.introspection.table_names():
            raise CommandError("数据库尚未迁移：请先运行 zeroerror migrate（或直接用 zeroerror up）。")
        # the demo's notifications stay in the app: no e-mail copies to the fictitious addresses
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            for _order, name, step in steps():
                self.stdout.write(f"== {name}")
                step(self.stdout.write)
