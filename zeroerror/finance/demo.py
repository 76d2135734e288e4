"""Demo data for 财务管理: this year's budget lines of the office's running costs, the default spending standards, a
designated print shop, and a year of expenses up to today — among them one over-standard meeting approved as a
special case (特批) and one over-standard attempt refused and proposed as a lead — and one line raised mid-year
(调整预算) with the principal leader's approval."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.core.demo import register_demo_step
from zeroerror.finance import actions, rules
from zeroerror.finance.models import BudgetAdjustment, BudgetLine, Category, Expense, ExpenseStatus, SpendingStandard
from zeroerror.org.models import Person, Unit

UNIT_NAME = "青川县人民医院"
LINES = {  # category: name
    Category.PRINTING: "办公室印刷费", Category.RECEPTION: "公务接待费", Category.VEHICLES: "公务用车运行维护费",
    Category.MEETINGS: "办公室会议费", Category.TRAVEL: "办公室差旅费", Category.TRAINING: "办公室培训费",
    Category.OFFICE: "办公用品及耗材",
}
SHOP = {"name": "青川县政府采购定点图文印务中心", "procurement_ref": "QCZC-2026-DY-003", "address": "青川县城关镇文化路18号"}


@dataclass
class Planned:
    day: date
    category: str
    standard: str
    description: str
    quantity: int
    amount: Decimal
    who: str
    extra: dict


def _money(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(rules.CENT)


def plan_year(year: int, today: date, seed: int = 2026) -> list[Planned]:
    """A year of ordinary expenses, all within their standards, up to ``today``."""
    rnd = random.Random(seed)
    rows: list[Planned] = []

    def day_in(month: int) -> date | None:
        d = date(year, month, rnd.randint(1, 28))
        return d if d <= today else None

    def add(month, category, standard, description, quantity, amount, who, **extra):
        d = day_in(month)
        if d is not None:
            rows.append(Planned(d, category, standard, description, quantity, _money(amount), who, extra))

    jd = 0
    for month in range(1, 13):
        for _ in range(rnd.randint(2, 4)):
            pages = rnd.randint(20, 80) * 100
            add(month, Category.PRINTING, "内部打印复印（纸张耗材）", rnd.choice(
                ["会议材料复印", "文件打印", "学习资料复印", "报表打印"]), pages, pages * rnd.uniform(0.06, 0.1),
                rnd.choice(["zhengxiao", "gaoting"]), print_mode="in_house")
        if month % 3 == 0:
            pages = rnd.randint(10, 30) * 100
            add(month, Category.PRINTING, "定点外印（黑白）", f"{month // 3}季度工作简报汇编印制", pages,
                pages * 0.28, "gaoting", print_mode="outside", outside_reason="胶装成册，办公室无装订设备")
        for _ in range(rnd.randint(2, 3)):
            jd += 1
            add(month, Category.RECEPTION, "公务接待（按接待清单）", rnd.choice(
                ["市卫健委督导组工作餐", "兄弟医院考察交流工作餐", "医共体调研接待工作餐"]), 1,
                rnd.uniform(380, 1400), "linfang", reception_ref=f"公函及接待清单 JD-{year}-{jd:03d}")
        for _ in range(4):
            add(month, Category.VEHICLES, "公务用车定点加油", "公务用车定点加油", 1, rnd.uniform(300, 600), "machao")
        if month % 3 == 1:
            add(month, Category.VEHICLES, "公务用车定点维修保养", "公务用车定点保养", 1, rnd.uniform(800, 2600),
                "machao")
        for _ in range(rnd.randint(1, 2)):
            people_days = rnd.randint(8, 24)
            add(month, Category.MEETINGS, "三类会议综合定额", rnd.choice(
                ["院务工作会议", "医疗质量分析会", "安全生产工作会议", "党风廉政建设专题会"]), people_days,
                people_days * rnd.uniform(300, 440), "xuqiang")
        for _ in range(rnd.randint(1, 3)):
            nights = rnd.randint(2, 6)
            add(month, Category.TRAVEL, "住宿费（县级，一般人员）", "赴市参加业务培训住宿费", nights,
                nights * rnd.uniform(260, 350), rnd.choice(["zhoumin", "wutao", "gaoting"]))
        if month % 3 == 2:
            people_days = rnd.randint(15, 30)
            add(month, Category.TRAINING, "培训综合定额（三类培训）", "办公室业务培训班", people_days,
                people_days * rnd.uniform(320, 440), "zhoumin")
        add(month, Category.OFFICE, "办公用品", "办公用品采购", 1, rnd.uniform(1200, 3200), "gaoting")
    return sorted(rows, key=lambda r: r.day)


@transaction.atomic(durable=True)
def _record_plan(plan, lines, standards, shop, people) -> None:
    """The ordinary expenses in one transaction (a fresh demo on a slow disk: one commit, not one per row): the rows
    ``do_record_expense`` writes for an expense within its budget and standard, each with its audit record."""
    for row in plan:
        line, standard = lines[row.category], standards[row.standard]
        assert not rules.check_expense(amount=row.amount, quantity=row.quantity, line_name=line.name,
                                       remaining=line.amount - actions.spent(line), standard=standard.as_rule())
        outside = row.extra.get("print_mode") == "outside"
        expense = Expense.objects.create(
            unit=line.unit, line=line, standard=standard, spent_on=row.day, description=row.description,
            amount=row.amount, quantity=row.quantity, requested_by=people[row.who], status=ExpenseStatus.RECORDED,
            print_mode=row.extra.get("print_mode", ""), print_shop=shop if outside else None,
            outside_reason=row.extra.get("outside_reason", ""), reception_ref=row.extra.get("reception_ref", ""))
        record("finance.expense.record", actor=people[row.who].user, kind=AuditKind.CREATE, obj=expense,
               changes={"line": line.pk, "standard": standard.pk, "amount": str(row.amount),
                        "quantity": row.quantity, "spent_on": row.day, "status": expense.status, "findings": "",
                        "print_mode": expense.print_mode, "print_shop": shop.pk if outside else None})


def _budget_for(total: Decimal) -> Decimal:
    """A budget the year's plan uses about 85% of, in thousands."""
    return max(Decimal(10000), (total / Decimal("0.85") / 1000).quantize(Decimal(1)) * 1000)


def _at(day: date, hour: int):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _date_back(unit, year: int, today: date, adjustment: BudgetAdjustment) -> None:
    """The write paths act now; the books were approved at the start of the year and the training line raised in
    the middle of it (the audit trail keeps when the demo really wrote them)."""
    start = min(today, date(year, 1, 2))
    BudgetLine.objects.of_unit(unit).of_year(year).update(proposed_at=_at(start, 9), decided_at=_at(start, 16))
    SpendingStandard.objects.of_unit(unit).update(proposed_at=_at(start, 9), decided_at=_at(start, 16))
    raised_on = min(today, date(year, 6, 15))
    BudgetAdjustment.objects.filter(pk=adjustment.pk).update(proposed_at=_at(raised_on, 9),
                                                             decided_at=_at(raised_on, 17))


@register_demo_step(80, "财务管理")
def build_finance(say) -> None:
    unit = Unit.objects.filter(name=UNIT_NAME).first()
    if unit is None:
        say("演示单位尚未建立，跳过财务管理。")
        return
    today = timezone.localdate()
    year = today.year
    if BudgetLine.objects.of_unit(unit).of_year(year).exists():
        say("财务演示数据已存在，跳过。")
        return
    people = {p.user.username: p for p in Person.objects.active().filter(unit=unit).select_related("user")}

    def user(name):
        return people[name].user

    office = unit.departments.get(is_office=True)
    director, leader = user("liuyang"), user("liwenhua")

    standards = {}
    for category, name, cap, per in rules.DEFAULT_STANDARDS:
        standard = actions.do_propose_standard(category=category, name=name, cap=cap, per=per, actor=director)
        standards[name] = actions.do_approve_standard(standard, "同意", actor=leader)
    shop = actions.do_register_print_shop(valid_from=date(year, 1, 1), valid_until=date(year, 12, 31), actor=director,
                                          **SHOP)

    plan = plan_year(year, today)
    totals: dict[str, Decimal] = {}
    for row in plan_year(year, date(year, 12, 31)):  # the budget is for the whole year
        totals[row.category] = totals.get(row.category, Decimal(0)) + row.amount
    totals[Category.MEETINGS] = totals.get(Category.MEETINGS, Decimal(0)) + Decimal(15000)
    lines = {}
    for category, name in LINES.items():
        line = actions.do_propose_budget_line(year=year, department=office, category=category, name=name,
                                              amount=_budget_for(totals.get(category, Decimal(0))),
                                              note="经院长办公会审议通过的年度预算", actor=director)
        lines[category] = actions.do_approve_budget_line(line, "同意", actor=leader)

    _record_plan(plan, lines, standards, shop, {name: people[name] for name in {r.who for r in plan}})

    # the special case: a meeting over its standard, asked for with a reason and approved by the leader in charge
    special_day = max(date(year, 1, 1), today - timedelta(days=40))
    special = actions.do_record_expense(
        line=lines[Category.MEETINGS], standard=standards["三类会议综合定额"], spent_on=special_day,
        description="全院年中工作推进会（含外请专家授课）", amount=Decimal("15000.00"), quantity=30,
        special_reason="会期延长半天，外请省级专家授课，场地和资料费超出定额", actor=user("xuqiang"))
    actions.do_approve_expense(special, "同意，下不为例", actor=leader)
    # the refused attempt: over the standard without asking — nothing recorded, a lead proposed
    try:
        actions.do_record_expense(
            line=lines[Category.MEETINGS], standard=standards["三类会议综合定额"],
            spent_on=max(date(year, 1, 1), today - timedelta(days=12)), description="科室工作交流会会务费",
            amount=Decimal("6800.00"), quantity=10, actor=user("gaoting"))
    except ValidationError as exc:
        refused = exc.messages[0]
    else:  # pragma: no cover - the standard caps 10 人·天 at 4500
        refused = "（未被拒绝）"
    # 调整预算: the training line raised mid-year, approved by the principal leader
    training = lines[Category.TRAINING]
    raised = actions.do_propose_adjustment(training, new_amount=training.amount + Decimal(5000),
                                           reason=f"县卫健局追加年度业务培训经费（青卫财〔{year}〕12号）",
                                           actor=director)
    actions.do_approve_adjustment(raised, "同意调增", actor=user("wangjianguo"))
    _date_back(unit, year, today, raised)
    say(f"财务：{len(lines)} 个预算项目（1 项经批准调增预算）、{len(standards)} 项开支标准、{len(plan) + 1} 笔支出"
        f"（1 笔特批）；1 笔超标准支出被拒绝：{refused}")
