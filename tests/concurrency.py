"""Racing actions on separate database connections, for the locking tests.

``race(work, args)`` starts one thread per argument tuple, lines them up on a barrier so they really start together,
joins each with a timeout and returns their results in order. An exception raised in a thread is returned as
the value, so a test can assert which refusal each loser got; ``race(..., expect=(ValidationError,))`` re-raises
any other exception in the test's thread instead of losing it. A thread still running at the timeout fails the
test (a deadlock must not hang the suite).

On SQLite the threads share the file test database (see zeroerror/settings_test.py) and every transaction begins
IMMEDIATE, so writers queue on the database lock: the test shows the property (no gap, no duplicate, one winner)
but not the row lock that gives it on PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence

from django.db import connections

TIMEOUT = 60


class WorkerHung(AssertionError):
    pass


def race(work: Callable, args: Iterable[Sequence] | int, *, expect: tuple[type[BaseException], ...] = (),
         timeout: float = TIMEOUT) -> list:
    """Run ``work(*a)`` for every ``a`` in ``args`` (or ``work()`` ``args`` times) at the same moment.

    Returns each call's result, or the exception it raised if that exception is one of ``expect``. Any other
    exception is re-raised here (the first one, with the others attached as notes)."""
    calls = [()] * args if isinstance(args, int) else [tuple(a) for a in args]
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)
    failures: list[BaseException | None] = [None] * len(calls)

    def run(i: int, a: tuple) -> None:
        try:
            barrier.wait(timeout=timeout)
            outcomes[i] = work(*a)
        except expect as exc:
            outcomes[i] = exc
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread below
            failures[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a), daemon=True, name=f"race-{i}") for i, a in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=timeout)
    hung = [t.name for t in threads if t.is_alive()]
    if hung:
        raise WorkerHung(f"threads still running after {timeout}s: {', '.join(hung)}")
    raised = [exc for exc in failures if exc is not None]
    if raised:
        first = raised[0]
        for other in raised[1:]:
            first.add_note(f"another thread raised too: {other!r}")
        raise first
    return outcomes


def messages(outcomes: list) -> list:
    """The outcomes with each ValidationError replaced by its first message (what the user would read)."""
    return [o.messages[0] if hasattr(o, "messages") else o for o in outcomes]
