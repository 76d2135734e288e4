"""The embedded scheduler: ``zeroerror up`` runs the periodic tasks (``zeroerror tick``) itself, so a fresh install
reminds, marks overdue and escalates without cron.

One per installation: the thread runs only while its process holds an exclusive lock on a file in the data directory;
a second ``up`` on the same data directory serves pages but leaves the ticking to the first. cron may run
``zeroerror tick`` as well: every periodic task is idempotent and safe to run concurrently.

Pure Python (no Django): the task is passed in.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux
    fcntl = None

log = logging.getLogger(__name__)

TICK_INTERVAL_SECONDS = 60.0


class Scheduler:
    def __init__(self, task: Callable[[], None], *, lock_path: Path, interval: float = TICK_INTERVAL_SECONDS):
        self.task = task
        self.lock_path = Path(lock_path)
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock_file = None
        self.runs = 0

    def _acquire(self) -> bool:
        handle = self.lock_path.open("a")
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                return False
        self._lock_file = handle
        return True

    def start(self) -> bool:
        """Start ticking now and every ``interval`` seconds; False if another process already does it."""
        if self._thread is not None:
            return True
        if not self._acquire():
            return False
        self._thread = threading.Thread(target=self._loop, name="zeroerror-scheduler", daemon=True)
        self._thread.start()
        return True

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.task()
            except Exception:  # a failing run must not stop the next one
                log.exception("周期任务运行失败")
            self.runs += 1
            self._stop.wait(self.interval)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._lock_file is not None:
            self._lock_file.close()  # releases the lock
            self._lock_file = None
