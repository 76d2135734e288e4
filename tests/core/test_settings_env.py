import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from zeroerror.conf.env import (
    env_allowed_hosts,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_networks,
    env_subset,
    parse_database_url,
)


def test_bool_accepts_the_usual_spellings_and_refuses_others():
    assert env_bool("X", env={"X": "yes"}) is True
    assert env_bool("X", env={"X": "0"}) is False
    assert env_bool("X", True, env={}) is True
    with pytest.raises(ImproperlyConfigured, match="X must be a boolean"):
        env_bool("X", env={"X": "maybe"})


def test_int_refuses_garbage_and_values_below_the_minimum():
    assert env_int("N", 5, env={"N": " 7 "}) == 7
    with pytest.raises(ImproperlyConfigured, match="N must be an integer"):
        env_int("N", 5, env={"N": "seven"})
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("N", 5, minimum=1, env={"N": "0"})


def test_list_and_choice():
    assert env_list("H", env={"H": "a.example, b.example,"}) == ["a.example", "b.example"]
    with pytest.raises(ImproperlyConfigured, match="must be one of"):
        env_choice("E", ("a", "b"), "a", env={"E": "c"})


def test_networks_accept_addresses_and_networks_and_refuse_garbage():
    nets = env_networks("P", env={"P": "10.0.0.1, 192.168.0.0/16,::1"})
    assert [str(n) for n in nets] == ["10.0.0.1/32", "192.168.0.0/16", "::1/128"]
    assert [str(n) for n in env_networks("P", ["127.0.0.0/8"], env={})] == ["127.0.0.0/8"]
    assert env_networks("P", ["127.0.0.0/8"], env={"P": ""}) == []
    with pytest.raises(ImproperlyConfigured, match="P must list IP addresses or networks"):
        env_networks("P", env={"P": "10.0.0.0/8,intranet"})


def test_allowed_hosts_refuse_a_wildcard_in_production():
    assert env_allowed_hosts("H", [], production=True, env={"H": "oa.example.org"}) == ["oa.example.org"]
    with pytest.raises(ImproperlyConfigured, match="must not contain '\\*' in production"):
        env_allowed_hosts("H", [], production=True, env={"H": "oa.example.org,*"})
    with pytest.raises(ImproperlyConfigured, match="must list the host names"):
        env_allowed_hosts("H", [], production=True, env={})
    assert env_allowed_hosts("H", ["localhost"], production=False, env={}) == ["localhost"]
    assert env_allowed_hosts("H", ["localhost"], production=False, env={"H": "*"}) == ["*"]


def test_subsets_accept_known_words_only():
    assert env_subset("C", ("a", "b", "c"), ["a"], env={}) == {"a"}
    assert env_subset("C", ("a", "b", "c"), ["a"], env={"C": "b, c"}) == {"b", "c"}
    with pytest.raises(ImproperlyConfigured, match="C may only list a, b, c; got d"):
        env_subset("C", ("a", "b", "c"), ["a"], env={"C": "a,d"})


def test_database_urls():
    pg = parse_database_url("postgres://zero:s%40cret@db.local:5433/zeroerror?sslmode=require")
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert (pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"], pg["NAME"]) == (
        "zero", "s@cret", "db.local", "5433", "zeroerror")
    assert pg["OPTIONS"] == {"sslmode": "require"} and pg["CONN_MAX_AGE"] == 60
    lite = parse_database_url("sqlite:////srv/zeroerror/db.sqlite3")
    assert lite["NAME"] == "/srv/zeroerror/db.sqlite3"
    assert lite["OPTIONS"]["transaction_mode"] == "IMMEDIATE" and lite["OPTIONS"]["timeout"] == 20
    assert "journal_mode=WAL" in lite["OPTIONS"]["init_command"]
    for bad in ("mysql://x/y", "postgres://host/", "postgres://h:notaport/db", "sqlite://"):
        with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
            parse_database_url(bad)


def _run(env_extra, tmp_path, *args):
    env = {"PATH": "/usr/bin:/bin", "ZEROERROR_DATA_DIR": str(tmp_path), **env_extra}
    return subprocess.run([str(Path(sys.executable).parent / "zeroerror"), *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_production_refuses_to_start_without_its_secrets(tmp_path):
    result = _run({"ZEROERROR_ENV": "production"}, tmp_path, "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def _production(tmp_path, **overrides):
    return {
        "ZEROERROR_ENV": "production",
        "SECRET_KEY": "p" * 20 + "-Zq8#kL2@vN5$wR7^tY1&uI3*oP6(aS9)dF0" + "x" * 10,
        "ZEROERROR_AUDIT_KEY": "a-distinct-audit-key-with-enough-length-000",
        "ALLOWED_HOSTS": "oa.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path}/prod.sqlite3",
        **overrides,
    }


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = _run(_production(tmp_path), tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_a_wildcard_allowed_host(tmp_path):
    result = _run(_production(tmp_path, ALLOWED_HOSTS="*"), tmp_path, "check")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must not contain '*' in production" in result.stderr


def test_embedded_mode_generates_and_keeps_its_secret_key(tmp_path):
    _run({}, tmp_path, "check")
    key = (tmp_path / "secret_key").read_text()
    _run({}, tmp_path, "check")
    assert (tmp_path / "secret_key").read_text() == key and len(key) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_bad_environment_values_stop_the_program(tmp_path):
    result = _run({"EMAIL_PORT": "twenty-five"}, tmp_path, "check")
    assert result.returncode != 0 and "EMAIL_PORT must be an integer" in result.stderr
