"""Demo data for 安全保密 一(七)6: three 防火防盗 checklists (the office building every working day, the 机要室 and
档案室 every working day, the outpatient building every week) and their rounds over the last twelve months — nearly
all done on time by a named checker, a few made up late, a few missed (each a tracked item), and a handful of hazards
found (each a lead against the 责任人 and a tracked fix).

The checklists, the hazards and the missed rounds go through the actions; the year of ordinary rounds is written in
bulk with the fields ``do_record_safety_check`` writes (a year of per-round audit records would only slow the demo
down), as the 环境 demo does. Today's rounds come from the real tick task."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from zeroerror.core.demo import register_demo_step
from zeroerror.errors.models import Lead
from zeroerror.org.models import Person, Unit
from zeroerror.secrecy import actions
from zeroerror.secrecy.actions.safety import period_of
from zeroerror.secrecy.models import DEFAULT_ITEMS, Frequency, SafetyChecklist, SafetyRound, SafetyRoundStatus

UNIT_NAME = "青川县人民医院"
CHECKLISTS = [  # name, location, frequency, owner, checkers, items
    ("行政楼下班前检查", "行政楼一至四层办公室、会议室", Frequency.DAILY, "zhoumin", ("gaoting", "xuqiang"),
     DEFAULT_ITEMS),
    ("机要室、档案室检查", "行政楼二层机要室、档案室", Frequency.DAILY, "liuyang", ("fengli", "hejing"),
     ["门窗、防盗门已锁闭", "保密柜、保险柜已上锁", "切断非必要电源", "灭火器在位、压力正常", "无易燃物堆放"]),
    ("门诊楼消防安全周检", "门诊楼各层公共区域、配电室", Frequency.WEEKLY, "chenzhiqiang", ("pengfei", "luoqi"),
     ["消防栓、灭火器完好", "安全出口指示灯正常", "疏散通道畅通", "配电室无杂物、门已锁", "监控、报警设备正常"]),
]
HAZARDS = ["灭火器压力不足，已报后勤更换", "二楼东侧安全出口堆放纸箱", "配电室门锁损坏", "茶水间电热水壶未断电",
           "档案室窗户插销松动"]


def _answers(checklist: SafetyChecklist, hazard: str | None) -> list[tuple[str, bool, str]]:
    items = list(checklist.items)
    return [(item, not (hazard and i == len(items) // 2), hazard if hazard and i == len(items) // 2 else "")
            for i, item in enumerate(items)]


@register_demo_step(82, "防火防盗检查")
def build_safety(say) -> None:
    unit = Unit.objects.filter(name=UNIT_NAME).first()
    if unit is None:
        say("演示单位尚未建立，跳过防火防盗检查。")
        return
    if SafetyChecklist.objects.of_unit(unit).exists():
        say("防火防盗检查演示数据已存在，跳过。")
        return
    people = {p.user.username: p for p in Person.objects.active().filter(unit=unit).select_related("user")}
    office = people["hejing"].user
    checklists = [actions.do_create_checklist(name=name, location=location, items=items, frequency=frequency,
                                              owner=people[owner], checkers=[people[c] for c in checkers],
                                              actor=office)
                  for name, location, frequency, owner, checkers, items in CHECKLISTS]
    rng = random.Random(17)
    today, now = timezone.localdate(), timezone.now()
    rounds: list[SafetyRound] = []
    for checklist in checklists:
        checkers = list(checklist.checkers.order_by("pk"))
        seen = set()
        for days_ago in range(364, 0, -1):
            period = period_of(checklist.frequency, today - timedelta(days=days_ago))
            if period is None or period[0] in seen or period[1] >= now:
                continue
            seen.add(period[0])
            r = SafetyRound(checklist=checklist, starts_at=period[0], due_at=period[1], created_at=period[0])
            roll = rng.random()
            if roll >= 0.01:  # the rest stay pending and are missed through the tick below
                late = roll < 0.03
                done_at = (period[1] + timedelta(hours=14) if late
                           else period[0] + timedelta(minutes=rng.randint(10, 100)))
                r.status, r.done_by, r.late, r.done_at = SafetyRoundStatus.DONE, rng.choice(checkers), late, done_at
                r.ticked_at = done_at + timedelta(minutes=rng.randint(0, 5))
                r.results = [{"item": item, "ok": True, "note": ""} for item in checklist.items]
            rounds.append(r)
    SafetyRound.objects.bulk_create(rounds, batch_size=500)
    # a handful of ordinary rounds turned into hazard findings, through the real write path
    hazard_rounds = rng.sample([r for r in rounds if r.status == SafetyRoundStatus.DONE and not r.late], len(HAZARDS))
    SafetyRound.objects.filter(pk__in=[r.pk for r in hazard_rounds]).update(
        status=SafetyRoundStatus.PENDING, done_by=None, done_at=None, ticked_at=None, results=[])
    for r, hazard in zip(hazard_rounds, HAZARDS, strict=True):
        r.refresh_from_db()
        checker = r.checklist.checkers.order_by("pk").first()
        actions.do_record_safety_check(r, done_at=r.starts_at + timedelta(minutes=40),
                                       results=_answers(r.checklist, hazard), actor=checker.user)
    missed = actions.mark_missed_safety_rounds(now)
    made_up = 0
    for r in list(SafetyRound.objects.filter(checklist__unit=unit, status=SafetyRoundStatus.MISSED)
                  .select_related("checklist").order_by("starts_at"))[:-1]:
        checker = r.checklist.checkers.order_by("pk").first()
        actions.do_record_safety_check(r, done_at=min(r.due_at + timedelta(hours=15), now - timedelta(minutes=5)),
                                       results=_answers(r.checklist, None), actor=checker.user)
        made_up += 1
    summary = actions.run_safety_tick(now)
    leads = Lead.objects.filter(clause__code="一(七)6").count()
    say(f"防火防盗检查：检查表 {len(checklists)} 张，一年检查 {len(rounds)} 次，发现隐患 {len(HAZARDS)} 处（差错线索 "
        f"{leads} 条），未按时 {missed} 次（已补查 {made_up} 次）；今日：{summary or '无新检查'}。")
