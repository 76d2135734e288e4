"""Staff roster import from .xlsx: every row is checked first; nothing is imported when any row is bad."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from zeroerror.accounts.actions import require_password_change
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.core import sheets
from zeroerror.org.actions import EMPLOYEE_NUMBER_RE, create_person_rows
from zeroerror.org.models import Department, Person, Unit
from zeroerror.org.passwords import generate_password
from zeroerror.org.roles import ADMIN_ROLES, APPROVAL_ROLES, Role

COLUMNS = ["账号", "姓名", "科室", "职务/岗位", "角色", "职级排序", "手机", "电子邮箱", "工号"]
REQUIRED = {"账号", "姓名", "科室", "工号"}
USERNAME_RE = re.compile(r"^[A-Za-z0-9_.-]{3,30}$")
PHONE_RE = re.compile(r"^1[3-9]\d{9}$")
ROLE_BY_LABEL = {label: value for value, label in Role.choices} | {"院长": Role.PRINCIPAL_LEADER, "主要领导": Role.PRINCIPAL_LEADER}
MAX_ROWS = 5000


RosterError = sheets.SheetError  # the file as a whole cannot be read


@dataclass
class RosterRow:
    number: int
    username: str
    name: str
    department: Department
    position: str
    roles: list[str]
    rank: int
    phone: str
    email: str
    employee_number: str


@dataclass
class RosterResult:
    rows: list[RosterRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def template_bytes() -> bytes:
    notes = {
        "账号": "必填；3–30 位字母、数字、下划线、点或连字符；不得与已有账号重复",
        "姓名": "必填",
        "科室": "必填；须为系统中已有的科室名称",
        "职务/岗位": "选填",
        "角色": "选填；多个角色用顿号或逗号分隔，可选：" + "、".join(Role.labels),
        "职级排序": "选填；整数，数字越小排序越靠前（用于排座次）",
        "手机": "选填；11 位手机号",
        "电子邮箱": "选填",
        "工号": "必填；1–20 位字母、数字或连字符，本单位内不得重复（月度绩效按工号导入）",
    }
    example = ["zhangsan", "张三", "办公室", "科员", "一般工作人员、首读人员", 200, "13800000000", "zhangsan@example.org",
               "0201"]
    return sheets.template_bytes("人员名册", COLUMNS, [example], notes=notes,
                                 widths=[14, 10, 14, 14, 30, 10, 14, 26, 10])


def parse_roster(data: bytes, unit: Unit) -> RosterResult:
    body = sheets.read_sheet(data, COLUMNS, max_rows=MAX_ROWS)
    departments = {d.name: d for d in Department.objects.filter(unit=unit).active()}
    existing = set(
        get_user_model().objects.filter(username__in=[values["账号"] for _, values in body]).values_list(
            "username", flat=True
        )
    )
    result = RosterResult()
    seen: dict[str, int] = {}
    numbers_seen: dict[str, int] = {}
    taken = dict(Person.objects.filter(unit=unit).exclude(employee_number="").values_list("employee_number", "name"))
    # the first roster sets a unit up; once it has a 安全管理员, reading roles need his approval (two people)
    has_security_admin = Person.objects.filter(unit=unit).with_role(Role.SECURITY_ADMIN).exists()
    for number, values in body:
        problems = [f"“{name}”不能为空" for name in COLUMNS if name in REQUIRED and not values[name]]
        username = values["账号"]
        if username and not USERNAME_RE.match(username):
            problems.append("账号只能由 3–30 位字母、数字、下划线、点或连字符组成")
        if username in existing:
            problems.append(f"账号“{username}”已存在")
        if username and username in seen:
            problems.append(f"账号“{username}”与第 {seen[username]} 行重复")
        seen.setdefault(username, number)
        number_ = values["工号"]
        if number_ and not EMPLOYEE_NUMBER_RE.match(number_):
            problems.append("工号须为 1–20 位字母、数字或连字符")
        elif number_ in taken:
            problems.append(f"工号“{number_}”已由本单位的{taken[number_]}使用")
        elif number_ and number_ in numbers_seen:
            problems.append(f"工号“{number_}”与第 {numbers_seen[number_]} 行重复")
        numbers_seen.setdefault(number_, number)
        department = departments.get(values["科室"])
        if values["科室"] and department is None:
            problems.append(f"科室“{values['科室']}”不存在")
        roles = []
        for label in re.split(r"[、，,；;\s]+", values["角色"]):
            if not label:
                continue
            if label not in ROLE_BY_LABEL:
                problems.append(f"未知角色“{label}”")
            else:
                roles.append(ROLE_BY_LABEL[label])
        if len(set(roles) & ADMIN_ROLES) > 1:
            problems.append("三员分立：系统管理员、安全管理员、审计管理员不能由同一人兼任")
        needs_approval = [Role(r).label for r in roles if r in APPROVAL_ROLES]
        if needs_approval and has_security_admin:
            problems.append("、".join(needs_approval) + "须经安全管理员批准：请导入后在人员页面申请授予")
        rank = 1000
        if values["职级排序"]:
            try:
                rank = int(values["职级排序"])
                if rank < 0:
                    raise ValueError
            except ValueError:
                problems.append("职级排序须为非负整数")
        if values["手机"] and not PHONE_RE.match(values["手机"]):
            problems.append("手机号须为 11 位数字")
        if values["电子邮箱"]:
            try:
                validate_email(values["电子邮箱"])
            except ValidationError:
                problems.append("电子邮箱格式不正确")
        if problems:
            result.errors.append((number, "；".join(problems)))
            continue
        result.rows.append(
            RosterRow(number, username, values["姓名"], department, values["职务/岗位"], roles or [Role.STAFF],
                      rank, values["手机"], values["电子邮箱"], number_)
        )
    if not body:
        result.errors.append((2, "没有可导入的数据行"))
    return result


@transaction.atomic(durable=True)
def do_import_roster(result: RosterResult, *, unit: Unit, actor) -> list[tuple[str, str, str]]:
    """Create every row of a checked roster; returns (name, username, initial password) to show once."""
    if not result.ok:
        raise ValidationError("名册有错误，未导入任何人员。")
    created = []
    for row in result.rows:
        password = generate_password()
        person = create_person_rows(
            unit=unit, username=row.username, name=row.name, department=row.department, position=row.position,
            rank=row.rank, phone=row.phone, email=row.email, employee_number=row.employee_number, password=password,
            roles=row.roles, actor=actor,
        )
        require_password_change(person.user)  # the initial password is changed at the first login
        created.append((row.name, row.username, password))
    record("org.roster.import", actor=actor, kind=AuditKind.IMPORT, object_type="org.unit", object_id=str(unit.pk),
           object_repr=unit.name, changes={"rows": len(created)})
    return created
