"""Monthly performance pay imported from .xlsx (all or nothing, every bad row reported with its number), and the
monthly deduction export for finance."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.core import sheets
from zeroerror.errors.ledger import recompute_ledger, unit_of
from zeroerror.errors.models import LedgerEntry, PerformancePay
from zeroerror.org.models import Person, Unit

COLUMNS = ["工号", "账号", "姓名", "月份", "当月绩效（元）"]
KEYS = ("工号", "账号")  # a row names its person by 工号 (the finance system's key) or by account name
MONTH_RE = re.compile(r"^(19\d\d|2\d\d\d)-(0[1-9]|1[0-2])$")  # 1900-01 … 2999-12 (core.params' years)
MAX_ROWS = 5000
MAX_PAY = Decimal("1000000.00")  # a month's performance pay above 100万元 is a typing error (and overflows the column)
XLSX = sheets.XLSX_CONTENT_TYPE


PayFileError = sheets.SheetError  # the file as a whole cannot be read


@dataclass
class PayResult:
    rows: list[tuple[int, Person, str, Decimal]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def template_bytes() -> bytes:
    return sheets.template_bytes("月度绩效", COLUMNS, [["0201", "", "张三", "2026-07", 4000]],
                                 notes={"工号": "工号与账号填一项即可；都填时须为同一人", "账号": "选填（无工号时填写）"})


def parse_amount(text: str) -> tuple[Decimal | None, str]:
    """A month's pay in yuan: (amount, "") or (None, the Chinese reason). Range and precision are checked before
    anything is stored: 999999999999 is refused with a message, not a database error."""
    try:
        amount = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        return None, "当月绩效须为不小于 0、最多两位小数的金额"
    if not amount.is_finite() or amount < 0:
        return None, "当月绩效须为不小于 0、最多两位小数的金额"
    if amount > MAX_PAY:
        return None, f"当月绩效 {text} 元超出范围（0 至 {MAX_PAY:,.2f} 元），请核对"
    if amount != amount.quantize(Decimal("0.01")):
        return None, "当月绩效须为不小于 0、最多两位小数的金额"
    return amount.quantize(Decimal("0.01")), ""


def _person_of(values: dict, by_number: dict, by_username: dict) -> tuple[Person | None, str]:
    """The row's person: by 工号, else by 账号; both given must name the same person."""
    number, username = values["工号"], values["账号"]
    if not number and not username:
        return None, "“工号”或“账号”须填写一项"
    person = by_number.get(number) if number else None
    if number and person is None:
        return None, f"工号“{number}”不存在"
    if username:
        named = by_username.get(username)
        if named is None:
            return None, f"账号“{username}”不存在"
        if person is not None and named.pk != person.pk:
            return None, f"工号“{number}”（{person.name}）与账号“{username}”（{named.name}）不是同一人"
        person = named
    return person, ""


def parse_pay(data: bytes, unit: Unit) -> PayResult:
    body = sheets.read_sheet(data, COLUMNS, max_rows=MAX_ROWS, optional=KEYS)
    staff = list(Person.objects.filter(unit=unit).select_related("user"))
    by_username = {p.user.username: p for p in staff}
    by_number = {p.employee_number: p for p in staff if p.employee_number}
    result = PayResult()
    seen: dict[tuple[int, str], int] = {}
    for number, values in body:
        problems = [f"“{name}”不能为空" for name in ("月份", "当月绩效（元）") if not values[name]]
        person, problem = _person_of(values, by_number, by_username)
        if problem:
            problems.append(problem)
        elif person is not None and values["姓名"] and values["姓名"] != person.name:
            problems.append(f"姓名“{values['姓名']}”与{'工号' if values['工号'] else '账号'}对应的“{person.name}”不符")
        month = values["月份"][:7] if re.match(r"^\d{4}-\d{2}-\d{2}", values["月份"]) else values["月份"]
        if month and not MONTH_RE.match(month):
            problems.append("月份须为 YYYY-MM")
        if person is not None and month:
            key = (person.pk, month)
            if key in seen:
                problems.append(f"与第 {seen[key]} 行重复")
            seen.setdefault(key, number)
        amount = None
        if values["当月绩效（元）"]:
            amount, problem = parse_amount(values["当月绩效（元）"])
            if problem:
                problems.append(problem)
        if problems:
            result.errors.append((number, "；".join(problems)))
            continue
        result.rows.append((number, person, month, amount))
    if not body:
        result.errors.append((2, "没有可导入的数据行"))
    return result


@transaction.atomic(durable=True)
def do_import_pay(result: PayResult, *, unit: Unit, actor) -> int:
    """Store every row (a month already imported is updated), then recompute the affected years."""
    if not result.ok:
        raise ValidationError("文件有错误，未导入任何数据。")
    if any(person.unit_id != unit.pk for _, person, _, _ in result.rows) or unit_of(actor).pk != unit.pk:
        raise ValidationError("只能导入本单位人员的月度绩效。")
    for _, person, month, amount in result.rows:
        PerformancePay.objects.update_or_create(person=person, month=month, defaults={"amount": amount})
    record("errors.pay.import", actor=actor, kind=AuditKind.IMPORT, object_type="org.unit", object_id=str(unit.pk),
           object_repr=unit.name, changes={"rows": len(result.rows), "months": sorted({r[2] for r in result.rows})})
    for year in sorted({int(r[2][:4]) for r in result.rows}):
        recompute_ledger(year, unit, actor=actor)
    return len(result.rows)


EXPORT_COLUMNS = ["姓名", "科室", "月份", "扣罚金额（元）", "类型", "差错条款", "依据", "说明"]


def month_entries(month: str, unit: Unit):
    return LedgerEntry.objects.of_unit(unit).active().in_month(month).with_related().order_by(
        "person__department__order", "person__rank", "person_id", "id")


@transaction.atomic(durable=True)
def do_export_month(month: str, unit: Unit, *, actor) -> bytes:
    """``unit``'s deductions of the month in the shape 绩效办 hands to finance; the export is audited."""
    lines = []
    for entry in month_entries(month, unit):
        basis = entry.basis or {}
        lines.append([entry.person.name, entry.person.department.name, entry.month, entry.amount,
                      entry.get_kind_display(), entry.error.clause.code,
                      f"{basis.get('rule', '')} 第{basis.get('ordinal', '')}次 {basis.get('explanation', '')}".strip(),
                      entry.explanation])
    rows = len(lines)
    wb = sheets.export_workbook(f"{month} 绩效扣罚", EXPORT_COLUMNS, lines)
    record("errors.ledger.export", actor=actor, kind=AuditKind.EXPORT, object_type="errors.ledger",
           object_id=f"{unit.pk}:{month}", object_repr=f"{unit.name} {month} 绩效扣罚台账",
           changes={"unit": unit.pk, "month": month, "rows": rows})
    return sheets.workbook_bytes(wb)
