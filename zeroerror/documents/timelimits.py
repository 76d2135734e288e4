"""Time limits (办理时限) for each 收文/发文 step, per 文种 and 紧急程度, in working days.

Pure Python (no Django).  Clause 一(一)4 asks that every 公文 be handled within its time limit; the
条例 only says that urgent documents get a stated deadline (第二十四条(四)) — there is no national table,
so these are office defaults a unit can override (:meth:`TimeLimitTable.from_dict`).

Meaning of a limit ``n``: the step must be finished by the end of the ``n``-th working day after the day it
starts; ``0`` means the same working day.  Working days come from the unit's calendar (not this module).

Defaults and why
================

Every step, 收文 and 发文, follows the same pattern by 紧急程度:

* **特急** — the same working day (0) for every step except the substantive work (承办, 拟稿), which gets the
  next working day (1): 特急 documents are handled the day they arrive.
* **加急** — the quick, clerical steps (签收, 登记, 编号, 分发, 复核) the same day; the reviewing steps
  (初审, 拟办, 批办, 核稿, 首读, 签发, 印制, 传阅) one day; the substantive work 2–3 days.
* **平急** — clerical steps one day; reviewing steps two (会签, 传阅: three, several people are involved);
  承办 ten working days (two calendar weeks), 拟稿 five.

归档 is 30 working days whatever the urgency: filing follows 办结 and is checked at month end, not chased.
回执 (every recipient of a 发文 acknowledges it): 5 working days after 分发 平急 (2 加急, 1 特急); the office
chases what is missing.

Per 文种 (the reasons these differ from the pattern):

* 收文 **请示** — a lower organ is waiting for our 批复: 承办 7 working days 平急 (3 加急, 1 特急) and the
  答复 itself two days after 承办.  收文 **函** asking a question: 答复 within 5 working days 平急.
* 收文 **公报, 公告, 通告, 纪要** — mostly 阅知件 (read, not acted on): 承办 (reading and passing on)
  5 days 平急.
* 发文 **决议, 决定, 意见, 议案, 命令(令)** — policy or normative texts: 拟稿 15 working days 平急 (5 加急,
  1 特急) and 会签 5 days, since other departments must agree.
* 发文 **纪要** — minutes are written while the meeting is fresh: 拟稿 3 days 平急.
* 发文 **批复** — answers a 请示 received: 拟稿 3 days 平急, so that 承办 + 拟稿 fits the 7-day 请示 limit.

A table is refused (:class:`TimeLimitError`, Chinese messages) when a step, 文种 or 紧急程度 is unknown, a
limit is not a whole number of days between 0 and :data:`MAX_DAYS`, or a more urgent level would get a
longer limit than a less urgent one for the same 文种 and step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from types import MappingProxyType

from .docnumber import ChoiceEnum, DocumentKind, Urgency

__all__ = [
    "DEFAULT_TABLE",
    "MAX_DAYS",
    "IncomingStep",
    "OutgoingStep",
    "TimeLimitError",
    "TimeLimitTable",
    "step_from_label",
    "time_limit",
]

MAX_DAYS = 60


class IncomingStep(ChoiceEnum):
    """收文 steps (条例 第二十四条), in order.  催办 is not a step: it is what happens when a limit runs out."""

    SIGN = "in_sign", "签收"
    REGISTER = "in_register", "登记"
    REVIEW = "in_review", "初审"
    PROPOSE = "in_propose", "拟办"
    INSTRUCT = "in_instruct", "批办"
    HANDLE = "in_handle", "承办"
    CIRCULATE = "in_circulate", "传阅"
    REPLY = "in_reply", "答复"
    ARCHIVE = "in_archive", "归档"

    @classmethod
    def _title(cls) -> str:
        return "收文步骤"


class OutgoingStep(ChoiceEnum):
    """发文 steps (条例 第二十五条 and the 拟稿 → 签发 chain before it), in order."""

    DRAFT = "out_draft", "拟稿"
    CHECK = "out_check", "核稿"
    FIRST_READ = "out_first_read", "首读"
    COUNTERSIGN = "out_countersign", "会签"
    SIGN_OFF = "out_sign_off", "签发"
    RECHECK = "out_recheck", "复核"
    NUMBER = "out_number", "编号"
    PRINT = "out_print", "印制"
    DISTRIBUTE = "out_distribute", "分发"
    RECEIPT = "out_receipt", "回执"
    ARCHIVE = "out_archive", "归档"

    @classmethod
    def _title(cls) -> str:
        return "发文步骤"


Step = IncomingStep | OutgoingStep
_DIRECTIONS: dict[str, type[ChoiceEnum]] = {"收文": IncomingStep, "incoming": IncomingStep,
                                             "发文": OutgoingStep, "outgoing": OutgoingStep}
_BY_KIND_KEYS = ("按文种", "by_kind")
_URGENCIES = (Urgency.EXTRA_URGENT, Urgency.URGENT, Urgency.NORMAL)


class TimeLimitError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        self.message = "办理时限表有误：" + "；".join(self.problems) + "。"
        super().__init__(self.message)


def step_from_label(direction: str, label: str) -> Step:
    """``("收文", "承办")`` → :attr:`IncomingStep.HANDLE`; values (``in_handle``) are accepted too."""
    enum = _DIRECTIONS.get(direction)
    if enum is None:
        raise TimeLimitError([f"未知的方向“{direction}”，应为“收文”或“发文”"])
    try:
        return enum.from_label(label)
    except ValueError as e:
        raise TimeLimitError([str(e)])


# (文种 or None for every 文种, step) → {urgency: days}
Rows = Mapping[tuple[DocumentKind | None, Step], Mapping[Urgency, int]]


@dataclass(frozen=True)
class TimeLimitTable:
    """A validated table of limits.  Build it with :meth:`from_dict`; look limits up with :meth:`limit`."""

    rows: Rows = field(repr=False)

    def __post_init__(self) -> None:
        frozen = {key: MappingProxyType(dict(v)) for key, v in self.rows.items()}
        object.__setattr__(self, "rows", MappingProxyType(frozen))
        problems = []
        for step in (*IncomingStep, *OutgoingStep):
            missing = [u.label for u in _URGENCIES if u not in self.rows.get((None, step), {})]
            if missing:
                problems.append(f"缺少{_where(None, step)}的默认时限（{'、'.join(missing)}）")
        if problems:
            raise TimeLimitError(problems)
        for kind in (None, *DocumentKind):
            for step in (*IncomingStep, *OutgoingStep):
                days = [self.limit(kind, u, step) for u in _URGENCIES]
                for (u1, d1), (u2, d2) in pairwise(zip(_URGENCIES, days, strict=True)):
                    if d1 > d2:
                        problems.append(f"{_where(kind, step)}：{u1.label}时限（{d1}天）不能长于{u2.label}（{d2}天）")
        if problems:
            raise TimeLimitError(problems)

    def limit(self, kind: DocumentKind | None, urgency: Urgency, step: Step) -> int:
        """Working days allowed for ``step`` of a document of this 文种 and 紧急程度 (0 = same working day)."""
        urgency = Urgency.from_label(urgency)
        specific = self.rows.get((DocumentKind.from_label(kind), step), {}) if kind is not None else {}
        if urgency in specific:
            return specific[urgency]
        return self.rows[(None, step)][urgency]

    @classmethod
    def from_dict(cls, data: Mapping, base: TimeLimitTable | None = None, *, complete: bool = False) -> TimeLimitTable:
        """Build a table from a unit's settings, layered over ``base`` (the defaults unless given).

        Shape (keys in Chinese labels or enum values; a bare number stands for all three 紧急程度)::

            {"收文": {"承办": {"特急": 1, "加急": 3, "平急": 10}, "归档": 30},
             "发文": {"拟稿": {"平急": 5}},
             "按文种": {"请示": {"收文": {"承办": {"平急": 7}}}}}

        ``complete``: ``data`` is a whole table (as :meth:`to_dict` gives), not layered over anything.
        """
        if base is None:
            base = DEFAULT_TABLE
        rows: dict[tuple[DocumentKind | None, Step], dict[Urgency, int]] = (
            {} if complete else {k: dict(v) for k, v in base.rows.items()})
        problems: list[str] = []
        if not isinstance(data, Mapping):
            raise TimeLimitError(["时限表应为字典"])
        for top, section in data.items():
            if top in _BY_KIND_KEYS:
                if not isinstance(section, Mapping):
                    problems.append("“按文种”下应为字典")
                    continue
                for kind_key, by_direction in section.items():
                    try:
                        kind = DocumentKind.from_label(kind_key)
                    except ValueError as e:
                        problems.append(str(e))
                        continue
                    if not isinstance(by_direction, Mapping):
                        problems.append(f"“{kind.label}”下应为字典")
                        continue
                    for direction, steps in by_direction.items():
                        _merge_steps(rows, kind, direction, steps, problems)
            else:
                _merge_steps(rows, None, top, section, problems)
        if problems:
            raise TimeLimitError(problems)
        return cls(rows)

    def to_dict(self) -> dict:
        """The whole table in the :meth:`from_dict` shape, with Chinese labels (JSON-serialisable)."""
        out: dict = {"收文": {}, "发文": {}, "按文种": {}}
        for (kind, step), limits in self.rows.items():
            direction = "收文" if isinstance(step, IncomingStep) else "发文"
            target = out if kind is None else out["按文种"].setdefault(kind.label, {})
            target.setdefault(direction, {})[step.label] = {u.label: limits[u] for u in _URGENCIES if u in limits}
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TimeLimitTable):
            return NotImplemented
        return {k: dict(v) for k, v in self.rows.items()} == {k: dict(v) for k, v in other.rows.items()}

    __hash__ = None  # type: ignore[assignment]


def _where(kind: DocumentKind | None, step: Step) -> str:
    direction = "收文" if isinstance(step, IncomingStep) else "发文"
    return f"{kind.label if kind else '各文种'}·{direction}·{step.label}"


def _merge_steps(rows: dict, kind: DocumentKind | None, direction: str, steps, problems: list[str]) -> None:
    if direction not in _DIRECTIONS:
        problems.append(f"未知的方向“{direction}”，应为“收文”“发文”或“按文种”")
        return
    if not isinstance(steps, Mapping):
        problems.append(f"“{direction}”下应为“步骤: 时限”的字典")
        return
    for step_key, limits in steps.items():
        try:
            step = step_from_label(direction, step_key)
        except TimeLimitError as e:
            problems.extend(e.problems)
            continue
        if not isinstance(limits, Mapping):
            limits = dict.fromkeys(_URGENCIES, limits)
        target = rows.setdefault((kind, step), {})
        for urgency_key, days in limits.items():
            try:
                urgency = Urgency.from_label(urgency_key)
            except ValueError as e:
                problems.append(str(e))
                continue
            if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DAYS:
                problems.append(f"{_where(kind, step)}·{urgency.label}：时限须为0到{MAX_DAYS}之间的整数（工作日），"
                                f"不能是“{days}”")
                continue
            target[urgency] = days


def _defaults() -> TimeLimitTable:
    def u(extra_urgent: int, urgent: int, normal: int) -> dict[Urgency, int]:
        return {Urgency.EXTRA_URGENT: extra_urgent, Urgency.URGENT: urgent, Urgency.NORMAL: normal}

    i, o, k = IncomingStep, OutgoingStep, DocumentKind
    rows: dict = {
        (None, i.SIGN): u(0, 0, 1),
        (None, i.REGISTER): u(0, 0, 1),
        (None, i.REVIEW): u(0, 1, 2),
        (None, i.PROPOSE): u(0, 1, 2),
        (None, i.INSTRUCT): u(0, 1, 2),
        (None, i.HANDLE): u(1, 3, 10),
        (None, i.CIRCULATE): u(0, 1, 3),
        (None, i.REPLY): u(1, 2, 5),
        (None, i.ARCHIVE): u(30, 30, 30),
        (None, o.DRAFT): u(1, 2, 5),
        (None, o.CHECK): u(0, 1, 2),
        (None, o.FIRST_READ): u(0, 1, 2),
        (None, o.COUNTERSIGN): u(0, 1, 3),
        (None, o.SIGN_OFF): u(0, 1, 2),
        (None, o.RECHECK): u(0, 0, 1),
        (None, o.NUMBER): u(0, 0, 1),
        (None, o.PRINT): u(0, 1, 2),
        (None, o.DISTRIBUTE): u(0, 0, 1),
        (None, o.RECEIPT): u(1, 2, 5),
        (None, o.ARCHIVE): u(30, 30, 30),
        (k.REQUEST, i.HANDLE): u(1, 3, 7),
        (k.REQUEST, i.REPLY): u(0, 1, 2),
        (k.LETTER, i.REPLY): u(1, 2, 5),
        (k.MINUTES, o.DRAFT): u(1, 2, 3),
        (k.REPLY, o.DRAFT): u(0, 1, 3),
    }
    for kind in (k.COMMUNIQUE, k.ANNOUNCEMENT, k.PUBLIC_NOTICE, k.MINUTES):
        rows[(kind, i.HANDLE)] = u(1, 2, 5)
    for kind in (k.RESOLUTION, k.DECISION, k.OPINION, k.MOTION, k.ORDER):
        rows[(kind, o.DRAFT)] = u(1, 5, 15)
        rows[(kind, o.COUNTERSIGN)] = u(1, 2, 5)
    return TimeLimitTable(rows)


DEFAULT_TABLE = _defaults()


def time_limit(kind: DocumentKind | None, urgency: Urgency, step: Step, table: TimeLimitTable | None = None) -> int:
    """Working days allowed for ``step`` (0 = same working day); ``table`` defaults to :data:`DEFAULT_TABLE`."""
    return (table or DEFAULT_TABLE).limit(kind, urgency, step)
