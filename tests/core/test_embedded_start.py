"""Issue 11, item 8: the embedded start needs no cron, finds its data directory from any folder, serves pages under
plain `runserver`, and tells a new user which accounts to try."""

import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from django.utils import timezone

from zeroerror.cli import missing_database
from zeroerror.conf.datadir import DataDirError, resolve_data_dir
from zeroerror.core.management.commands.up import tick_once
from zeroerror.core.scheduler import Scheduler
from zeroerror.tracking.actions import do_create_tracked_item
from zeroerror.tracking.models import ItemStatus, TrackedItem

ZEROERROR = str(Path(sys.executable).parent / "zeroerror")


# 8(a) ---------------------------------------------------------------------------------------------------------------

def test_it_marks_overdue_items_within_a_minute_without_cron(org, tmp_path):
    item = do_create_tracked_item(title="办理来文", owner=org.alice, due_at=timezone.now() - timedelta(hours=1),
                                  area="documents", actor=org.director.user)
    said = []
    main = connections["default"]  # the scheduler's thread works in the test's transaction (as a live server does)
    main.inc_thread_sharing()

    def task():
        connections["default"] = main
        tick_once(said.append, close_connections=False)

    scheduler = Scheduler(task, lock_path=tmp_path / "scheduler.lock")
    assert scheduler.start()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and TrackedItem.objects.get(pk=item.pk).status != ItemStatus.OVERDUE:
            time.sleep(0.2)
    finally:
        scheduler.stop()
        main.dec_thread_sharing()
    assert TrackedItem.objects.get(pk=item.pk).status == ItemStatus.OVERDUE
    assert said[0] == "[周期任务] 提醒 0 项，新逾期 1 项"  # (an audit checkpoint line may follow)


def test_it_runs_one_scheduler_per_installation(tmp_path):
    runs = []
    first = Scheduler(lambda: runs.append("first"), lock_path=tmp_path / "scheduler.lock", interval=3600)
    second = Scheduler(lambda: runs.append("second"), lock_path=tmp_path / "scheduler.lock", interval=3600)
    assert first.start()
    try:
        assert not second.start()  # the same data directory: the first one ticks
    finally:
        first.stop()
    assert second.start()  # once the first has stopped, the lock is free
    second.stop()
    assert runs == ["first", "second"]


# 8(b) ---------------------------------------------------------------------------------------------------------------

def test_the_data_directory_is_found_the_same_way_from_any_folder(tmp_path, monkeypatch):
    home = tmp_path / "home"
    env = {"HOME": str(home)}
    monkeypatch.chdir(tmp_path)
    # the default: beside the virtual environment, not the current folder
    found = resolve_data_dir(env, prefix="/srv/zeroerror/.venv", base_prefix="/usr")
    assert found.path == Path("/srv/zeroerror/data") and found.source == "默认位置"
    assert resolve_data_dir(env, prefix="/usr", base_prefix="/usr").path == home / ".local" / "share" / "zeroerror"
    # a configuration file overrides the default ...
    config = home / ".config" / "zeroerror" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('data_dir = "/srv/oa-data"\n', encoding="utf-8")
    assert resolve_data_dir(env, prefix="/srv/zeroerror/.venv", base_prefix="/usr").path == Path("/srv/oa-data")
    # ... and the environment variable overrides both
    assert resolve_data_dir({**env, "ZEROERROR_DATA_DIR": str(tmp_path / "d")}).path == tmp_path / "d"
    config.write_text("data_dir = 3\n", encoding="utf-8")
    with pytest.raises(DataDirError, match="data_dir 须为非空的路径字符串"):
        resolve_data_dir(env)
    with pytest.raises(DataDirError, match="ZEROERROR_CONFIG 指向的配置文件 .* 不存在"):
        resolve_data_dir({**env, "ZEROERROR_CONFIG": str(tmp_path / "none.toml")})


def test_a_missing_database_is_one_line_and_creates_nothing(tmp_path):
    data = tmp_path / "empty"
    env = {"PATH": "/usr/bin:/bin", "ZEROERROR_DATA_DIR": str(data), "HOME": str(tmp_path)}
    result = subprocess.run([ZEROERROR, "tick"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (f"找不到数据库 {data}/zeroerror.sqlite3（数据目录由环境变量 ZEROERROR_DATA_DIR确定）："
                             "请先运行 zeroerror up 建立系统，或用 ZEROERROR_DATA_DIR 指向已有的数据目录。\n")
    assert not data.exists()  # no fresh data directory with new keys
    assert not (tmp_path / "data").exists()
    assert missing_database(["zeroerror", "migrate"], env) is None
    assert missing_database(["zeroerror", "audit_verify"], {**env, "DATABASE_URL": "postgres://h/db"}) is None


# 8(c) ---------------------------------------------------------------------------------------------------------------

def test_plain_runserver_serves_pages_before_collectstatic(client, db, tmp_path):
    storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": "zeroerror.core.staticstorage.ManifestWhenCollectedStorage"}}
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path / "static", DEBUG=False):
        response = client.get("/login/")
        assert response.status_code == 200
        assert b'href="/static/zeroerror/app.css"' in response.content
        assert client.get("/static/zeroerror/app.css").status_code == 200
        call_command("collectstatic", interactive=False, verbosity=0)
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path / "static", DEBUG=False):
        hashed = client.get("/login/").content.decode()
    assert 'href="/static/zeroerror/app.css"' not in hashed and "/static/zeroerror/app." in hashed  # hashed once collected


# 8(d) ---------------------------------------------------------------------------------------------------------------

def test_up_prints_five_accounts_to_start_with_and_where_the_rest_are(db, capsys, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    call_command("demo")
    out = capsys.readouterr().out
    for role, username in [("院长", "wangjianguo"), ("办公室主任", "liuyang"), ("绩效办负责人", "songjia"),
                           ("一般工作人员", "zhengxiao"), ("系统管理员", "yuangang")]:
        assert f"  {role}" in out and username in out
    assert "chenzhiqiang" not in out  # not the forty accounts
    assert f"其余 35 个账号（每个角色至少一人）见 {tmp_path / 'demo-accounts.txt'}" in out
    assert "chenzhiqiang" in (tmp_path / "demo-accounts.txt").read_text(encoding="utf-8")
    call_command("demo")
    again = capsys.readouterr().out
    assert "已存在" in again and "wangjianguo" in again  # every `up` shows them again
