"""Default and unit-configured time limits per 文种, 紧急程度 and step (clause 一(一)4)."""

import json

import pytest

from zeroerror.documents.docnumber import DocumentKind, Urgency
from zeroerror.documents.timelimits import (
    DEFAULT_TABLE,
    IncomingStep,
    OutgoingStep,
    TimeLimitError,
    TimeLimitTable,
    step_from_label,
    time_limit,
)

clause = pytest.mark.clause("一(一)4")
ALL_STEPS = [*IncomingStep, *OutgoingStep]


@clause
@pytest.mark.parametrize("step", ALL_STEPS, ids=lambda s: s.value)
@pytest.mark.parametrize("kind", [None, *DocumentKind], ids=lambda k: k.value if k else "any")
def test_every_step_has_a_limit_and_urgent_is_never_slower(kind, step):
    days = [time_limit(kind, u, step) for u in (Urgency.EXTRA_URGENT, Urgency.URGENT, Urgency.NORMAL)]
    assert all(isinstance(d, int) and 0 <= d <= 60 for d in days)
    assert days == sorted(days)


@clause
def test_defaults_follow_the_documented_pattern():
    # 特急: same or next working day for everything but filing
    for step in ALL_STEPS:
        if step not in (IncomingStep.ARCHIVE, OutgoingStep.ARCHIVE):
            assert time_limit(DocumentKind.NOTICE, Urgency.EXTRA_URGENT, step) <= 1, step
    assert time_limit(DocumentKind.NOTICE, Urgency.EXTRA_URGENT, IncomingStep.SIGN) == 0
    assert time_limit(DocumentKind.NOTICE, Urgency.URGENT, IncomingStep.HANDLE) == 3
    assert time_limit(DocumentKind.NOTICE, Urgency.NORMAL, IncomingStep.HANDLE) == 10
    # a 请示 is answered faster than an ordinary document is handled
    assert time_limit(DocumentKind.REQUEST, Urgency.NORMAL, IncomingStep.HANDLE) == 7
    assert time_limit(DocumentKind.REQUEST, Urgency.NORMAL, IncomingStep.REPLY) == 2
    # policy texts get more drafting time and a longer 会签
    assert time_limit(DocumentKind.DECISION, Urgency.NORMAL, OutgoingStep.DRAFT) == 15
    assert time_limit(DocumentKind.OPINION, Urgency.NORMAL, OutgoingStep.COUNTERSIGN) == 5
    # a kind without its own row falls back to the common default
    assert time_limit(DocumentKind.NOTICE, Urgency.NORMAL, OutgoingStep.DRAFT) == time_limit(
        None, Urgency.NORMAL, OutgoingStep.DRAFT) == 5
    # labels work as well as enum members
    assert time_limit("请示", "平急", IncomingStep.HANDLE) == 7


@clause
def test_a_unit_overrides_some_limits_and_keeps_the_rest():
    table = TimeLimitTable.from_dict({
        "收文": {"承办": {"平急": 8}, "归档": 20},
        "按文种": {"请示": {"收文": {"承办": {"平急": 5}}}, "纪要": {"发文": {"拟稿": 1}}},
    })
    assert table.limit(DocumentKind.NOTICE, Urgency.NORMAL, IncomingStep.HANDLE) == 8
    assert table.limit(DocumentKind.NOTICE, Urgency.URGENT, IncomingStep.HANDLE) == 3  # untouched
    assert table.limit(DocumentKind.REQUEST, Urgency.NORMAL, IncomingStep.HANDLE) == 5
    assert [table.limit(None, u, IncomingStep.ARCHIVE) for u in Urgency] == [20, 20, 20]
    assert [table.limit(DocumentKind.MINUTES, u, OutgoingStep.DRAFT) for u in Urgency] == [1, 1, 1]
    assert DEFAULT_TABLE.limit(DocumentKind.NOTICE, Urgency.NORMAL, IncomingStep.HANDLE) == 10  # defaults unchanged


def test_to_dict_round_trips_through_json():
    table = TimeLimitTable.from_dict({"发文": {"印制": {"平急": 4}}})
    data = json.loads(json.dumps(table.to_dict(), ensure_ascii=False))
    assert data["发文"]["印制"] == {"特急": 0, "加急": 1, "平急": 4}
    assert data["按文种"]["请示"]["收文"]["承办"]["平急"] == 7
    assert TimeLimitTable.from_dict(data, base=DEFAULT_TABLE) == table
    assert table != DEFAULT_TABLE


@clause
@pytest.mark.parametrize(
    ("data", "fault"),
    [
        ({"收文": {"盖章": {"平急": 1}}}, "不是有效的收文步骤"),
        ({"收件": {"承办": 3}}, "未知的方向“收件”"),
        ({"收文": {"承办": {"很急": 1}}}, "不是有效的紧急程度"),
        ({"收文": {"承办": {"平急": -1}}}, "时限须为0到60之间的整数"),
        ({"收文": {"承办": {"平急": 2.5}}}, "不能是“2.5”"),
        ({"收文": {"承办": {"平急": "三"}}}, "时限须为0到60之间的整数"),
        ({"收文": {"承办": {"平急": True}}}, "时限须为0到60之间的整数"),
        ({"按文种": {"报": {"收文": {"承办": 3}}}}, "不是有效的文种"),
        ({"收文": {"承办": {"特急": 5}}}, "各文种·收文·承办：特急时限（5天）不能长于加急（3天）"),
        ({"按文种": {"请示": {"收文": {"承办": {"加急": 9}}}}}, "请示·收文·承办：加急时限（9天）不能长于平急（7天）"),
        ([1, 2], "应为字典"),
    ],
)
def test_bad_tables_are_refused_with_chinese_messages(data, fault):
    with pytest.raises(TimeLimitError) as exc:
        TimeLimitTable.from_dict(data)
    assert fault in exc.value.message


def test_a_table_missing_defaults_is_refused():
    with pytest.raises(TimeLimitError, match="缺少各文种·收文·签收的默认时限"):
        TimeLimitTable({})


def test_step_labels():
    assert step_from_label("收文", "承办") is IncomingStep.HANDLE
    assert step_from_label("发文", "归档") is OutgoingStep.ARCHIVE
    assert step_from_label("收文", "归档") is IncomingStep.ARCHIVE
    assert step_from_label("outgoing", "out_first_read") is OutgoingStep.FIRST_READ
    assert [s.label for s in OutgoingStep][:6] == ["拟稿", "核稿", "首读", "会签", "签发", "复核"]
