"""Which tier (档次) of part 二 a person's error is priced at, and why — in words for the ledger's 档次 column.

The regulation sets two tiers: 一般工作人员 and 办公室主任 (the policy decides whether a 副主任 counts as 主任). Everyone
else — a 副院长, a 科室负责人 of another department — is priced at the 一般工作人员 tier; the column says so and why,
instead of calling a 副院长 "一般工作人员".

Pure Python: role codes are the strings of ``zeroerror.org.roles.Role``.
"""

from __future__ import annotations

from zeroerror.penalties.policy import TIER_LABELS

LEADER_ROLES = {"principal_leader": "院长", "leader_in_charge": "分管领导"}


def tier_of(roles: frozenset[str] | set[str], deputy_director_tier: str = "staff") -> str:
    if "office_director" in roles:
        return "director"
    if "office_deputy_director" in roles:
        return deputy_director_tier
    return "staff"


def tier_reason(roles: frozenset[str] | set[str], *, office: bool, deputy_director_tier: str = "staff") -> str:
    """Why the person's error is priced at :func:`tier_of`'s tier (their roles on the confirmation date)."""
    tier = tier_of(roles, deputy_director_tier)
    label = TIER_LABELS[tier]
    if "office_director" in roles:
        return "任办公室主任"
    if "office_deputy_director" in roles:
        return f"办公室副主任，按单位政策计入{label}档"
    only_two = f"规定只分一般工作人员和办公室主任两档，按{label}档计"
    for code, name in LEADER_ROLES.items():
        if code in roles:
            return f"{name}本人的差错：{only_two}"
    if "department_head" in roles:
        where = "办公室负责人但未任办公室主任" if office else "其他科室的科室负责人"
        return f"{where}：{only_two}"
    return "一般工作人员"


def tier_text(tier: str, reason: str) -> str:
    """The 档次 column: "一般工作人员档（院长本人的差错：…）"; a plain staff member's is just the tier."""
    label = f"{TIER_LABELS.get(tier, tier)}档"
    return label if reason in ("", TIER_LABELS.get(tier)) else f"{label}（{reason}）"
