"""Pure rules of 安全保密 (no Django): 保密期限 limits, marking text, and the cross-use rule for removable media."""

from __future__ import annotations

# 《保守国家秘密法》: unless stated otherwise 绝密 ≤ 30 years, 机密 ≤ 20 years, 秘密 ≤ 10 years.
MAX_PERIOD_YEARS = {"top_secret": 30, "secret": 20, "confidential": 10}
LEVEL_LABELS = {"top_secret": "绝密", "secret": "机密", "confidential": "秘密"}


def period_problem(level: str, years: int | None) -> str | None:
    """Why ``years`` is not a valid 保密期限 for ``level`` (None = 长期 is not allowed here), or None."""
    if level not in MAX_PERIOD_YEARS:
        return "请选择密级。"
    if years is None or years < 1:
        return "保密期限须为 1 年以上的整数年。"
    limit = MAX_PERIOD_YEARS[level]
    if years > limit:
        return f"{LEVEL_LABELS[level]}级保密期限不得超过 {limit} 年。"
    return None


def marking(level: str, years: int) -> str:
    """The marking as printed: ``机密★10年``."""
    return f"{LEVEL_LABELS[level]}★{years}年"


def cross_use_problem(medium_use: str, network: str) -> str | None:
    """一(七)4: a medium registered for the internal (涉密) network must never be used on an external one, and an
    external medium never on the internal network (交叉使用)."""
    if medium_use == "internal" and network == "external":
        return "该介质登记为内网（涉密）专用，不得在外网或非涉密计算机上使用（一(七)4）。"
    if medium_use == "external" and network == "internal":
        return "该介质登记为外网（非涉密）使用，不得接入内网或涉密计算机（一(七)4）。"
    return None
