"""Demo data for 公文处理: a year of 收文 and 发文 at 青川县人民医院 (青医发), at every step, one 收文 overdue.

Documents are built through the actions (so the 流转记录, route, tracked items and audit are real) and then moved back
in time to the day they happened; the audit trail keeps the moment the demo was built.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import models
from django.utils import timezone

from zeroerror.core.demo import register_demo_step
from zeroerror.documents import actions
from zeroerror.documents.models import (
    Distribution,
    DocumentNumber,
    FlowEvent,
    IncomingDocument,
    Instruction,
    OutgoingDocument,
    OutgoingStatus,
)
from zeroerror.org.models import Department, Person
from zeroerror.tracking.models import TrackedItem, TrackedItemEvent

OUTGOING = [
    # days ago, drafter, fields, until
    (300, "gaoting", {"kind": "notice", "title": "青川县人民医院关于调整院务会议制度的通知", "addressees": "院内各科室",
                      "body": "为提高议事效率，经院长办公会研究，现将院务会议制度调整如下。\n"
                              "一、院务会议每月召开一次，由院长主持。\n二、议题由办公室于会前三个工作日收集汇总。",
                      "copy_to": "县卫生健康局", "copies": 40}, OutgoingStatus.ARCHIVED),
    (200, "yangfan", {"kind": "request", "title": "青川县人民医院关于购置医用直线加速器的请示",
                      "addressees": "县卫生健康局",
                      "body": "我院肿瘤科现有放疗设备已使用十二年，故障频繁，影响患者治疗。\n"
                              "一、拟购置医用直线加速器一台，预算一千二百万元。\n二、资金由医院自筹解决。\n妥否，请批示。",
                      "copies": 5}, OutgoingStatus.DISTRIBUTED),
    (60, "hejing", {"kind": "notice", "title": "青川县人民医院关于开展保密自查工作的通知", "addressees": "院内各科室",
                       "secrecy_level": "confidential", "secrecy_period": "1年",
                       "body": "根据县保密局统一部署，现就开展保密自查工作通知如下。\n"
                               "一、各科室对照清单逐项自查。\n二、自查报告于本月底前报办公室。",
                       "copies": 12}, OutgoingStatus.PRINTED),
    (20, "huanglei", {"kind": "notice", "title": "青川县人民医院关于加强医疗质量安全管理的通知",
                      "addressees": "各临床科室",
                      "body": "为进一步加强医疗质量安全管理，现将有关要求通知如下。\n"
                              "一、严格落实十八项医疗质量安全核心制度。\n二、各科室每月开展一次质量分析。",
                      "copies": 30}, OutgoingStatus.FIRST_READ_PASSED),
    (3, "linfang", {"kind": "letter", "title": "青川县人民医院关于商请协助开展义诊活动的函", "addressees": "青川县红十字会",
                    "body": "为开展“健康进乡村”义诊活动，拟商请贵会协助组织志愿者二十名。\n妥否，请函复。",
                    "copies": 3}, OutgoingStatus.DRAFT),
]

INCOMING = [
    # days ago, sender, number, title, kind, urgency, secrecy, until, leader, department, instruction
    (280, "青川县卫生健康局", "青卫发〔2026〕8号", "关于开展2026年度医疗质量安全专项检查的通知", "notice", "normal", "",
     "archived", "chenzhiqiang", "医务科", "请医务科牵头，按通知要求做好迎检准备。"),
    (150, "青川县人民政府办公室", "青府办发〔2026〕21号", "关于做好防汛救灾医疗保障工作的通知", "notice", "urgent", "",
     "done", "wangjianguo", "医务科", "高度重视，组建医疗救援队，随时待命。"),
    (90, "青川县国家保密局", "青保发〔2026〕3号", "关于开展年度保密检查的通知", "notice", "normal", "secret", "handling",
     "wangjianguo", "院办公室", "请办公室牵头组织自查，按期报送。"),
    (25, "青川县卫生健康局", "青卫函〔2026〕45号", "关于报送护理人员配置情况的函", "letter", "normal", "", "handling",
     "chenzhiqiang", "护理部", "请护理部按要求报送。"),
    (12, "青川县医疗保障局", "青医保发〔2026〕17号", "关于医保基金结算有关事项的通知", "notice", "normal", "", "returned",
     "", "", ""),
    (1, "青川县总工会", "青工发〔2026〕30号", "关于开展职工技能竞赛的通知", "notice", "normal", "", "registered",
     "", "", ""),
]


# a year of routine traffic: (month, sender, 代字, title, kind, 主办科室, leader, finished late?)
ROUTINE_INCOMING = [
    (1, "青川县卫生健康局", "青卫发", "关于做好2026年元旦春节期间医疗服务保障工作的通知", "notice", "医务科", "chenzhiqiang", False),
    (2, "广元市卫生健康委员会", "广卫发", "关于开展护理质量提升年活动的通知", "notice", "护理部", "chenzhiqiang", False),
    (3, "青川县财政局", "青财发", "关于做好2025年度部门决算编报工作的通知", "notice", "财务科", "chenzhiqiang", True),
    (4, "青川县卫生健康局", "青卫发", "关于加强医疗机构网络安全管理的通知", "notice", "信息科", "liwenhua", False),
    (5, "青川县疾病预防控制中心", "青疾控发", "关于做好夏季传染病防控工作的通知", "notice", "医务科", "chenzhiqiang", False),
    (6, "青川县卫生健康局", "青卫函", "关于报送上半年医疗服务数据的函", "letter", "医务科", "chenzhiqiang", True),
    (7, "广元市卫生健康委员会", "广卫发", "关于开展优质护理服务示范病房评选的通知", "notice", "护理部", "chenzhiqiang", False),
    (8, "青川县审计局", "青审发", "关于配合开展医疗收费专项审计的通知", "notice", "财务科", "zhaoliping", False),
    (9, "青川县卫生健康局", "青卫发", "关于开展医院信息系统等级保护测评的通知", "notice", "信息科", "liwenhua", True),
    (10, "青川县人民政府办公室", "青府办发", "关于做好秋冬季安全生产工作的通知", "notice", "院办公室", "liwenhua", False),
]
ROUTINE_OUTGOING = [
    (1, "gaoting", "青川县人民医院关于印发2026年工作要点的通知", "院内各科室", "为做好全年工作，现将2026年工作要点印发给你们，请认真贯彻落实。"),
    (3, "yangfan", "青川县人民医院关于开展医疗质量安全月活动的通知", "各临床科室", "为提升医疗质量安全水平，决定开展医疗质量安全月活动。"),
    (5, "liangyu", "青川县人民医院关于举办护理技能竞赛的通知", "各护理单元", "为提高护理人员专业技能，决定举办全院护理技能竞赛。"),
    (7, "dongqing", "青川县人民医院关于规范差旅费报销的通知", "院内各科室", "为规范差旅费管理，现就差旅费报销有关事项通知如下。"),
    (9, "luoqi", "青川县人民医院关于加强信息系统账号管理的通知", "院内各科室", "为保障信息系统安全，现就账号管理有关事项通知如下。"),
]


def _year_of_documents() -> tuple[list, list, set]:
    """The routine traffic and the showcase documents as (days ago, …) rows, oldest first (numbers follow time)."""
    year, today = timezone.localdate().year, timezone.localdate()
    incoming, outgoing, late = [], [], set()
    serials: dict[str, int] = {}
    for month, sender, code, title, kind, department, leader, finished_late in ROUTINE_INCOMING:
        days = (today - date(year, month, 10)).days
        if days <= 0:
            continue
        serials[code] = serials.get(code, 0) + 1
        number = f"{code}〔{year}〕{serials[code] * 3 + month}号"
        incoming.append((days, sender, number, title, kind, "normal", "", "archived", leader, department,
                         "请按文件要求认真落实。"))
        if finished_late:
            late.add(number)
    for month, drafter, title, addressees, body in ROUTINE_OUTGOING:
        days = (today - date(year, month, 20)).days
        if days > 0:
            outgoing.append((days, drafter, {
                "kind": "notice", "title": title, "addressees": addressees, "copies": 30,
                "body": body + "\n一、提高思想认识。\n二、明确工作责任。\n三、加强督促检查。"}, OutgoingStatus.ARCHIVED))
    incoming = sorted(incoming + INCOMING, key=lambda row: -row[0])
    outgoing = sorted(outgoing + OUTGOING, key=lambda row: -row[0])
    return incoming, outgoing, late


def _shift(doc, days: int) -> None:
    """Move a document built now back ``days`` days: its own moments, its timeline, numbers and tracked items."""
    delta = timedelta(days=days)
    moments = {f.name: getattr(doc, f.name) - delta for f in doc._meta.concrete_fields
               if isinstance(f, models.DateTimeField) and getattr(doc, f.name) is not None}
    type(doc).objects.filter(pk=doc.pk).update(**moments)
    field = "outgoing" if isinstance(doc, OutgoingDocument) else "incoming"
    for event in FlowEvent.objects.filter(**{field: doc}):
        FlowEvent.objects.filter(pk=event.pk).update(at=event.at - delta)
    if isinstance(doc, OutgoingDocument):
        for number in DocumentNumber.objects.filter(document=doc):
            DocumentNumber.objects.filter(pk=number.pk).update(issued_at=number.issued_at - delta)
        for d in Distribution.objects.filter(document=doc):
            Distribution.objects.filter(pk=d.pk).update(
                sent_at=d.sent_at - delta, due_at=d.due_at - delta,
                received_at=d.received_at - delta if d.received_at else None)
    else:
        for instruction in Instruction.objects.filter(document=doc):
            Instruction.objects.filter(pk=instruction.pk).update(at=instruction.at - delta)
    for item in TrackedItem.objects.for_source(doc):
        changes = {"created_at": item.created_at - delta, "due_at": item.due_at - delta}
        if item.done_at:
            changes["done_at"] = item.done_at - delta
        TrackedItem.objects.filter(pk=item.pk).update(**changes)
        for event in TrackedItemEvent.objects.filter(item=item):
            TrackedItemEvent.objects.filter(pk=event.pk).update(at=event.at - delta)


def _outgoing(people, drafter, fields, until) -> OutgoingDocument:
    office = [people["gaoting"], people["fengli"]]
    doc = actions.do_create_outgoing(actor=people[drafter].user, **fields)
    if doc.is_classified:
        for username in ("fengli", "wutao", "zhengxiao", "wangjianguo", "liwenhua"):
            actions.do_add_to_route(doc, people[username], reason="经办", actor=people[drafter].user)
    reviewer = people["wutao"] if people[drafter] != people["wutao"] else office[0]
    steps = [
        (OutgoingStatus.REVIEWED, lambda d: actions.do_review_outgoing(d, actor=reviewer.user)),
        (OutgoingStatus.FIRST_READ_PASSED, lambda d: actions.do_first_read(
            d, policy=True, norms=True, precision=True, opinion="经审核，符合要求。", actor=people["zhengxiao"].user)),
        (OutgoingStatus.SIGNED, lambda d: actions.do_sign_outgoing(d, opinion="同意印发。", actor=people["wangjianguo"].user)),
        (OutgoingStatus.NUMBERED, lambda d: actions.do_assign_number(d, actor=people["fengli"].user)),
        (OutgoingStatus.PRINTED, lambda d: actions.do_print_outgoing(
            d, checks=dict.fromkeys(actions.PRINT_CHECKS, True), secure_printing=d.is_classified,
            actor=people["fengli"].user)),
        (OutgoingStatus.DISTRIBUTED, lambda d: [
            actions.do_distribute_outgoing(d, actor=people["fengli"].user),
            actions.do_record_receipt(d.distributions.first(), receipt_by="办公室收发员", actor=people["fengli"].user)]),
        (OutgoingStatus.ARCHIVED, lambda d: actions.do_archive_outgoing(d, actor=people["fengli"].user)),
    ]
    if until != OutgoingStatus.DRAFT:
        for status, step in steps:
            step(doc)
            if status == until:
                break
    doc.refresh_from_db()
    return doc


def _incoming(people, row) -> IncomingDocument:
    days, sender, number, title, kind, urgency, secrecy, until, leader, department, instruction = row
    clerk = people["fengli"].user
    doc = actions.do_receive_incoming(sender=sender, actor=clerk)
    doc = actions.do_register_incoming(
        doc, doc_number=number, title=title, kind=kind, urgency=urgency, secrecy_level=secrecy,
        secrecy_period="1年" if secrecy else "", received_on=timezone.localdate() - timedelta(days=days),
        copies=1, pages=4, actor=clerk)
    if until == "registered":
        return doc
    if until == "returned":
        return actions.do_review_incoming(doc, ours=False, reason="医保基金结算事项由县医保经办机构直接办理，不属我院办理范围。",
                                          actor=clerk)
    if secrecy:
        actions.do_add_to_route(doc, people["liuyang"], reason="拟办", actor=clerk)
    actions.do_review_incoming(doc, ours=True, actor=clerk)
    dept = Department.objects.get(unit=doc.unit, name=department)
    actions.do_propose_incoming(doc, proposal=f"拟请{people[leader].name}阅示，{department}牵头办理。",
                                leaders=[people[leader]], main_department=dept, actor=people["liuyang"].user)
    actions.do_instruct_incoming(doc, text=instruction, actor=people[leader].user)
    doc = actions.do_assign_incoming(doc, main_department=dept, actor=people["liuyang"].user)
    if until in ("done", "archived"):
        reply = "已按要求书面函复来文机关。" if kind in ("letter", "request") else ""
        doc = actions.do_complete_incoming(doc, result="已按要求办理完毕，情况已报送来文机关。", reply=reply,
                                           actor=doc.handler.user)
    if until == "archived":
        doc = actions.do_archive_incoming(doc, actor=clerk)
    return doc


@register_demo_step(60, "公文处理")
def build_documents(say) -> None:
    people = {p.user.username: p for p in Person.objects.select_related("user", "department", "unit")}
    needed = {"liangyu", "dongqing", "luoqi", "zhaoliping", "hejing", "gaoting", "fengli", "wutao", "zhengxiao", "wangjianguo", "liwenhua", "liuyang", "chenzhiqiang",
              "yangfan", "huanglei", "linfang"}
    if not needed <= set(people):
        say("演示人员不全，跳过公文处理演示数据。")
        return
    unit = people["liuyang"].unit
    if OutgoingDocument.objects.filter(unit=unit).exists() or IncomingDocument.objects.filter(unit=unit).exists():
        say("公文演示数据已存在，跳过。")
        return
    director = people["liuyang"].user  # the 办公室主任 sets the 机关代字 table first
    actions.do_save_agency_code(code=unit.code, kinds=[], actor=director)
    actions.do_save_agency_code(code="青医函", kinds=["letter"], actor=director)
    actions.do_save_agency_code(code="青医纪", kinds=["minutes"], mark=f"{unit.name}院长办公会议纪要", actor=director)
    incoming, outgoing, late = _year_of_documents()
    for days, drafter, fields, until in outgoing:
        _shift(_outgoing(people, drafter, fields, until), days)
    for row in incoming:
        doc = _incoming(people, row)
        _shift(doc, row[0])
        if doc.doc_number in late:  # finished three days after its time limit
            doc.refresh_from_db()
            IncomingDocument.objects.filter(pk=doc.pk).update(done_at=doc.handling_due_at + timedelta(days=3))
    say(f"公文处理：发文{len(outgoing)}件、收文{len(incoming)}件，覆盖各环节（含逾期未办结、超时办结的承办事项）。")
