"""Demo data for 印信管理: the hospital's three seals kept by 冯丽, a year of seal requests and the 用印登记簿 (about
one use a working day), a book of introduction letters with two spoiled, letterhead issues, and today's loose ends:
a request waiting for the director, one approved and waiting for the seal, a use not yet confirmed back in the safe,
and two refused attempts (no approval; more copies than approved).

Everything goes through the actions (their audit records, tracked items and notifications), built now and then moved
back to its day, as the 公文 demo does."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.core.demo import register_demo_step
from zeroerror.org.models import Person
from zeroerror.seals import actions
from zeroerror.seals.models import (
    Duty,
    IntroductionLetter,
    LetterheadIssue,
    LetterheadKind,
    RequestKind,
    SafeReturn,
    Seal,
    SealKind,
    SealRequest,
    SealUse,
)
from zeroerror.tracking.models import TrackedItem, TrackedItemEvent
from zeroerror.workdays.service import work_calendar

DOCUMENTS = [
    ("关于申报省级临床重点专科建设项目的请示", "报送市卫生健康委员会", "医务科"),
    ("医疗设备采购合同", "与供货单位签订合同", "财务科"),
    ("进修人员推荐表", "推荐本院医师赴省人民医院进修", "医务科"),
    ("护士执业注册材料", "报送县卫生健康局审核", "护理部"),
    ("在职证明", "职工办理住房贷款", "院办公室"),
    ("收入证明", "职工办理子女入学", "院办公室"),
    ("年度财务决算报表", "报送县财政局", "财务科"),
    ("医疗纠纷调解协议书", "与患者家属签订调解协议", "医务科"),
    ("关于调整门诊收费项目的报告", "报送县医疗保障局", "财务科"),
    ("护理质量检查整改报告", "报送市护理质控中心", "护理部"),
    ("信息系统运维服务合同", "与运维公司签订合同", "信息科"),
    ("党风廉政建设责任书", "院内签订责任书", "纪检监察室"),
    ("绩效考核结果报告", "报送县卫生健康局", "绩效考核办公室"),
    ("对口支援工作协议", "与乡镇卫生院签订协议", "医务科"),
]
LETTERS = [
    ("青川市卫生健康委员会", "联系进修人员推荐事宜"), ("青川县人力资源和社会保障局", "办理职工社保转移事宜"),
    ("青川县公安局", "调取交通事故伤者就诊资料事宜"), ("省人民医院医务部", "联系专科进修事宜"),
    ("青川县医疗保障局", "核对医保结算数据事宜"), ("青川县财政局", "报送年度预算调整事宜"),
]
LETTERHEAD_PURPOSES = ["对外函件", "会议通知回执", "情况说明", "工作联系函", "证明材料"]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _shift_use(use: SealUse, request: SealRequest, when: datetime, *, confirm_after: timedelta | None) -> None:
    """Move a use built now back to ``when``: its request, row, safe-return confirmation and tracked item."""
    delta = timezone.now() - when
    SealRequest.objects.filter(pk=request.pk).update(created_at=when - timedelta(hours=2),
                                                     decided_at=when - timedelta(hours=1))
    SealUse.objects.filter(pk=use.pk).update(used_at=when, recorded_at=when)
    if confirm_after is not None:
        SafeReturn.objects.filter(use=use).update(confirmed_at=when + confirm_after)
    for item in TrackedItem.objects.for_source(use):
        changes = {"created_at": item.created_at - delta, "due_at": item.due_at - delta}
        if item.done_at:
            changes["done_at"] = when + (confirm_after or timedelta())
        TrackedItem.objects.filter(pk=item.pk).update(**changes)
        TrackedItemEvent.objects.filter(item=item).update(at=when)


def _working_days(start: date, end: date) -> list[date]:
    calendar = work_calendar()
    days, day = [], start
    while day <= end:
        if calendar.is_workday(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def _issue_letter(book, rng, staff, director, keeper, when: datetime) -> None:
    """An introduction letter from the next stub, issued for an approved request and moved back to ``when``."""
    addressee, matter = rng.choice(LETTERS)
    bearer = rng.choice(staff)
    request = actions.do_submit_seal_request(seal=book.seal, document="介绍信", copies=1,
                                             purpose=f"{matter}（{addressee}）", kind=RequestKind.LETTER,
                                             actor=bearer.user)
    actions.do_approve_seal_request(request, actor=director.user)
    number = (IntroductionLetter.objects.filter(book=book).order_by("-number").values_list("number", flat=True)
              .first() or book.first_number - 1) + 1
    stub = actions.do_issue_letter(book=book, request=request, number=number, addressee=addressee,
                                   bearers=bearer.name, bearer_count=1, matter=matter,
                                   valid_until=timezone.localdate() + timedelta(days=15), actor=keeper.user)
    actions.do_confirm_safe_return(stub.use, actor=keeper.user)
    _shift_use(stub.use, request, when, confirm_after=timedelta(minutes=5))
    IntroductionLetter.objects.filter(pk=stub.pk).update(issued_at=when, valid_until=when.date() + timedelta(days=15))


def _number_by_year(unit) -> None:
    """Uses built now are numbered in this year's register; those moved back into last year go to last year's
    register, and both registers count from 1 in the order of the clock (updated one by one, ascending, so that no
    two rows ever share a number)."""
    for use in SealUse.objects.of_unit(unit).order_by("number"):
        year = timezone.localtime(use.used_at).year
        if year != use.year:
            SealUse.objects.filter(pk=use.pk).update(year=year)
    for year in SealUse.objects.of_unit(unit).values_list("year", flat=True).distinct():
        for number, pk in enumerate(SealUse.objects.of_unit(unit).in_year(year).order_by("number")
                                    .values_list("pk", flat=True), start=1):
            SealUse.objects.filter(pk=pk).update(number=number)


@register_demo_step(80, "印信管理")
def build_seals(say) -> None:
    people = {p.user.username: p for p in Person.objects.active().select_related("user", "department", "unit")}
    if not {"liuyang", "fengli", "wangjianguo"} <= set(people):
        say("演示人员不全，跳过印信管理。")
        return
    director, keeper = people["liuyang"], people["fengli"]
    unit = director.unit
    if Seal.objects.of_unit(unit).exists():
        say("印信管理演示数据已存在，跳过。")
        return
    rng = random.Random(2026)
    today = timezone.localdate()
    start = today - timedelta(days=364)  # the last twelve months
    seals = {
        kind: actions.do_create_seal(unit=unit, name=name, kind=kind, location=location, actor=director.user)
        for kind, name, location in [
            (SealKind.UNIT, f"{unit.name}", "院办公室保险柜"),
            (SealKind.OFFICE, f"{unit.name}办公室", "院办公室保险柜"),
            (SealKind.ELECTRONIC, f"{unit.name}电子公章", "院办公室保险柜（UKey）"),
        ]}
    for seal in seals.values():
        actions.do_appoint_keeper(unit=unit, duty=Duty.SEAL, seal=seal, person=keeper, started_on=start,
                                  actor=director.user)
    actions.do_appoint_keeper(unit=unit, duty=Duty.LETTERHEAD, person=keeper, started_on=start, actor=director.user)

    staff = [p for p in people.values() if p.unit_id == unit.pk and p.pk not in (director.pk, keeper.pk)]
    by_department: dict[str, list[Person]] = {}
    for p in staff:
        by_department.setdefault(p.department.name, []).append(p)
    days = _working_days(start, today - timedelta(days=1))
    book = actions.do_open_letter_book(seal=seals[SealKind.UNIT], title=f"{unit.name}介绍信（{start.year}年第1本）",
                                       first_number=1, last_number=100, actor=director.user)
    uses = letters = spoiled = 0
    for index, day in enumerate(days):
        # the day's uses in the order of the day, so that the register's numbers follow the clock
        moments = sorted((rng.randint(8, 16), rng.choice((0, 15, 30, 45))) for _ in range(rng.choice((0, 1, 1, 1, 2))))
        for hour, minute in moments:
            document, purpose, department = rng.choice(DOCUMENTS)
            requester = rng.choice(by_department.get(department) or staff)
            seal = seals[SealKind.OFFICE] if department == "院办公室" else seals[SealKind.UNIT]
            request = actions.do_submit_seal_request(seal=seal, document=document, copies=rng.randint(1, 5),
                                                     purpose=purpose, actor=requester.user)
            actions.do_approve_seal_request(request, actor=director.user)
            use = actions.do_record_seal_use(request, copies=request.copies, content_checked=True,
                                             actor=keeper.user)
            actions.do_confirm_safe_return(use, actor=keeper.user)
            _shift_use(use, request, _at(day, hour, minute), confirm_after=timedelta(minutes=rng.randint(2, 10)))
            uses += 1
        if index % 8 == 3:  # an introduction letter about every eight working days; two spoiled during the year
            if letters in (5, 17) and spoiled < 2:
                number = letters + spoiled + 1
                actions.do_spoil_letter(book=book, number=number, reason="抬头单位书写错误，撕下作废，与存根一并保存",
                                        actor=keeper.user)
                IntroductionLetter.objects.filter(book=book, number=number).update(issued_at=_at(day, 17, 30))
                spoiled += 1
            _issue_letter(book, rng, staff, director, keeper, _at(day, 17, 45))
            letters += 1
        if index % 5 == 1:
            recipient = rng.choice(staff)
            issue = actions.do_issue_letterhead(unit=unit, kind=rng.choice(LetterheadKind.values),
                                                sheets=rng.choice((10, 20, 30, 50)), recipient=recipient,
                                                purpose=rng.choice(LETTERHEAD_PURPOSES), actor=keeper.user)
            LetterheadIssue.objects.filter(pk=issue.pk).update(issued_at=_at(day, 14))
    _number_by_year(unit)

    # today's loose ends
    medical = by_department.get("医务科") or staff
    waiting = actions.do_submit_seal_request(seal=seals[SealKind.UNIT], document="关于开展医疗质量安全专项检查的报告",
                                             copies=2, purpose="报送县卫生健康局", actor=medical[0].user)
    ready = actions.do_submit_seal_request(seal=seals[SealKind.UNIT], document="对口支援工作协议", copies=3,
                                           purpose="与乡镇卫生院签订协议", actor=medical[-1].user)
    actions.do_approve_seal_request(ready, actor=director.user)
    open_use_request = actions.do_submit_seal_request(seal=seals[SealKind.OFFICE], document="在职证明", copies=1,
                                                      purpose="职工办理住房贷款", actor=staff[0].user)
    actions.do_approve_seal_request(open_use_request, actor=director.user)
    actions.do_record_seal_use(open_use_request, copies=1, content_checked=True, actor=keeper.user)
    for request, copies in ((waiting, 2), (ready, 5)):
        try:
            actions.do_record_seal_use(request, copies=copies, content_checked=True, actor=keeper.user)
        except ValidationError:
            pass  # refused and kept, as intended
    say(f"印信管理：印章3枚，用印登记{uses + letters}条（含介绍信{letters}份，另作废{spoiled}份），信笺领用"
        f"{LetterheadIssue.objects.of_unit(unit).count()}次；待审批1件、待用印1件、待确认入柜1次、被拒绝的用印2次。")
