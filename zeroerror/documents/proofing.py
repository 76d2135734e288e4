"""The seam between 核稿 and the 校对 service (:mod:`zeroerror.proofread.service`).

A draft cannot pass 核稿 while this returns anything, unless the reviewer overrides with a reason, which the 核稿
action records with the findings (the service's second kind of recorded override). The unit's sensitive terms apply.
"""

from __future__ import annotations

from zeroerror.proofread import service


def unresolved_proofreading_errors(text: str) -> list:
    """Findings of severity "error" in ``text`` (warnings and hints do not block 核稿)."""
    return [f for f in service.check(text, profile="document") if f.severity == "error"]


MIN_OVERRIDE_REASON = 6
STOCK_REASONS = frozenset({"已核对", "核对无误", "已核", "无误", "同意", "确认", "已确认", "没问题", "无问题", "可以", "放行",
                           "同意放行", "已阅", "ok", "OK", "好", "是", "已检查", "检查无误"})


def override_reason_problem(reason: str) -> str | None:
    """Why a 核稿 override reason is not a reason, or None. It must say why the findings are kept (e.g. "引用原文，保留
    原序号"): at least six characters and not a stock phrase such as “已核对”."""
    text = "".join(ch for ch in (reason or "") if ch.isalnum())
    if not text:
        return "请填写放行理由"
    if text in STOCK_REASONS or len(text) < MIN_OVERRIDE_REASON:
        return (f"放行理由须说明为何保留校对发现的差错（至少{MIN_OVERRIDE_REASON}个字，如“引用原文，保留原序号”），"
                f"不能只写“{reason.strip()}”")
    return None
