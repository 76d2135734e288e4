"""`zeroerror demo` builds the demo unit in steps; each app registers its own idempotent step."""

from __future__ import annotations

from collections.abc import Callable

DemoStep = Callable[[Callable[[str], None]], None]
_steps: list[tuple[int, str, DemoStep]] = []


def register_demo_step(order: int, name: str):
    def decorator(fn: DemoStep) -> DemoStep:
        if all(existing is not fn for _, _, existing in _steps):
            _steps.append((order, name, fn))
        return fn

    return decorator


def steps() -> list[tuple[int, str, DemoStep]]:
    return sorted(_steps, key=lambda s: s[0])
