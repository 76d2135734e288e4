"""The demo unit: a county hospital with about forty people, every role of the regulation filled."""

from __future__ import annotations

import secrets
import string
from datetime import date

from django.conf import settings
from django.db import transaction

from zeroerror.core.demo import register_demo_step
from zeroerror.org.actions import create_person_rows, do_start_leader_charge
from zeroerror.org.models import Department, Person, Unit
from zeroerror.org.roles import Role as R

UNIT_NAME = "青川县人民医院"
START = date(2026, 1, 1)

DEPARTMENTS = [
    ("院领导", False), ("院办公室", True), ("医务科", False), ("护理部", False), ("财务科", False),
    ("绩效考核办公室", False), ("纪检监察室", False), ("信息科", False),
]

# username, name, department, position, rank, roles
PEOPLE = [
    ("wangjianguo", "王建国", "院领导", "院长", 1, [R.PRINCIPAL_LEADER, R.SUPERVISION_LEADER]),
    ("liwenhua", "李文华", "院领导", "副院长", 2, [R.LEADER_IN_CHARGE, R.SUPERVISION_DEPUTY]),
    ("chenzhiqiang", "陈志强", "院领导", "副院长", 3, [R.LEADER_IN_CHARGE]),
    ("zhaoliping", "赵丽萍", "院领导", "副院长", 4, [R.LEADER_IN_CHARGE]),
    ("sunming", "孙明", "院领导", "纪委书记", 5, [R.LEADER_IN_CHARGE, R.SUPERVISION_DEPUTY]),
    ("liuyang", "刘洋", "院办公室", "办公室主任", 10, [R.OFFICE_DIRECTOR, R.DEPARTMENT_HEAD]),
    ("zhoumin", "周敏", "院办公室", "办公室副主任（综合科）", 11, [R.OFFICE_DEPUTY_DIRECTOR]),
    ("wutao", "吴涛", "院办公室", "办公室副主任（文秘）", 12, [R.OFFICE_DEPUTY_DIRECTOR]),
    ("zhengxiao", "郑晓", "院办公室", "文秘", 20, [R.STAFF, R.FIRST_READER]),
    ("fengli", "冯丽", "院办公室", "机要员", 21, [R.STAFF, R.SEAL_KEEPER]),
    ("hejing", "何静", "院办公室", "信息员", 22, [R.STAFF, R.CONFIDENTIALITY_REVIEWER]),
    ("xuqiang", "许强", "院办公室", "会务", 23, [R.STAFF]),
    ("gaoting", "高婷", "院办公室", "综合科科员", 24, [R.STAFF]),
    ("linfang", "林芳", "院办公室", "接待", 25, [R.STAFF]),
    ("machao", "马超", "院办公室", "驾驶员", 26, [R.STAFF, R.DRIVER]),
    ("huanglei", "黄磊", "医务科", "科长", 30, [R.DEPARTMENT_HEAD]),
    ("yangfan", "杨帆", "医务科", "科员", 31, [R.STAFF]),
    ("zhuhong", "朱红", "医务科", "科员", 32, [R.STAFF]),
    ("qinlu", "秦璐", "医务科", "科员", 33, [R.STAFF]),
    ("yuhai", "于海", "医务科", "科员", 34, [R.STAFF]),
    ("luofang", "罗芳", "护理部", "护理部主任", 40, [R.DEPARTMENT_HEAD]),
    ("liangyu", "梁雨", "护理部", "干事", 41, [R.STAFF]),
    ("songyan", "宋燕", "护理部", "干事", 42, [R.STAFF]),
    ("hanmei", "韩梅", "护理部", "干事", 43, [R.STAFF]),
    ("tangli", "唐莉", "护理部", "干事", 44, [R.STAFF]),
    ("guowei", "郭伟", "财务科", "科长", 50, [R.DEPARTMENT_HEAD]),
    ("dongqing", "董青", "财务科", "会计", 51, [R.STAFF]),
    ("xiaojun", "肖军", "财务科", "出纳", 52, [R.STAFF]),
    ("pannan", "潘楠", "财务科", "会计", 53, [R.STAFF]),
    ("songjia", "宋佳", "绩效考核办公室", "绩效办主任", 60,
     [R.PERFORMANCE_HEAD, R.DEPARTMENT_HEAD, R.SUPERVISION_MEMBER]),
    ("hanxue", "韩雪", "绩效考核办公室", "科员", 61, [R.PERFORMANCE_STAFF, R.SUPERVISION_MEMBER]),
    ("tangliang", "唐亮", "绩效考核办公室", "科员", 62, [R.PERFORMANCE_STAFF]),
    ("caoyang", "曹阳", "纪检监察室", "主任", 70, [R.DISCIPLINE_INSPECTOR, R.DEPARTMENT_HEAD]),
    ("dengxin", "邓欣", "纪检监察室", "科员", 71, [R.DISCIPLINE_INSPECTOR]),
    ("shilei", "石磊", "纪检监察室", "科员", 72, [R.STAFF]),
    ("pengfei", "彭飞", "信息科", "科长", 80, [R.DEPARTMENT_HEAD]),
    ("yuangang", "袁刚", "信息科", "工程师", 81, [R.SYSTEM_ADMIN]),
    ("jiangli", "蒋丽", "信息科", "工程师", 82, [R.SECURITY_ADMIN]),
    ("xiewen", "谢文", "信息科", "工程师", 83, [R.AUDIT_ADMIN]),
    ("luoqi", "罗琦", "信息科", "工程师", 84, [R.STAFF]),
]

# leader username -> departments in charge (from START); a later change keeps the history.
CHARGES = {
    "liwenhua": ["院办公室", "信息科"],
    "chenzhiqiang": ["医务科", "护理部", "财务科"],
    "zhaoliping": ["绩效考核办公室"],
    "sunming": ["纪检监察室"],
}
CHARGE_CHANGES = [("zhaoliping", "财务科", date(2026, 7, 1))]


def demo_password() -> str:
    alphabet = string.ascii_letters + string.digits
    while True:
        core = "".join(secrets.choice(alphabet) for _ in range(12))
        if any(c.islower() for c in core) and any(c.isupper() for c in core) and any(c.isdigit() for c in core):
            return "Zc-" + core


def accounts_file():
    return settings.DATA_DIR / "demo-accounts.txt"


@register_demo_step(10, "组织机构与人员")
def build_org(say) -> None:
    if Unit.objects.filter(name=UNIT_NAME).exists():
        say(f"演示单位“{UNIT_NAME}”已存在，跳过。")
        say(starter_accounts())
        return
    password = demo_password()
    with transaction.atomic():
        unit = Unit.objects.create(name=UNIT_NAME, short_name="县医院", code="青医发")
        departments = {
            name: Department.objects.create(unit=unit, name=name, is_office=is_office, order=i * 10)
            for i, (name, is_office) in enumerate(DEPARTMENTS, start=1)
        }
        for username, name, dept, position, rank, roles in PEOPLE:
            create_person_rows(
                unit=unit, username=username, name=name, department=departments[dept], position=position,
                rank=rank, phone=f"139{rank:08d}", email=f"{username}@qcxrmyy.example",
                employee_number=f"QX{rank:04d}", password=password,
                roles=roles, started_on=START, actor=None,
            )
    people = {p.user.username: p for p in Person.objects.select_related("user")}
    for leader, names in CHARGES.items():
        for name in names:
            do_start_leader_charge(people[leader], departments[name], started_on=START, actor=None)
    for leader, name, when in CHARGE_CHANGES:
        do_start_leader_charge(people[leader], departments[name], started_on=when, actor=None)
    lines = [f"演示单位：{UNIT_NAME}", f"所有演示账号的密码：{password}", "", "账号\t姓名\t科室\t角色"]
    for username, name, dept, _position, _rank, roles in PEOPLE:
        lines.append(f"{username}\t{name}\t{dept}\t{'、'.join(r.label for r in roles)}")
    path = accounts_file()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)
    say(starter_accounts())


# The five accounts to start with, printed by `zeroerror up`; the others are in the accounts file.
STARTERS = [("院长", "wangjianguo"), ("办公室主任", "liuyang"), ("绩效办负责人", "songjia"),
            ("一般工作人员（院办公室文秘）", "zhengxiao"), ("系统管理员", "yuangang")]


def starter_accounts() -> str:
    """The password and the five starting accounts, read back from the accounts file (so every `up` can show
    them), and where the other accounts are listed."""
    path = accounts_file()
    if not path.exists():
        return f"演示账号文件 {path} 不存在（演示单位建立时生成）。"
    text = path.read_text(encoding="utf-8")
    password = next((line.split("：", 1)[1] for line in text.splitlines() if line.startswith("所有演示账号的密码")), "")
    names = {username: name for username, name, *_rest in PEOPLE}
    lines = [f"演示单位：{UNIT_NAME}    所有演示账号的密码：{password}", "先用这五个账号登录："]
    lines += [f"  {role}\t{username}（{names[username]}）" for role, username in STARTERS]
    lines.append(f"其余 {len(PEOPLE) - len(STARTERS)} 个账号（每个角色至少一人）见 {path}（仅本机可读）。")
    return "\n".join(lines)
