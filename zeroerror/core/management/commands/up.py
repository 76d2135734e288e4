import shutil
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "一键启动：建数据目录、迁移数据库、首次运行时建立演示单位、收集静态文件，然后提供服务。"

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="监听地址，默认 127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn 工作进程数（双核机器建议 2）")
        parser.add_argument("--no-demo", action="store_true", help="不建立演示单位")
        parser.add_argument("--no-serve", action="store_true", help="只做准备，不启动服务")

    def handle(self, *args, bind, workers, no_demo, no_serve, **options):
        self.stdout.write(f"数据目录：{settings.DATA_DIR}")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("数据库已迁移。")
        if not no_demo:
            call_command("demo")
        call_command("collectstatic", interactive=False, verbosity=0)
        if no_serve:
            return
        self.stdout.write(f"零差错办公管理系统：http://{bind}/  （Ctrl-C 停止）")
        gunicorn = shutil.which("gunicorn") or str(__import__("pathlib").Path(sys.executable).parent / "gunicorn")
        raise SystemExit(subprocess.call([
            gunicorn, "zeroerror.wsgi", "--bind", bind, "--workers", str(workers), "--access-logfile", "-",
        ]))
