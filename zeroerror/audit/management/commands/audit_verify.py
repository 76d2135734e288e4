from django.core.management.base import BaseCommand, CommandError

from zeroerror.audit import checkpoints
from zeroerror.audit.trail import verify_chain


class Command(BaseCommand):
    help = "校验审计日志哈希链，报告第一处断链；并与数据库外最新的签名检查点比对（尾部或全部记录被删除）。"

    def handle(self, *args, **options):
        result = verify_chain()
        if not result.ok:
            raise CommandError(f"审计链校验失败：{result.reason}（已校验 {result.checked} 条）")
        try:
            point = checkpoints.latest()
        except checkpoints.CheckpointError as exc:
            raise CommandError(f"审计检查点不可信：{exc}")
        problem = checkpoints.compare(point, result.checked)
        if problem:
            raise CommandError(f"审计链校验失败：{problem}")
        self.stdout.write(f"审计链完整：共 {result.checked} 条记录。")
        if point is None:
            self.stdout.write(f"尚无审计检查点（{checkpoints.path()}）：zeroerror tick 会写入。")
        else:
            self.stdout.write(f"与检查点一致：检查点记录到第 {point.seq} 条。")
