"""Demo step: a handful of realistic leads and errors in the demo unit (青川县人民医院)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model

from zeroerror.core.demo import register_demo_step
from zeroerror.errors import actions
from zeroerror.errors.models import Lead
from zeroerror.org.models import Person
from zeroerror.rulebook.models import load_catalogue

# reporter, channel, clause, person, occurred_on, description, outcome (severity | "reject" | None), confirmed_on
LEADS = [
    ("liuyang", "inspection", "一(一)4", "zhengxiao", date(2026, 1, 12), "《关于开展冬春季安全检查的通知》超过运转时限两个工作日才送达各科室。", "general", date(2026, 1, 20)),
    ("liuyang", "leader_criticism", "一(二)7", "xuqiang", date(2026, 2, 9), "院周会会议纪要漏记分管领导布置的两项工作，被院长当场批评。", "serious", date(2026, 2, 16)),
    ("liuyang", "inspection", "一(一)4", "zhengxiao", date(2026, 3, 3), "转发上级文件未在规定时限内完成拟办。", "general", date(2026, 3, 10)),
    ("liuyang", "widely_known", "一(四)2", "hejing", date(2026, 3, 18), "院务公开栏更新滞后，职工群中广泛议论。", "undetermined", date(2026, 3, 25)),
    ("gaoting", "report", "一(六)3", "fengli", date(2026, 4, 2), "用印登记簿有一次用印未登记事由。", "reject", None),
    ("gaoting", "report", "一(八)1", "xuqiang", date(2026, 4, 20), "会议室会后未及时整理，桌面遗留资料。", None, None),
]


@register_demo_step(50, "差错考核")
def build_errors(say) -> None:
    load_catalogue("v1")
    if Lead.objects.exists():
        say("差错线索已存在，跳过。")
        return
    people = {p.user.username: p for p in Person.objects.select_related("user", "department")}
    verifier = Person.objects.with_role("performance_head").first()
    if verifier is None or any(u not in people for row in LEADS for u in (row[0], row[3])):
        say("演示人员不全，跳过差错考核演示数据。")
        return
    users = get_user_model()
    for reporter, channel, clause, person, occurred_on, description, outcome, confirmed_on in LEADS:
        if channel != "report":
            reporter = verifier.user.username
        lead = actions.do_report_lead(channel=channel, clause_id=clause, person=people[person],
                                      occurred_on=occurred_on, description=description,
                                      actor=users.objects.get(username=reporter))
        if outcome == "reject":
            actions.do_reject_lead(lead, reasons="经核查，用印事由已在审批单中载明，不构成差错。", actor=verifier.user)
        elif outcome:
            actions.do_confirm_lead(lead, severity=outcome, note="经核查属实。", confirmed_on=confirmed_on,
                                    actor=verifier.user)
    say(f"差错线索 {len(LEADS)} 条（含查实、不予认定、待院长办公会议界定和待核查）。")
