import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from zeroerror.core.scheduler import Scheduler


def tick_once(write, *, close_connections: bool = True) -> None:
    """One run of `zeroerror tick` (in the scheduler's thread); reports only what changed something."""
    out = io.StringIO()
    try:
        call_command("tick", stdout=out)
    finally:
        if close_connections:
            connections.close_all()  # this thread's connections
    for line in out.getvalue().splitlines():
        if re.search(r"[1-9]", line):
            write(f"[周期任务] {line}")


def start_scheduler(write) -> Scheduler | None:
    """Run the periodic tasks every minute, once per installation (a lock file in the data directory)."""
    scheduler = Scheduler(lambda: tick_once(write), lock_path=settings.DATA_DIR / "scheduler.lock")
    if scheduler.start():
        write("周期任务（到期提醒、逾期标记与升级、催回执等）由本进程每分钟运行一次，无需另设 cron。")
        return scheduler
    write("另一个 zeroerror up 已在运行周期任务（同一数据目录只运行一份）。")
    return None


def gunicorn_args(gunicorn: str, bind: str, workers: int, threads: int = 8) -> list[str]:
    """gunicorn with threaded workers (gthread): an idle or slow client holds one thread, not a whole worker, so a
    few idle connections cannot stall the server (sync workers could be tied up by four); requests time out."""
    return [
        gunicorn, "zeroerror.wsgi", "--bind", bind, "--workers", str(workers),
        "--worker-class", "gthread", "--threads", str(threads),
        "--timeout", "60", "--graceful-timeout", "30", "--keep-alive", "5",
        "--limit-request-line", "8190", "--limit-request-fields", "100",
        "--access-logfile", "-",
    ]


class Command(BaseCommand):
    help = ("一键启动：建数据目录、迁移数据库、首次运行时建立演示单位、收集静态文件，然后提供服务，"
            "并每分钟运行周期任务（不需要 cron）。")

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="监听地址，默认 127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn 工作进程数（双核机器建议 2）")
        parser.add_argument("--no-demo", action="store_true", help="不建立演示单位")
        parser.add_argument("--no-serve", action="store_true", help="只做准备，不启动服务")
        parser.add_argument("--no-scheduler", action="store_true", help="不在本进程运行周期任务（已由 cron 运行 tick 时）")

    def handle(self, *args, bind, workers, no_demo, no_serve, no_scheduler, **options):
        self.stdout.write(f"数据目录：{settings.DATA_DIR}（{settings.DATA_DIR_SOURCE}）")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("数据库已迁移。")
        if not no_demo:
            call_command("demo")
        call_command("collectstatic", interactive=False, verbosity=0)
        if no_serve:
            return
        scheduler = None if no_scheduler else start_scheduler(self.stdout.write)
        self.stdout.write(f"零差错办公管理系统：http://{bind}/  （Ctrl-C 停止）")
        gunicorn = shutil.which("gunicorn") or str(Path(sys.executable).parent / "gunicorn")
        try:
            code = subprocess.call(gunicorn_args(gunicorn, bind, workers))  # noqa: S603 (our own argument list)
        except KeyboardInterrupt:
            code = 0
        finally:
            if scheduler is not None:
                scheduler.stop()
        raise SystemExit(code)
