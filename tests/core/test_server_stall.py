"""入侵防范 (issue 10, 4c): `zeroerror up` serves with threaded workers and timeouts, so four idle connections that
never send a request do not stall the server for anyone else."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from zeroerror.core.management.commands.up import gunicorn_args

GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_up_uses_threaded_workers_with_timeouts():
    args = gunicorn_args("gunicorn", "127.0.0.1:8000", 2)
    assert args[args.index("--worker-class") + 1] == "gthread" and int(args[args.index("--threads") + 1]) >= 4
    assert int(args[args.index("--timeout") + 1]) <= 120 and "--keep-alive" in args


def test_four_idle_connections_do_not_stall_the_server(tmp_path):
    port = free_port()
    env = {**os.environ, "ZEROERROR_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "zeroerror.settings",
           "ZEROERROR_ENV": "embedded"}
    server = subprocess.Popen(gunicorn_args(GUNICORN, f"127.0.0.1:{port}", 1), env=env,  # noqa: S603
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    idle = []
    try:
        url = f"http://127.0.0.1:{port}/healthz"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).read()  # noqa: S310 (loopback)
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.5)
        for _ in range(4):  # connect and send nothing, as a slow or idle client does
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        started = time.monotonic()
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            assert response.status == 200
        assert time.monotonic() - started < 10
    finally:
        for s in idle:
            s.close()
        server.terminate()
        server.wait(timeout=30)
