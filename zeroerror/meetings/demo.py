"""Demo data for 会务工作: the hospital's rooms and a few meetings, one large with full attendance and its seating."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from zeroerror.core.demo import register_demo_step
from zeroerror.meetings.actions import (
    do_add_decision,
    do_approve_meeting,
    do_create_meeting,
    do_create_room,
    do_director_check_meeting,
    do_generate_seating,
    do_record_minutes,
    do_record_reply,
    do_send_notices,
    do_submit_meeting,
    do_tick_signin,
)
from zeroerror.meetings.models import Meeting, Reply, Room
from zeroerror.org.models import Person, Unit

UNIT_NAME = "青川县人民医院"
ROOMS = [
    {"name": "一楼大会议室", "location": "行政楼一楼", "capacity": 120, "is_large": True, "has_sound": True,
     "has_video": True, "has_recording": True, "has_projector": True, "hall_rows": 10, "hall_cols": 12},
    {"name": "三楼小会议室", "location": "行政楼三楼", "capacity": 20, "has_projector": True},
    {"name": "二楼会商室", "location": "门诊楼二楼", "capacity": 30, "has_sound": True, "has_video": True,
     "has_projector": True},
]


def _at(days: int, hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _next_monday() -> int:
    today = timezone.localdate()
    return 7 - today.weekday()


@register_demo_step(70, "会务工作")
def build_meetings(say) -> None:
    unit = Unit.objects.filter(name=UNIT_NAME).first()
    if unit is None:
        say("演示单位尚未建立，跳过会务工作。")
        return
    if Room.objects.of_unit(unit).filter(name=ROOMS[0]["name"]).exists():
        say("会务演示数据已存在，跳过。")
        return
    rooms = {spec["name"]: do_create_room(unit=unit, actor=None, **spec) for spec in ROOMS}
    people = {p.user.username: p for p in Person.objects.active().filter(unit=unit).select_related("user")}

    def user(name):
        return people[name].user

    # 1. The large meeting: every department's head and staff, principal heads asked → director, then principal.
    everyone = sorted(people.values(), key=lambda p: (p.rank, p.pk))
    leaders = [p for p in everyone if p.department.name == "院领导"]
    big = do_create_meeting(
        organiser=people["xuqiang"], title="2026年度安全生产暨党风廉政建设工作会议",
        purpose="总结上年度安全生产和党风廉政建设工作，部署本年度重点任务。",
        agenda="一、院长作工作报告\n二、分管院长部署安全生产工作\n三、纪委书记部署党风廉政建设工作\n四、签订目标责任书",
        start_at=_at(7, 9), end_at=_at(7, 11, 30), room=rooms["一楼大会议室"], attendees=everyone,
        podium=leaders, host=people["liwenhua"], materials_note="本科室年度工作总结（纸质1份）", budget=800,
        dress_code="正装", important=True,
        supervisors=[people["gaoting"], people["dengxin"]], actor=user("xuqiang"),
    )[0]
    do_submit_meeting(big, actor=user("xuqiang"))
    do_director_check_meeting(big, actor=user("liuyang"))
    do_approve_meeting(big, actor=user("wangjianguo"))
    do_send_notices(big, actor=user("xuqiang"))
    for inv in big.invitations.select_related("person__user"):
        do_record_reply(inv, Reply.ATTEND, actor=inv.person.user)
    arrangement = do_generate_seating(big, unit_order="list", fill="rows", actor=user("xuqiang"))
    say(f"大会：{big.title}，{big.invitations.count()} 人全部回执参加，座位表第 {arrangement.version} 版。")

    # 2. The office's weekly meeting, four Mondays, approved by the leader in charge; two replies still missing.
    office = [p for p in everyone if p.department.name == "院办公室"]
    weekly = do_create_meeting(
        organiser=people["zhoumin"], title="院办公室周例会", purpose="汇总上周工作，安排本周工作。",
        agenda="一、各岗位汇报上周工作\n二、主任安排本周工作", start_at=_at(_next_monday(), 8, 30),
        end_at=_at(_next_monday(), 9, 30), room=rooms["三楼小会议室"], attendees=office, weeks=4,
        actor=user("zhoumin"),
    )
    do_submit_meeting(weekly[0], actor=user("zhoumin"))
    do_approve_meeting(weekly[0], actor=user("liwenhua"))
    do_send_notices(weekly[0], actor=user("zhoumin"))
    for inv in list(weekly[0].invitations.select_related("person__user"))[2:]:
        do_record_reply(inv, Reply.ATTEND, actor=inv.person.user)
    say(f"周例会：{len(weekly)} 次，第一次已发通知。")

    # 3. A 医务科 meeting waiting for its leader's approval.
    medical = [p for p in everyone if p.department.name in ("医务科", "护理部")]
    pending = do_create_meeting(
        organiser=people["huanglei"], title="医疗质量安全分析会", purpose="分析上月医疗质量安全指标。",
        agenda="一、通报上月指标\n二、典型病例分析\n三、整改要求", start_at=_at(10, 15), end_at=_at(10, 17),
        room=rooms["二楼会商室"], attendees=medical, materials_note="上月质控报表", actor=user("huanglei"),
    )[0]
    do_submit_meeting(pending, actor=user("huanglei"))
    say("医疗质量安全分析会：待分管院长审批。")

    # 4. Last week's 院长办公会: held (signed in by the desk), minutes recorded, two decisions under 督办.
    soon = timezone.now().replace(second=0, microsecond=0) + timedelta(hours=1)
    heads = [*leaders, people["liuyang"], people["zhoumin"]]
    held = do_create_meeting(
        organiser=people["zhoumin"], title="院长办公会", purpose="研究近期重点工作。",
        agenda="一、研究会议室设备更新\n二、研究护理人员培训计划", start_at=soon, end_at=soon + timedelta(hours=1),
        room=rooms["二楼会商室"], attendees=heads, host=people["wangjianguo"], important=True,
        supervisors=[people["gaoting"]], actor=user("zhoumin"),
    )[0]
    do_submit_meeting(held, actor=user("zhoumin"))
    do_approve_meeting(held, actor=user("wangjianguo"))
    do_send_notices(held, actor=user("zhoumin"))
    for inv in held.invitations.select_related("person__user"):
        do_record_reply(inv, Reply.ATTEND, actor=inv.person.user)
        do_tick_signin(inv, actor=user("zhoumin"))
    # Demo only: move the held meeting and its paper trail back to last week (the write paths refuse the past).
    last_week = _at(-7, 15)
    Meeting.objects.filter(pk=held.pk).update(start_at=last_week, end_at=last_week + timedelta(hours=1),
                                              notice_sent_at=last_week - timedelta(days=4), notice_late=False)
    held.invitations.update(notified_at=last_week - timedelta(days=4), replied_at=last_week - timedelta(days=3),
                            signed_in_at=last_week - timedelta(minutes=10))
    do_record_minutes(held, "王建国院长主持。会议研究了会议室设备更新和护理人员培训计划，议定两项事项（见议定事项）。",
                      actor=user("zhoumin"))
    do_add_decision(held, text="完成一楼大会议室音响、投影设备更新方案", owner=people["pengfei"], due_at=_at(14, 17),
                    actor=user("zhoumin"))
    do_add_decision(held, text="制定下半年护理人员培训计划并报院办", owner=people["luofang"], due_at=_at(21, 17),
                    actor=user("zhoumin"))
    say("院长办公会：已召开，会议记录和两项议定事项已转入督办。")
