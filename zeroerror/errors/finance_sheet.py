"""The month's deductions for the 财务科 (issue 9 item 8d): a workbook finance uses without retyping.

* 汇总: one row per person with a deduction — 工号, 姓名, 科室, the month's total — sorted by department; no 0.00
  rows (a deduction and its reversal in the same month cancel out and are left off);
* 明细: a line per deduction — 工号, 姓名, 科室, the error, its clause, the liability, the amount and why;
* both say whether the figures are final (the month is closed) or a draft, and the 汇总 ends with the signature
  block of the 绩效办负责人 and the 分管领导 in charge of the 绩效办.

Formula injection: every text cell that starts with = + - @ is written as text (``core.sheets.append_row``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.core import sheets
from zeroerror.errors.models import LedgerMonth, Liability
from zeroerror.errors.payroll import month_entries
from zeroerror.org.models import LeaderCharge, Person, Unit
from zeroerror.org.roles import Role

ZERO = Decimal("0.00")
SUMMARY_COLUMNS = ["序号", "工号", "姓名", "科室", "本月扣罚合计（元）"]
DETAIL_COLUMNS = ["工号", "姓名", "科室", "差错编号", "违反条款", "责任类型", "类型", "金额（元）", "依据"]
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


@dataclass
class PersonTotal:
    person: Person
    total: Decimal = ZERO
    lines: list = field(default_factory=list)


def person_totals(month: str, unit: Unit) -> list[PersonTotal]:
    """Each person's active entries of the month, with their total; people whose total is 0.00 and lines of 0.00
    are left out."""
    totals: dict[int, PersonTotal] = {}
    for entry in month_entries(month, unit):
        row = totals.setdefault(entry.person_id, PersonTotal(entry.person))
        row.total += entry.amount
        if entry.amount:
            row.lines += [entry]
    return [t for t in totals.values() if t.total.quantize(Decimal("0.01")) != ZERO]


def status_text(month: str, unit: Unit) -> tuple[bool, str]:
    """(final, the mark): 定稿 once the month is closed, 草稿 before."""
    row = LedgerMonth.objects.of_unit(unit).filter(month=month, closed_at__isnull=False).first()
    if row is not None:
        return True, f"定稿（{timezone.localtime(row.closed_at):%Y-%m-%d} 已关账）"
    return False, "草稿（本月尚未关账，数字可能变动，不作发放依据）"


def signers(unit: Unit) -> tuple[str, str]:
    """The names for the signature block: the 绩效办负责人 and the 分管领导 of the 绩效办's department ("" if none)."""
    head = (Person.objects.active().with_role(Role.PERFORMANCE_HEAD).filter(unit=unit).select_related("department")
            .order_by("rank", "id").first())
    leader = ""
    if head is not None:
        charge = LeaderCharge.objects.current().filter(department_id=head.department_id).select_related("leader").first()
        leader = charge.leader.name if charge else ""
    return (head.name if head else ""), leader


def _title(ws, text: str, mark: str, width: int) -> None:
    sheets.append_row(ws, [text])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    sheets.append_row(ws, [mark])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws["A2"].font = Font(bold=True, color="C00000" if mark.startswith("草稿") else "000000")


def _header(ws, columns) -> None:
    sheets.append_row(ws, columns)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.border = BOX


def build_workbook(month: str, unit: Unit) -> tuple[Workbook, dict]:
    final, mark = status_text(month, unit)
    people = person_totals(month, unit)
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    _title(ws, f"{unit.name} {month[:4]}年{int(month[5:])}月 绩效扣罚汇总表", mark, len(SUMMARY_COLUMNS))
    _header(ws, SUMMARY_COLUMNS)
    total = ZERO
    for n, row in enumerate(people, start=1):
        p = row.person
        sheets.append_row(ws, [n, p.employee_number, p.name, p.department.name, row.total])
        total += row.total
    sheets.append_row(ws, ["合计", "", f"{len(people)} 人", "", total])
    for r in ws.iter_rows(min_row=4, max_row=ws.max_row):
        for cell in r:
            cell.border = BOX
        r[-1].number_format = "#,##0.00"
    ws[ws.max_row][0].font = Font(bold=True)
    ws[ws.max_row][-1].font = Font(bold=True)
    head, leader = signers(unit)
    sheets.append_row(ws, [])
    sheets.append_row(ws, [f"绩效办负责人（签字）：{head}", "", "", f"分管领导（签字）：{leader}"])
    sheets.append_row(ws, ["日期：      年    月    日", "", "", "日期：      年    月    日"])
    for column, width in zip("ABCDE", (8, 12, 12, 22, 20), strict=True):
        ws.column_dimensions[column].width = width

    detail = wb.create_sheet("明细")
    _title(detail, f"{unit.name} {month[:4]}年{int(month[5:])}月 绩效扣罚明细", mark, len(DETAIL_COLUMNS))
    _header(detail, DETAIL_COLUMNS)
    lines = 0
    for row in people:
        for entry in row.lines:
            p, basis = entry.person, entry.basis or {}
            sheets.append_row(detail, [
                p.employee_number, p.name, p.department.name,
                f"#{entry.error_id}", entry.error.clause.code, Liability(entry.liability).label
                if entry.liability in Liability.values else entry.liability, entry.get_kind_display(), entry.amount,
                " ".join(x for x in (basis.get("rule", ""), basis.get("explanation", ""), entry.explanation) if x),
            ])
            detail[detail.max_row][7].number_format = "#,##0.00"
            lines += 1
    for column, width in zip("ABCDEFGHI", (10, 10, 12, 10, 10, 16, 8, 12, 60), strict=True):
        detail.column_dimensions[column].width = width
    return wb, {"final": final, "people": len(people), "lines": lines, "total": total}


@transaction.atomic(durable=True)
def do_export_finance_sheet(month: str, unit: Unit, *, actor) -> bytes:
    """The finance workbook of ``unit``'s month; the export is audited."""
    wb, summary = build_workbook(month, unit)
    record("errors.ledger.finance_export", actor=actor, kind=AuditKind.EXPORT, object_type="errors.ledger",
           object_id=f"{unit.pk}:{month}", object_repr=f"{unit.name} {month} 绩效扣罚汇总表（财务）",
           changes={"unit": unit.pk, "month": month, **summary})
    return sheets.workbook_bytes(wb)

