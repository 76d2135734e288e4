from django.core.management.base import BaseCommand

from zeroerror.tracking.actions import run_tick


class Command(BaseCommand):
    help = "周期任务（建议 cron 每分钟运行）：到期提醒、标记逾期并升级、提出差错线索。幂等，可并发运行。"

    def handle(self, *args, **options):
        report = run_tick()
        self.stdout.write(report.summary())
