"""Where the installation keeps its data (the SQLite database, the generated keys, attachments, static files).

Found the same way wherever a command runs — never from the current folder, so ``zeroerror tick`` run by cron from
``/`` or ``audit_verify`` run from another folder use the same database and keys as the server:

1. the environment variable ``ZEROERROR_DATA_DIR``;
2. the ``data_dir`` key of the configuration file: ``ZEROERROR_CONFIG`` if set, otherwise
   ``$XDG_CONFIG_HOME/zeroerror/config.toml`` (``~/.config/zeroerror/config.toml``);
3. the default: ``data/`` beside the virtual environment the program is installed in (``.venv`` in a checkout ->
   ``<checkout>/data``), or ``$XDG_DATA_HOME/zeroerror`` (``~/.local/share/zeroerror``) outside a virtual
   environment.

Pure Python, no Django: the CLI uses it before the settings are loaded.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DATABASE_FILE = "zeroerror.sqlite3"


class DataDirError(ValueError):
    """The configuration names no usable data directory; the message says which setting is wrong."""


@dataclass(frozen=True)
class DataDir:
    path: Path
    source: str  # how it was found, for the start-up message

    @property
    def database(self) -> Path:
        return self.path / DATABASE_FILE


def _home(env: Mapping[str, str]) -> Path:
    return Path(env.get("HOME") or Path.home())


def config_file(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("ZEROERROR_CONFIG", "").strip():
        return Path(env["ZEROERROR_CONFIG"]).expanduser()
    base = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME", "").strip() else _home(env) / ".config"
    return base / "zeroerror" / "config.toml"


def default_data_dir(env: Mapping[str, str] | None = None, *, prefix: str | None = None,
                     base_prefix: str | None = None) -> Path:
    env = os.environ if env is None else env
    prefix = sys.prefix if prefix is None else prefix
    base_prefix = sys.base_prefix if base_prefix is None else base_prefix
    if prefix != base_prefix:  # a virtual environment: its parent folder holds the installation
        return Path(prefix).resolve().parent / "data"
    base = Path(env["XDG_DATA_HOME"]) if env.get("XDG_DATA_HOME", "").strip() else _home(env) / ".local" / "share"
    return base / "zeroerror"


def resolve_data_dir(env: Mapping[str, str] | None = None, *, prefix: str | None = None,
                     base_prefix: str | None = None) -> DataDir:
    env = os.environ if env is None else env
    value = env.get("ZEROERROR_DATA_DIR", "").strip()
    if value:
        return DataDir(Path(value).expanduser().resolve(), "环境变量 ZEROERROR_DATA_DIR")
    path = config_file(env)
    explicit = bool(env.get("ZEROERROR_CONFIG", "").strip())
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise DataDirError(f"配置文件 {path} 无法读取：{exc}") from None
        value = data.get("data_dir")
        if value is not None:
            if not isinstance(value, str) or not value.strip():
                raise DataDirError(f"配置文件 {path} 中的 data_dir 须为非空的路径字符串")
            found = Path(value).expanduser()
            if not found.is_absolute():
                found = path.parent / found
            return DataDir(found.resolve(), f"配置文件 {path}")
    elif explicit:
        raise DataDirError(f"ZEROERROR_CONFIG 指向的配置文件 {path} 不存在")
    return DataDir(default_data_dir(env, prefix=prefix, base_prefix=base_prefix).resolve(), "默认位置")
