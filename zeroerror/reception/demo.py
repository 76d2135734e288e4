"""Demo data for 政务接待: the hospital's reception standards and a year of receptions — about forty past visits
(registered, planned or arranged, billed, archived) and the coming fortnight's visits at every stage: a 客情 just
assigned, a plan being drafted, one waiting for the leader, one approved with a route change."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.core.demo import register_demo_step
from zeroerror.org.demo import UNIT_NAME
from zeroerror.org.models import Person, Unit
from zeroerror.reception import plan_templates
from zeroerror.reception.actions import (
    do_approve_plan,
    do_arrange_report,
    do_draft_plan,
    do_record_bill,
    do_record_site_check,
    do_register_report,
    do_request_route_change,
    do_set_standard,
    do_submit_plan,
    do_update_plan,
    do_update_slot,
)
from zeroerror.reception.models import (
    Bill,
    EtiquetteItem,
    GuestReport,
    PlanStatus,
    ReceptionPlan,
    ReceptionStandard,
    ReportStatus,
    SiteCheck,
    Slot,
)

STANDARDS = [
    {"level": "省部级", "order": 10, "meal_per_person": Decimal("120"), "room_per_night": Decimal("600")},
    {"level": "厅局级", "order": 20, "meal_per_person": Decimal("100"), "room_per_night": Decimal("450")},
    {"level": "县处级及以下", "order": 30, "meal_per_person": Decimal("80"), "room_per_night": Decimal("350")},
]
GUESTS = [
    ("市卫生健康委员会", "张处长（医政医管处处长）", "调研县域医共体建设"),
    ("省卫生健康委员会", "陈副主任", "督导公立医院高质量发展"),
    ("市医疗保障局", "刘局长", "检查医保基金使用"),
    ("邻县人民医院", "赵院长", "学习交流胸痛中心建设"),
    ("市疾病预防控制中心", "孙主任", "检查传染病防控工作"),
    ("省人民医院", "周教授（对口支援专家组组长）", "对口支援工作座谈"),
    ("县人大常委会", "吴副主任", "视察医院基础设施建设"),
    ("市中医医院", "郑院长", "中医适宜技术推广交流"),
    ("市审计局", "王科长", "经济责任审计进点"),
    ("市纪委监委驻卫健委纪检组", "冯组长", "党风廉政建设专项检查"),
]
PLACES = ["行政楼三楼会议室", "门诊楼一楼大厅", "胸痛中心", "急诊科", "住院部七楼", "医院食堂二楼", "县医共体总院",
          "120调度中心"]


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@register_demo_step(75, "政务接待")
def build_reception(say) -> None:
    unit = Unit.objects.filter(name=UNIT_NAME).first()
    if unit is None:
        say("演示单位尚未建立，跳过政务接待。")
        return
    if ReceptionStandard.objects.of_unit(unit).exists():
        say("政务接待演示数据已存在，跳过。")
        return
    people = {p.user.username: p for p in Person.objects.active().filter(unit=unit).select_related("user")}
    standards = {s["level"]: do_set_standard(unit=unit, actor=people["liuyang"].user, **s) for s in STANDARDS}
    past = _past_year(unit, people, standards)
    coming = _coming(people, standards)
    say(f"接待标准 {len(standards)} 级；过去一年的接待 {past} 次（方案、查验、结算、归档）；近两周来访 {coming} 次。")


def _past_year(unit, people, standards) -> int:
    """About forty visits of the past year, as the actions leave them once done (bulk: the actions refuse the past)."""
    rnd = random.Random(2026)
    today = timezone.localdate()
    handlers = [people["linfang"], people["gaoting"], people["xuqiang"]]
    staff = [people[u] for u in ("linfang", "gaoting", "xuqiang", "zhoumin", "huanglei", "luofang")]
    leaders = [people["liwenhua"], people["wangjianguo"]]
    levels = list(standards.values())
    count, unbilled = 0, None
    with transaction.atomic():
        for week in range(2, 50, 1):
            if rnd.random() < 0.2:
                continue
            day = today - timedelta(days=week * 7 + rnd.randint(0, 4))
            guest_unit, lead, purpose = GUESTS[rnd.randrange(len(GUESTS))]
            standard = levels[rnd.randrange(3)]
            important = rnd.random() < 0.45
            handler = handlers[rnd.randrange(3)]
            guests = rnd.randint(2, 12)
            arrive = _at(day, rnd.choice((9, 10, 14)))
            report = GuestReport.objects.create(
                unit=unit, guest_unit=guest_unit, lead_guest=lead, guest_count=guests, purpose=purpose,
                arrive_at=arrive, depart_at=arrive + timedelta(hours=rnd.choice((3, 5, 7))),
                contact_name="联络员", contact_phone=f"0838-{rnd.randint(1000000, 9999999)}",
                letter_ref=f"{guest_unit[:2]}函〔{day.year}〕{rnd.randint(1, 99)}号", standard=standard,
                important=important, source=rnd.choice(("电话", "公函", "上级通知")),
                received_at=arrive - timedelta(days=rnd.randint(2, 7)), registered_by=people["zhoumin"],
                handler=handler, status=ReportStatus.ARCHIVED if important else ReportStatus.DONE,
                arrangement="" if important else "三楼会议室座谈，食堂工作餐",
                arranged_at=None if important else arrive - timedelta(days=1), done_at=arrive + timedelta(hours=8),
                archived_at=arrive + timedelta(days=2) if important else None,
                archived_by=handler if important else None)
            accompanying = min(3, guests)
            if important:
                _past_plan(report, handler, leaders[rnd.randrange(2)], staff, rnd, accompanying)
            if unbilled is None and not important:
                unbilled = report
                count += 1
                continue
            meal_total = (Decimal(rnd.choice((60, 70, 75, 80))) * (guests + accompanying)).quantize(Decimal("0.01"))
            Bill.objects.create(report=report, guests=guests, accompanying=accompanying, meals=1, meal_total=meal_total,
                                invoice_ref=f"No.{rnd.randint(10000000, 99999999)}", recorded_by=handler,
                                recorded_at=report.depart_at + timedelta(days=1))
            count += 1
    if unbilled is not None:  # an attempt above the standard: refused, and a proposed lead (一(三)7)
        bill = {"guests": unbilled.guest_count, "accompanying": 3, "meals": 1, "room_nights": 0,
                "room_total": Decimal("0"), "other_total": Decimal("0"), "invoice_ref": "No.20261188"}
        try:
            do_record_bill(unbilled, actor=unbilled.handler.user, meal_total=Decimal("150") * (unbilled.guest_count + 3),
                           **bill)
        except ValidationError:
            pass
        do_record_bill(unbilled, actor=unbilled.handler.user, meal_total=Decimal("75") * (unbilled.guest_count + 3),
                       **bill)
    return count


def _past_plan(report, handler, leader, staff, rnd, accompanying) -> None:
    spec = plan_templates.TEMPLATES[rnd.choice(list(plan_templates.TEMPLATES))]
    plan = ReceptionPlan.objects.create(
        report=report, template=spec.key, title=f"{report.guest_unit}{report.lead_guest}一行来访接待方案（{spec.label}）",
        presiding_leader=leader, accompanying=accompanying, meals=1, meal_per_person=report.standard.meal_per_person,
        meals_note="医院食堂二楼工作餐", budget=report.standard.meal_per_person * (report.guest_count + accompanying),
        status=PlanStatus.APPROVED, drafted_by=handler, drafted_at=report.received_at + timedelta(hours=2),
        submitted_at=report.received_at + timedelta(days=1), approved_by=leader,
        approved_at=report.received_at + timedelta(days=1, hours=3),
        etiquette_reported_at=report.arrive_at - timedelta(days=1), etiquette_reported_to=leader)
    for s in spec.slots:
        start = report.arrive_at + timedelta(minutes=s.offset_minutes)
        slot = Slot.objects.create(plan=plan, start_at=start, end_at=start + timedelta(minutes=s.minutes),
                                   activity=s.activity, place=PLACES[rnd.randrange(len(PLACES))], vehicle="川H·A0386",
                                   is_stop=s.is_stop)
        slot.people.set(rnd.sample(staff, 2))
        if s.is_stop:
            SiteCheck.objects.create(slot=slot, checked_by=handler, checked_at=report.arrive_at - timedelta(days=1),
                                     travel_minutes=rnd.randint(3, 25), notes="线路畅通，现场已布置",
                                     recorded_at=report.arrive_at - timedelta(days=1))
    EtiquetteItem.objects.bulk_create([
        EtiquetteItem(plan=plan, topic=topic, requirement=text, arranged=True, order=i * 10)
        for i, (topic, text) in enumerate(plan_templates.ETIQUETTE, start=1)])


def _coming(people, standards) -> int:
    """The coming fortnight, through the actions: each stage of the work."""
    def u(name):
        return people[name].user

    today = timezone.localdate()
    base = {"contact_name": "联络员", "contact_phone": "0838-3211234", "special_needs": "",
            "letter_ref": "市卫健函〔2026〕88号", "source": "公函"}
    # 1. just registered and assigned
    do_register_report(handler=people["linfang"], actor=u("zhoumin"), guest_unit="市医疗保障局", lead_guest="刘局长",
                       guest_count=5, purpose="检查医保基金使用", arrive_at=_at(today + timedelta(days=9), 9),
                       depart_at=_at(today + timedelta(days=9), 12), standard=standards["县处级及以下"], important=True,
                       **base)
    # 2. an ordinary visit, arranged
    r = do_register_report(handler=people["gaoting"], actor=u("gaoting"), guest_unit="邻县人民医院", lead_guest="赵院长",
                           guest_count=4, purpose="学习交流胸痛中心建设", arrive_at=_at(today + timedelta(days=3), 14),
                           depart_at=_at(today + timedelta(days=3), 17), standard=standards["县处级及以下"],
                           important=False, **base)
    do_arrange_report(r, "胸痛中心参观，行政楼三楼会议室座谈，不安排工作餐", actor=u("gaoting"))
    # 3. a plan being drafted (gaps shown)
    r = do_register_report(handler=people["xuqiang"], actor=u("zhoumin"), guest_unit="省人民医院",
                           lead_guest="周教授（对口支援专家组组长）", guest_count=6, purpose="对口支援工作座谈",
                           arrive_at=_at(today + timedelta(days=6), 9), depart_at=_at(today + timedelta(days=6), 16),
                           standard=standards["厅局级"], important=True, **base | {"special_needs": "一人素食"})
    do_draft_plan(r, "exchange", actor=u("xuqiang"))
    # 4. waiting for the leader, and 5. approved with a route change waiting for the presiding leader
    for days, leader_action in ((4, False), (2, True)):
        r = do_register_report(handler=people["linfang"], actor=u("zhoumin"), guest_unit="省卫生健康委员会",
                               lead_guest="陈副主任", guest_count=8, purpose="督导公立医院高质量发展",
                               arrive_at=_at(today + timedelta(days=days), 9),
                               depart_at=_at(today + timedelta(days=days), 15), standard=standards["厅局级"],
                               important=True, **base | {"special_needs": "着正装；一人清真饮食"})
        plan = do_draft_plan(r, "inspection", actor=u("linfang"))
        for i, s in enumerate(plan.slots.current()):
            do_update_slot(s, actor=u("linfang"), start_at=s.start_at, end_at=s.end_at, activity=s.activity,
                           place=PLACES[i], people=[people["linfang"], people["zhoumin"], people["liwenhua"]],
                           vehicle="川H·A0386", is_stop=s.is_stop)
            if s.is_stop:
                do_record_site_check(s, checked_by=people["linfang"], checked_at=timezone.now() - timedelta(hours=3),
                                     travel_minutes=8 + i, notes="线路畅通，停车位已预留", actor=u("linfang"))
        do_update_plan(plan, presiding_leader=people["liwenhua"], accompanying=3, room_nights=0,
                       meals_note="医院食堂二楼工作餐（一桌，清真一份）", actor=u("linfang"))
        do_submit_plan(plan, actor=u("linfang"))
        if leader_action:
            do_approve_plan(plan, actor=u("liwenhua"))
            slot = plan.slots.current().filter(is_stop=True).first()
            do_request_route_change(plan, "change", slot=slot, reason="原考察点当日有院感检查，改看急诊科",
                                    data={"start_at": slot.start_at, "end_at": slot.end_at, "activity": "参观急诊科",
                                          "place": "急诊科", "people": [people["linfang"], people["huanglei"]],
                                          "vehicle": "", "is_stop": True}, actor=u("linfang"))
    return 5

