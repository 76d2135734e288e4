"""Demo step: a year of 差错考核 in the demo unit (青川县人民医院) that exercises every rule of part 二.

The story, month by month (2026): performance pay is imported; errors are confirmed and each month is closed by
绩效办 after its errors are posted —

* 郑晓 (staff): 一般差错 in January (50 + 提醒谈话), March (100 + 书面检查), June (20% of June's pay + no 先进评比);
* 许强 (staff): 严重差错 in February (100 + 书面检查, 李文华 as 分管领导 gets 院长's verbal reminder) and in July,
  marked 情节特别严重 (300 + 停职整改 + 院纪委; 李文华 300 + 提醒约谈); in October his appeal against the February
  error is upheld, and the closed months are corrected by adjusting entries in October;
* 何静: an error 待院长办公会议研究界定 in March, decided 一般 by the meeting in April (posted as an adjustment, March
  being closed);
* 刘洋 (办公室主任): 一般差错 in May (100, director tier); 吴涛 (副主任, staff tier by default) in August (50);
* 高婷: three 一般差错, the third in September while her pay from June on is missing: the 20% is pending;
* a rejected 举报, a report awaiting verification, and a lead the system proposed from an overdue tracked item;
* the office's internal inspection of 公文处理 in November, completed with two failed items (two leads awaiting
  verification).
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from zeroerror.core.demo import register_demo_step
from zeroerror.errors import actions
from zeroerror.errors.ledger import do_close_month
from zeroerror.errors.models import Appeal, Lead
from zeroerror.errors.payroll import PayResult, do_import_pay
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.rulebook.models import load_catalogue
from zeroerror.tracking.actions import create_tracked_item, run_tick

YEAR = 2026
TZ = ZoneInfo("Asia/Shanghai")

# (channel, clause, person, occurred, description, severity or None (left open) or "reject", confirmed_on,
#  especially_serious)
EVENTS = [
    ("inspection", "一(一)4", "zhengxiao", date(2026, 1, 12),
     "《关于开展冬春季安全检查的通知》超过运转时限两个工作日才送达各科室。", "general", date(2026, 1, 20), False),
    ("leader_criticism", "一(二)11", "xuqiang", date(2026, 2, 9),
     "院周会会议记录漏记分管领导布置的两项工作，被院长当场批评。", "serious", date(2026, 2, 16), False),
    ("inspection", "一(一)4", "zhengxiao", date(2026, 3, 3),
     "转发上级文件未在规定时限内完成拟办。", "general", date(2026, 3, 10), False),
    ("widely_known", "一(四)3", "hejing", date(2026, 3, 18),
     "院务公开栏更新滞后，职工群中广泛议论。", "undetermined", date(2026, 3, 25), False),
    ("report", "一(六)4", "fengli", date(2026, 4, 2),
     "用印登记簿有一次用印未登记事由。", "reject", None, False),
    ("inspection", "一(二)3", "liuyang", date(2026, 5, 6),
     "院务会通知未写明会议地点，部分参会人员走错会场。", "general", date(2026, 5, 12), False),
    ("inspection", "一(一)8", "zhengxiao", date(2026, 6, 8),
     "《关于做好防汛工作的通知》漏发护理部。", "general", date(2026, 6, 15), False),
    ("inspection", "一(二)8", "gaoting", date(2026, 6, 10),
     "职代会材料第 3 页页码错误。", "general", date(2026, 6, 20), False),
    ("leader_criticism", "一(一)2", "xuqiang", date(2026, 7, 1),
     "上报市卫健委的请示文号错误且未经首读即印发，被市卫健委退文并通报。", "serious", date(2026, 7, 8), True),
    ("inspection", "一(二)5", "gaoting", date(2026, 8, 3),
     "中层干部会投影仪故障，会议推迟 20 分钟。", "general", date(2026, 8, 5), False),
    ("inspection", "一(二)9", "wutao", date(2026, 8, 12),
     "会标“专项整治”误为“专项正治”。", "general", date(2026, 8, 18), False),
    ("inspection", "一(二)4", "gaoting", date(2026, 9, 15),
     "院长办公会会场桌签摆放不齐。", "general", date(2026, 9, 22), False),
    ("report", "一(八)1", "xuqiang", date(2026, 11, 20),
     "会议室会后未及时整理，桌面遗留资料。", None, None, False),
]
CLOSE_MONTHS = [f"{YEAR}-{m:02d}" for m in range(1, 10)]
PAY = {"zhengxiao": 4200, "xuqiang": 3900, "hejing": 4000, "liuyang": 6800, "wutao": 5600, "gaoting": 3800,
       "liwenhua": 8800}


def _pay_rows(people) -> PayResult:
    result = PayResult()
    number = 2
    for username, amount in PAY.items():
        for month in range(1, 11):
            if username == "gaoting" and month >= 6:
                continue  # not handed in yet: her 20% stays pending
            result.rows.append((number, people[username], f"{YEAR}-{month:02d}", Decimal(amount)))
            number += 1
    return result


@register_demo_step(50, "差错考核")
def build_errors(say) -> None:
    load_catalogue("v1")
    if Lead.objects.exists():
        say("差错线索已存在，跳过。")
        return
    people = {p.user.username: p for p in Person.objects.select_related("user", "department")}
    needed = {"songjia", "hanxue", "gaoting", "liuyang", "wangjianguo", *PAY, *(e[2] for e in EVENTS)}
    verifier = Person.objects.with_role(Role.PERFORMANCE_HEAD).first()
    if verifier is None or not needed <= set(people):
        say("演示人员不全，跳过差错考核演示数据。")
        return
    users = get_user_model()
    perf = verifier.user
    do_import_pay(_pay_rows(people), unit=verifier.unit, actor=perf)

    leads = {}
    closed = set()

    def close_before(month: str) -> None:
        """绩效办 closes every month before ``month`` once its errors are posted."""
        for m in CLOSE_MONTHS:
            if m < month and m not in closed:
                do_close_month(m, confirm_pending=True, actor=perf)
                closed.add(m)

    for channel, clause, username, occurred, description, outcome, confirmed_on, especially in EVENTS:
        close_before(f"{occurred:%Y-%m}")
        if occurred.month == 4 and ("hejing", date(2026, 3, 18)) in leads:
            # the president's office meeting of 8 April decides the March error: March is closed, so the
            # deduction is posted in April as an adjustment
            actions.do_decide_severity(leads[("hejing", date(2026, 3, 18))], severity="general",
                                       meeting_date=date(2026, 4, 8),
                                       decision="院长办公会议研究认为：影响限于院内，界定为一般差错。", actor=perf)
        # 韩雪 (绩效办) registers, 宋佳 verifies: whoever registered a lead may not verify it
        reporter = users.objects.get(username="gaoting" if channel == "report" else "hanxue")
        lead = actions.do_report_lead(channel=channel, clause_id=clause, person=people[username],
                                      occurred_on=occurred, description=description, actor=reporter)
        leads[(username, occurred)] = lead
        if outcome == "reject":
            actions.do_reject_lead(lead, reasons="经核查，用印事由已在用印审批单中载明，不构成差错。", actor=perf)
        elif outcome:
            actions.do_confirm_lead(lead, severity=outcome, especially_serious=especially, note="经核查属实。",
                                    confirmed_on=confirmed_on, actor=perf)
    close_before(f"{YEAR}-10")

    # October: 许强's appeal against the February error is upheld; the closed months are adjusted in October.
    february = leads[("xuqiang", date(2026, 2, 9))]
    appeal = actions.do_file_appeal(
        february, reasons="会议记录由综合科另一同志负责，本人当日请假，有请假单为证。", actor=people["xuqiang"].user)
    actions.do_decide_appeal(appeal, upheld=True, reasons="经核实请假属实，该差错不应由本人承担。", actor=perf)
    Appeal.objects.filter(pk=appeal.pk).update(
        filed_at=datetime.combine(date(2026, 10, 12), time(10), tzinfo=TZ),
        decided_at=datetime.combine(date(2026, 10, 15), time(16), tzinfo=TZ),
    )

    # A lead the system proposes: an overdue 督办事项 naming its clause.
    director = people["liuyang"]
    from django.db import transaction

    with transaction.atomic():
        create_tracked_item(title="上报第三季度公文运转情况统计", owner=people["zhengxiao"],
                            due_at=datetime.combine(date(2026, 11, 20), time(17), tzinfo=TZ), area="documents",
                            clause_id="一(一)4", actor=director.user)
    run_tick()

    # November: the office's internal inspection of 公文处理 (二.1 channel (4)); two items fail and become leads.
    inspection = actions.do_start_inspection("2026年11月办公室内部检查", date(2026, 11, 18), ["documents"], actor=perf)
    failures = {
        "一(一)3": ("zhengxiao", "机要文件交接未履行签收手续，交接登记簿缺 11 月 10 日一笔。"),
        "一(一)7": ("gaoting", "《关于开展医疗质量月活动的通知》印制份数与分发范围不符，多印 20 份未登记销毁。"),
    }
    for item in inspection.items.with_related():
        if item.clause.code in failures:
            username, finding = failures[item.clause.code]
            actions.do_record_inspection_item(item, "fail", finding, people[username], None, actor=perf)
        else:
            actions.do_record_inspection_item(item, "pass", "", None, None, actor=perf)
    actions.do_complete_inspection(inspection, actor=perf)
    say(f"差错线索 {Lead.objects.count()} 条：一年的查实差错（一般、严重、情节特别严重、待会议界定），"
        "申诉成立后的跨月调整、绩效缺失待定、不予认定、待核查和系统提出的线索，11 月内部检查发现的两条线索；1–9 月已关账。")
