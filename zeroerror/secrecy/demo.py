"""Demo data for 安全保密: a year of the 涉密载体 register (incoming 密件 each week, loans and returns, approved
copies, monthly 清点, destructions), removable media with their use logs (one cross-network attempt), and the
electronic seals and keys with their uses.

Everything is built through the actions (events, tracked items, leads and audit are real), then moved back to the
day it happened; the audit trail keeps the moment the demo was built.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.core.demo import register_demo_step
from zeroerror.org.models import Person, Unit
from zeroerror.secrecy import actions
from zeroerror.secrecy.models import ClassifiedItem, CopyRequest, InventoryCheck, ItemEvent, Medium

UNIT_NAME = "青川县人民医院"
ORIGINS = ["县卫生健康局", "县委办公室", "县政府办公室", "市卫生健康委", "县委组织部", "县保密局"]
NAMES = ["关于做好重点人员健康管理工作的通知", "关于年度安全生产目标考核的通知", "关于突发公共卫生事件应急预案的通知",
         "关于医疗纠纷重点案件处置的函", "关于干部考察有关事项的通知", "关于保密工作检查情况的通报",
         "关于重大活动医疗保障任务的通知", "关于信访维稳重点人员名单的函"]
LEVELS = [("confidential", 5), ("confidential", 10), ("secret", 10), ("secret", 20)]


def _moment(days_ago: int, hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _backdate_item(item: ClassifiedItem, when: datetime) -> None:
    ClassifiedItem.objects.filter(pk=item.pk).update(registered_at=when)


@register_demo_step(80, "安全保密")
def build_secrecy(say) -> None:
    unit = Unit.objects.filter(name=UNIT_NAME).first()
    if unit is None:
        say("演示单位尚未建立，跳过安全保密。")
        return
    if ClassifiedItem.objects.of_unit(unit).exists():
        say("安全保密演示数据已存在，跳过。")
        return
    rng = random.Random(7)
    people = {p.user.username: p for p in Person.objects.active().filter(unit=unit).select_related("user")}
    keeper, director = people["hejing"], people["liuyang"]
    readers = [people[u] for u in ("huanglei", "luofang", "guowei", "yangfan", "zhoumin", "liwenhua", "chenzhiqiang")]

    # 1. A year of incoming 密件: about one a week, registered, lent out and returned, some copied.
    items = []
    for n, days_ago in enumerate(range(360, 6, -7), start=1):
        level, years = rng.choice(LEVELS)
        item = actions.do_register_item(
            number=f"MJ-{(timezone.localdate() - timedelta(days=days_ago)).year}-{n:03d}", name=rng.choice(NAMES),
            kind="document", classification=level, period_years=years, copies=rng.choice((1, 1, 2, 3)),
            origin=rng.choice(ORIGINS), custodian=keeper, location="院办公室保密柜", actor=keeper.user)
        items.append((item, days_ago))
    loans = 0
    for item, days_ago in items:
        for k in range(rng.choice((0, 1, 1, 2))):
            holder = rng.choice(readers)
            actions.do_check_out_item(item, holder=holder, due_back_at=timezone.now() + timedelta(days=3),
                                      purpose="阅办", actor=keeper.user)
            if days_ago > 10 or k == 0 and rng.random() < 0.5:
                actions.do_check_in_item(item, note="完好无缺", actor=keeper.user)
            loans += 1
    copies = 0
    for item, _days_ago in items[::9]:
        req = actions.do_request_copy(item, excerpt=False, copies=2, reason="传达学习需要", actor=people["huanglei"].user)
        actions.do_decide_copy_request(req, approve=True, note="同意，用后交回", actor=director.user)
        if item.status != "checked_out":
            actions.do_record_copies(req, actor=keeper.user)
            copies += 2
    refused = items[4][0]
    req = actions.do_request_copy(refused, excerpt=True, copies=1, reason="摘录要点", actor=people["yangfan"].user)
    actions.do_decide_copy_request(req, approve=False, note="涉密内容不得摘录，请到办公室阅看", actor=director.user)
    destroyed = 0
    for item, days_ago in items[:12]:
        item.refresh_from_db()
        if item.status == "in_store" and days_ago > 200:
            actions.do_destroy_item(item, approver=director, witness=people["fengli"], method="碎纸机粉碎",
                                    place="院办公室保密室", actor=keeper.user)
            destroyed += 1
    # monthly 清点 (the latest one finds everything); then move the register back in time
    for _ in range(11):
        current = ClassifiedItem.objects.of_unit(unit).current().values_list("pk", flat=True)
        actions.do_check_inventory(found=set(current), actor=keeper.user)
    for item, days_ago in items:
        when = _moment(days_ago, 9, 30)
        _backdate_item(item, when)
        events = list(item.events.order_by("pk"))
        for i, event in enumerate(events):
            ItemEvent.objects.filter(pk=event.pk).update(at=min(when + timedelta(days=i * 2, hours=i),
                                                                timezone.now() - timedelta(hours=1)))
        for made in item.copies_made.all():
            _backdate_item(made, when + timedelta(days=3))
            made.events.update(at=when + timedelta(days=3))
    CopyRequest.objects.filter(item__unit=unit).update(requested_at=_moment(30, 10), decided_at=_moment(30, 15))
    for i, check in enumerate(InventoryCheck.objects.of_unit(unit).order_by("pk")):
        InventoryCheck.objects.filter(pk=check.pk).update(checked_at=_moment(330 - i * 30, 16))
    say(f"涉密载体：{len(items)} 件密件登记，借阅 {loans} 次，复制件 {copies} 件，销毁 {destroyed} 件，清点 11 次。")

    # 2. Removable media: internal ones in the office and 信息科, external ones in each department, a year of uses.
    media = []
    for n in range(1, 9):
        custodian = people[("hejing", "fengli", "pengfei", "luoqi")[n % 4]]
        media.append(actions.do_register_medium(number=f"NW-{n:03d}", kind="usb", network="internal",
                                                classification="secret", custodian=custodian, model_name="保密U盘",
                                                actor=keeper.user))
    for n, username in enumerate(("zhengxiao", "yangfan", "liangyu", "dongqing", "hanxue", "shilei", "luoqi"), 1):
        media.append(actions.do_register_medium(number=f"WW-{n:03d}", kind=rng.choice(("usb", "disk")),
                                                network="external", custodian=people[username], actor=keeper.user))
    uses = 0
    for days_ago in range(360, 0, -2):
        medium = rng.choice(media)
        computer = "涉密计算机（院办01）" if medium.network == "internal" else f"办公计算机（{medium.department.name}）"
        actions.do_log_medium_use(medium, used_by=medium.custodian, used_at=_moment(days_ago, 10, rng.randint(0, 59)),
                                  computer=computer, network=medium.network, purpose=rng.choice(
                                      ("拷贝公文", "存储报表", "传递会议材料", "备份资料")), actor=medium.custodian.user)
        uses += 1
    try:
        actions.do_log_medium_use(media[2], used_by=people["pengfei"], used_at=_moment(45, 15),
                                  computer="信息科外网电脑", network="external", purpose="拷贝软件",
                                  actor=people["pengfei"].user)
    except ValidationError:
        pass
    Medium.objects.filter(unit=unit).update(registered_at=_moment(365, 9))
    say(f"移动存储介质：{len(media)} 个，使用登记 {uses} 次，1 次混用已报差错线索。")

    # 3. Electronic seals and keys, with a year of uses.
    keys = [
        actions.do_register_key(name="单位电子公章", kind="e_seal", custodian=people["fengli"], location="院办公室保险柜",
                                authorised=[people["liuyang"]], actor=keeper.user),
        actions.do_register_key(name="财务电子签章（UKey）", kind="certificate", custodian=people["guowei"],
                                location="财务科保险柜", authorised=[people["xiaojun"]], actor=keeper.user),
        actions.do_register_key(name="政务外网数字证书", kind="certificate", custodian=people["hejing"],
                                location="院办公室保险柜", actor=keeper.user),
        actions.do_register_key(name="机要室保险柜钥匙", kind="safe_key", custodian=people["fengli"],
                                location="机要员随身保管", authorised=[people["hejing"]], actor=keeper.user),
    ]
    key_uses = 0
    for days_ago in range(360, 0, -1):
        if rng.random() < 0.6:
            key = rng.choice(keys)
            allowed = [key.custodian, *key.authorised.all()]
            user = rng.choice(allowed)
            actions.do_log_key_use(key, used_by=user, used_at=_moment(days_ago, rng.randint(9, 16)),
                                   purpose=rng.choice(("网上申报盖章", "电子公文签章", "医保结算签名", "开柜取件")),
                                   actor=user.user)
            key_uses += 1
    say(f"电子印章与密钥：{len(keys)} 件，使用登记 {key_uses} 次。")
