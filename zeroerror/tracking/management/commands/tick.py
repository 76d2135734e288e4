from django.core.management.base import BaseCommand
from django.utils import timezone

from zeroerror.tracking.actions import run_tick
from zeroerror.tracking.registry import tick_tasks


class Command(BaseCommand):
    help = "周期任务（建议 cron 每分钟运行）：到期提醒、标记逾期并升级、提出差错线索，以及各模块登记的周期任务。幂等，可并发运行。"

    def handle(self, *args, **options):
        now = timezone.now()
        self.stdout.write(run_tick(now).summary())
        for task in tick_tasks():
            summary = task(now)
            if summary:
                self.stdout.write(summary)
