"""Demo data for 信息公开: a year of items published on the website, the WeChat account and the screens (a few
late, one withdrawn as 不应公开而公开), items at each step now, one 应公开未公开, one 不予公开, and the 依申请公开
register (answered on time, one late, one extended, two open).

Every row is made by the actions; the demo then moves finished work back to when it happened (the write paths only
act now), like the meetings demo does."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from zeroerror.core.demo import register_demo_step
from zeroerror.disclosure import actions
from zeroerror.disclosure.actions.common import start_of
from zeroerror.disclosure.models import DisclosureItem, DisclosureRequest, Publication
from zeroerror.org.models import Person, Unit
from zeroerror.tracking.models import TrackedItem
from zeroerror.workdays.service import deadline_in_workdays

UNIT_NAME = "青川县人民医院"
CHANNELS = ["website", "wechat", "screen"]
TOPICS = [
    ("关于调整门诊挂号时间的公告", "自下月一日起，门诊挂号时间调整为上午七时三十分开始，请患者合理安排就诊时间。"),
    ("{month}月份医疗服务价格公示", "根据县医疗保障局有关规定，现将本院{month}月份调整的医疗服务项目价格予以公示。"),
    ("{month}月份药品集中采购结果公示", "本院{month}月份药品集中采购工作已完成，现将采购结果予以公示，接受社会监督。"),
    ("专家门诊排班表（{month}月）", "现将{month}月份专家门诊排班情况公布如下，具体以当日挂号系统为准。"),
    ("关于开展义诊活动的通知", "为方便群众就医，本院将于本月第三个周六在县城广场开展义诊活动。"),
    ("医院招聘护理人员公告", "因工作需要，本院面向社会公开招聘护理人员若干名，报名条件和程序见附件。"),
]
APPLICANTS = ["张某", "李某", "王某", "县融媒体中心", "赵某", "刘某", "陈某", "杨某", "某律师事务所", "黄某", "周某",
              "吴某"]


def _shift_item(item: DisclosureItem, days: int) -> None:
    """Move a finished item ``days`` back: formed, deadline, approval, publication and its tracked item."""
    back = timedelta(days=days)
    formed = item.formed_on - back
    due = deadline_in_workdays(item.limit_workdays, start_of(formed)) if item.due_at else None
    published = timezone.now() - back
    DisclosureItem.objects.filter(pk=item.pk).update(formed_on=formed, due_at=due, created_at=item.created_at - back,
                                                     approved_at=published - timedelta(hours=2))
    Publication.objects.filter(item=item).update(published_at=published, approved_at=published - timedelta(hours=2))
    TrackedItem.objects.for_source(item).update(due_at=due or published, done_at=published,
                                                created_at=item.created_at - back)


def _publish(item, people, *, late_reason=""):
    actions.do_submit_item(item, actor=item.drafter.user)
    actions.do_review_item(item, passed=True, actor=people["hejing"].user)
    actions.do_approve_item(item, actor=people["liuyang"].user)
    actions.do_publish_item(item, late_reason=late_reason, actor=people["zhengxiao"].user)
    return DisclosureItem.objects.get(pk=item.pk)


@register_demo_step(75, "信息公开")
def build_disclosure(say) -> None:
    unit = Unit.objects.filter(name=UNIT_NAME).first()
    if unit is None:
        say("演示单位尚未建立，跳过信息公开。")
        return
    if DisclosureItem.objects.of_unit(unit).exists():
        say("信息公开演示数据已存在，跳过。")
        return
    people = {p.user.username: p for p in Person.objects.active().filter(unit=unit).select_related("user")}
    drafters = [people[u] for u in ("gaoting", "xuqiang", "yangfan", "liangyu")]
    today = timezone.localdate()

    # a year of published items, four a month, each published a few days after the information was formed
    count = 0
    for month_back in range(12, 0, -1):
        for k in range(4):
            title, text = TOPICS[(month_back + k) % len(TOPICS)]
            month = (today.month - month_back - 1) % 12 + 1
            drafter = drafters[(month_back + k) % len(drafters)]
            item = actions.do_create_item(
                actor=drafter.user, title=title.format(month=month) + ("" if k < 2 else f"（第{k}期）"),
                text=text.format(month=month), channel=CHANNELS[(month_back + k) % 3], openness="proactive",
                formed_on=today, limit_workdays=None)
            _publish(item, people)
            _shift_item(item, month_back * 30 - k * 6)
            count += 1
    # three published late, with their reason (and a lead each)
    for n, (title, reason) in enumerate([("第三季度财务收支情况公示", "等待审计结果"),
                                         ("院务公开：重大事项决策情况", "领导出差，审批延误"),
                                         ("护理质量检查结果通报", "数据复核")]):
        item = actions.do_create_item(actor=drafters[n].user, title=title, text=TOPICS[n][1].format(month=9),
                                      channel=CHANNELS[n], openness="proactive", formed_on=today - timedelta(days=50),
                                      limit_workdays=None)
        _publish(item, people, late_reason=reason)
        count += 1
    # one withdrawn: it should not have been published (超范围)
    item = actions.do_create_item(actor=people["xuqiang"].user, title="本周行政值班安排", channel="wechat",
                                  text="本周行政值班人员安排如下，值班期间请保持通讯畅通。", openness="proactive",
                                  formed_on=today, limit_workdays=None)
    item = _publish(item, people)
    actions.do_withdraw_item(item, kind="out_of_scope", reason="值班安排属内部事务信息，不应在公众号公开",
                             actor=people["liuyang"].user)
    # work in hand: in 保密审查, awaiting approval, approved, a draft; one 应公开未公开; one 不予公开
    waiting = actions.do_create_item(actor=people["yangfan"].user, title="关于规范住院患者探视管理的通告",
                                     text="为保障患者安全，住院部探视时间调整为每日下午三时至五时。",
                                     channel="screen", openness="proactive", formed_on=today, limit_workdays=None)
    actions.do_submit_item(waiting, actor=people["yangfan"].user)
    reviewed = actions.do_create_item(actor=people["gaoting"].user, title="2026年度部门预算公开",
                                      text="根据预算公开工作要求，现将本院2026年度部门预算予以公开。",
                                      channel="website", openness="proactive", formed_on=today - timedelta(days=5),
                                      limit_workdays=None)
    actions.do_submit_item(reviewed, actor=people["gaoting"].user)
    actions.do_review_item(reviewed, passed=True, actor=people["hejing"].user)
    actions.do_create_item(actor=people["liangyu"].user, title="护理部优质护理服务示范病房名单",
                           text="经评审，现将优质护理服务示范病房名单公布如下。", channel="wechat",
                           openness="proactive", formed_on=today - timedelta(days=40), limit_workdays=None)
    actions.do_create_item(actor=people["gaoting"].user, title="院长办公会讨论稿（医疗设备采购）",
                           text="本件为院长办公会讨论稿，尚未形成决定。", channel="website",
                           openness="not_disclosed", not_disclosed_reason="内部过程性信息（条例第十六条）",
                           formed_on=today - timedelta(days=3), limit_workdays=None)
    say(f"信息公开：一年发布稿件 {count + 1} 篇（3 篇超时限、1 篇撤稿），待审查、待审批各 1 篇，1 篇应公开未公开，"
        "1 件不予公开。")

    # the 依申请公开 register: ten answered over the year (one late), one extended, one open
    for n, applicant in enumerate(APPLICANTS[:10]):
        received = today - timedelta(days=330 - n * 30)
        req = actions.do_register_request(actor=people["linfang"].user, applicant=applicant,
                                          content=f"申请公开本院{received.year}年度医疗服务收费依据及标准",
                                          method=["letter", "online", "in_person"][n % 3], received_on=received,
                                          handler=people["gaoting"])
        actions.do_answer_request(req, outcome=["disclosed", "partly", "not_held", "disclosed", "refused"][n % 5],
                                  reply="已按规定答复申请人。", actor=people["gaoting"].user)
        late = n == 4
        answered = (req.due_at + timedelta(days=3)) if late else req.due_at - timedelta(days=7)
        DisclosureRequest.objects.filter(pk=req.pk).update(answered_at=answered, answered_late=late)
        TrackedItem.objects.for_source(req).update(done_at=answered)
    extended = actions.do_register_request(actor=people["linfang"].user, applicant=APPLICANTS[10],
                                           content="申请公开本院近三年医疗纠纷处理情况", method="letter",
                                           received_on=today - timedelta(days=20), handler=people["gaoting"])
    actions.do_extend_request(extended, workdays=20, reason="涉及第三方权益，需征求第三方意见",
                              actor=people["liuyang"].user)
    actions.do_register_request(actor=people["linfang"].user, applicant=APPLICANTS[11],
                                content="申请公开本院2026年度部门预算", method="online",
                                received_on=today - timedelta(days=2), handler=people["gaoting"])
    say("依申请公开：12 件（10 件已答复，其中 1 件逾期；1 件经批准延期；1 件办理中）。")
