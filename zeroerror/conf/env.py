"""Typed readers for settings taken from the environment.

Every reader raises ImproperlyConfigured with a message naming the variable when a value is present but
malformed: a typo in production must stop the server, not silently fall back to a default.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str, env: Mapping[str, str] | None) -> str | None:
    return (os.environ if env is None else env).get(name)


def env_str(name: str, default: str | None = None, *, env: Mapping[str, str] | None = None) -> str | None:
    value = _raw(name, env)
    return default if value is None else value


def env_bool(name: str, default: bool = False, *, env: Mapping[str, str] | None = None) -> bool:
    value = _raw(name, env)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false/1/0), got {value!r}")


def env_int(name: str, default: int, *, minimum: int | None = None, env: Mapping[str, str] | None = None) -> int:
    value = _raw(name, env)
    if value is None or value.strip() == "":
        result = default
    else:
        try:
            result = int(value.strip())
        except ValueError:
            raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None
    if minimum is not None and result < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {result}")
    return result


def env_list(name: str, default: list[str] | None = None, *, env: Mapping[str, str] | None = None) -> list[str]:
    value = _raw(name, env)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_hours(name: str, default: list[int], *, env: Mapping[str, str] | None = None) -> list[int]:
    """A comma-separated list of hours of the day (0–23), e.g. ``12,17``; sorted, without repeats."""
    items = env_list(name, None, env=env)
    if not items:
        return sorted(set(default))
    try:
        hours = {int(item) for item in items}
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be hours of the day separated by commas (e.g. 12,17), got "
                                   f"{_raw(name, env)!r}") from None
    if any(not 0 <= h <= 23 for h in hours):
        raise ImproperlyConfigured(f"{name}: hours must be between 0 and 23, got {_raw(name, env)!r}")
    return sorted(hours)


def env_choice(name: str, choices: tuple[str, ...], default: str, *, env: Mapping[str, str] | None = None) -> str:
    value = _raw(name, env)
    if value is None or value == "":
        return default
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


def env_path(name: str, default: Path, *, env: Mapping[str, str] | None = None) -> Path:
    value = _raw(name, env)
    if value is None or value.strip() == "":
        return default.resolve()
    return Path(value).expanduser().resolve()


def parse_database_url(url: str, *, sqlite_default: Path | None = None) -> dict:
    """Turn a DATABASE_URL into a Django DATABASES entry.

    Supported: ``sqlite:///relative.db``, ``sqlite:////abs/path.db``, ``postgres://user:pass@host:port/name``
    (also ``postgresql://``). Query parameters on PostgreSQL URLs become OPTIONS (e.g. ``sslmode=require``).
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        path = unquote(parts.path)
        if path.startswith("/"):
            path = path[1:]
        if not path:
            raise ImproperlyConfigured("DATABASE_URL: sqlite URL needs a file name, e.g. sqlite:////srv/zeroerror/db.sqlite3")
        return sqlite_database(Path(path) if Path(path).is_absolute() or path.startswith("/") else Path(path).resolve())
    if scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured("DATABASE_URL: PostgreSQL URL needs a database name, e.g. postgres://user@host/zeroerror")
        try:
            port = parts.port
        except ValueError:
            raise ImproperlyConfigured(f"DATABASE_URL: bad port in {url!r}") from None
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(port or ""),
            "OPTIONS": options,
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(f"DATABASE_URL: unsupported scheme {scheme!r} (use sqlite:// or postgres://)")


def sqlite_database(path: Path) -> dict:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        },
    }


def env_networks(name: str, default: list[str] | None = None, *, env: Mapping[str, str] | None = None) -> list[IPNetwork]:
    """A comma-separated list of addresses or networks (``10.0.0.5``, ``10.1.0.0/16``, ``::1``)."""
    value = _raw(name, env)
    items = list(default or []) if value is None else [item.strip() for item in value.split(",") if item.strip()]
    networks = []
    for item in items:
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(f"{name} must list IP addresses or networks (e.g. 10.0.0.0/8), got {item!r}")
    return networks


def env_allowed_hosts(
    name: str, default: list[str], *, production: bool, env: Mapping[str, str] | None = None
) -> list[str]:
    """ALLOWED_HOSTS: required in production, where a wildcard (``*``) is refused — it would let any Host header
    through (password-reset links, cache poisoning)."""
    hosts = env_list(name, None if production else default, env=env)
    if production:
        if not hosts:
            raise ImproperlyConfigured(f"{name} must list the host names the site is served under in production")
        if any(host == "*" for host in hosts):
            raise ImproperlyConfigured(f"{name} must not contain '*' in production: list the real host names")
    return hosts


def env_subset(name: str, choices: tuple[str, ...], default: list[str], *,
               env: Mapping[str, str] | None = None) -> frozenset[str]:
    """A comma-separated selection from ``choices`` (e.g. ``leaders,office``); an unknown word stops the program."""
    words = env_list(name, default, env=env)
    unknown = [word for word in words if word not in choices]
    if unknown:
        raise ImproperlyConfigured(f"{name} may only list {', '.join(choices)}; got {', '.join(unknown)}")
    return frozenset(words)
