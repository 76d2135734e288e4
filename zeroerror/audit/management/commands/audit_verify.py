from django.core.management.base import BaseCommand, CommandError

from zeroerror.audit.trail import verify_chain


class Command(BaseCommand):
    help = "校验审计日志哈希链，报告第一处断链。"

    def handle(self, *args, **options):
        result = verify_chain()
        if not result.ok:
            raise CommandError(f"审计链校验失败：{result.reason}（已校验 {result.checked} 条）")
        self.stdout.write(f"审计链完整：共 {result.checked} 条记录。")
