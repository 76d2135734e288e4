"""Extension points other apps register into from their AppConfig.ready():

* inbox providers — what needs a person's action now (我的待办);
* tick tasks — periodic work run by ``zeroerror tick`` after the tracked items.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from zeroerror.org.models import Person


@dataclass(frozen=True)
class TodoEntry:
    kind: str  # e.g. "督办事项", "待审批"
    title: str
    url: str
    action_label: str  # the one action that moves it on, e.g. "办理", "审批"
    due_at: datetime | None = None
    sender: str = ""
    overdue: bool = False
    due_soon: bool = False


InboxProvider = Callable[[Person], list[TodoEntry]]
TickTask = Callable[[datetime], str]

_inbox_providers: list[InboxProvider] = []
_tick_tasks: list[TickTask] = []


def register_inbox_provider(fn: InboxProvider) -> InboxProvider:
    if fn not in _inbox_providers:
        _inbox_providers.append(fn)
    return fn


def register_tick_task(fn: TickTask) -> TickTask:
    if fn not in _tick_tasks:
        _tick_tasks.append(fn)
    return fn


def inbox_for(person: Person) -> list[TodoEntry]:
    entries: list[TodoEntry] = []
    for provider in _inbox_providers:
        entries.extend(provider(person))
    far = datetime.max.replace(tzinfo=None)
    return sorted(entries, key=lambda e: (not e.overdue, e.due_at.replace(tzinfo=None) if e.due_at else far, e.title))


def tick_tasks() -> list[TickTask]:
    return list(_tick_tasks)
