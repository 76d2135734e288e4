"""The `zeroerror` console script: the project's manage.py.

Before Django starts, a command that works on an existing installation (``tick``, ``audit_verify``, ``shell``,
``runserver`` …) is refused with one line when the data directory has no database yet: it would otherwise create a
fresh data directory with new keys and end in a traceback."""

import os
import sys

# Commands that create the database, or do not need one.
NO_DATABASE_NEEDED = frozenset({
    "up", "migrate", "makemigrations", "help", "version", "check", "collectstatic", "findstatic", "test",
    "diffsettings", "startapp", "startproject", "makemessages", "compilemessages", "sendtestemail", "proofread",
    "simulate_penalties", "squashmigrations", "optimizemigration",
})


def missing_database(argv: list[str], env=None) -> str | None:
    """The one-line refusal when ``argv`` runs a command that needs the embedded database and there is none."""
    env = os.environ if env is None else env
    command = argv[1] if len(argv) > 1 else ""
    if not command or command.startswith("-") or command in NO_DATABASE_NEEDED:
        return None
    if env.get("DATABASE_URL", "").strip() or env.get("DJANGO_SETTINGS_MODULE", "zeroerror.settings") != "zeroerror.settings":
        return None  # a server database, or another settings module: Django reports its own errors
    from zeroerror.conf.datadir import DataDirError, resolve_data_dir

    try:
        found = resolve_data_dir(env)
    except DataDirError as exc:
        return f"配置错误：{exc}"
    if found.database.exists():
        return None
    return (f"找不到数据库 {found.database}（数据目录由{found.source}确定）：请先运行 zeroerror up 建立系统，"
            "或用 ZEROERROR_DATA_DIR 指向已有的数据目录。")


def main(argv: list[str] | None = None) -> None:
    argv = argv if argv is not None else sys.argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zeroerror.settings")
    problem = missing_database(argv)
    if problem:
        print(problem, file=sys.stderr)
        raise SystemExit(1)
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
