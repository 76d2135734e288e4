"""The monthly report to the 院长办公会 (issue 9 item 8c): the month's errors by department, area and clause with the
amounts, the trend against the previous months, and the cases awaiting the meeting's grading (二.2 待院长办公会议研究
界定) as an agenda list — on screen (charts as inline SVG, each with its table) and as .docx (the
tables carry a bar per row).

:func:`month_report` reads the leads a reader may see; :func:`chart` and :func:`render_docx` are pure.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, Sum

from zeroerror.core.svgchart import Series, bar_chart
from zeroerror.errors.models import LeadStatus, LedgerEntry, Severity
from zeroerror.errors.reports import money
from zeroerror.tracking.models import Area

TREND_MONTHS = 6


@dataclass
class Line:
    label: str
    count: int = 0
    serious: int = 0
    amount: Decimal = Decimal("0.00")


@dataclass
class MonthReport:
    month: str
    total: int = 0
    serious: int = 0
    amount: Decimal = Decimal("0.00")
    by_department: list[Line] = field(default_factory=list)
    by_area: list[Line] = field(default_factory=list)
    by_clause: list[Line] = field(default_factory=list)
    trend: list[Line] = field(default_factory=list)  # the previous months and this one, oldest first
    agenda: list = field(default_factory=list)  # leads awaiting the meeting's grading


def previous_months(month: str, n: int) -> list[str]:
    year, mon = int(month[:4]), int(month[5:])
    out = []
    for _ in range(n):
        out.append(f"{year:04d}-{mon:02d}")
        year, mon = (year - 1, 12) if mon == 1 else (year, mon - 1)
    return out[::-1]


def _lines(errors, entries, key: str, entry_key: str, label_of) -> list[Line]:
    lines: dict[str, Line] = {}
    for row in errors.values(key).annotate(n=Count("id"), s=Count("id", filter=Q(severity=Severity.SERIOUS))):
        lines[str(row[key])] = Line(label_of(row[key]), row["n"], row["s"])
    for row in entries.values(entry_key).annotate(a=Sum("amount")).order_by():
        lines.setdefault(str(row[entry_key]), Line(label_of(row[entry_key]))).amount = money(row["a"])
    return sorted(lines.values(), key=lambda li: (-li.count, -li.amount, li.label))


def month_report(visible_leads, month: str) -> MonthReport:
    year, mon = int(month[:4]), int(month[5:])
    errors = visible_leads.filter(status=LeadStatus.CONFIRMED, confirmed_on__year=year, confirmed_on__month=mon)
    entries = LedgerEntry.objects.active().filter(error__in=visible_leads, month=month)
    report = MonthReport(month)
    report.total = errors.count()
    report.serious = errors.filter(severity=Severity.SERIOUS).count()
    report.amount = money(entries.aggregate(s=Sum("amount"))["s"])
    names = dict(visible_leads.values_list("department_id", "department__name").distinct().order_by())
    report.by_department = _lines(errors, entries, "department_id", "error__department_id",
                                  lambda k: names.get(k, "—"))
    areas = dict(Area.choices)
    report.by_area = _lines(errors, entries, "clause__area", "error__clause__area", lambda k: areas.get(k, k))
    report.by_clause = _lines(errors, entries, "clause__code", "error__clause__code", str)
    months = previous_months(month, TREND_MONTHS)
    first = months[0]
    end = date(year + 1, 1, 1) if mon == 12 else date(year, mon + 1, 1)
    counts = {month_of_row(r): r["n"] for r in visible_leads.filter(
        status=LeadStatus.CONFIRMED, confirmed_on__gte=date(int(first[:4]), int(first[5:]), 1), confirmed_on__lt=end)
        .values("confirmed_on__year", "confirmed_on__month").annotate(n=Count("id")).order_by()}
    amounts = {r["month"]: money(r["a"]) for r in LedgerEntry.objects.active().filter(
        error__in=visible_leads, month__in=months).values("month").annotate(a=Sum("amount")).order_by()}
    report.trend = [Line(f"{int(m[5:])}月", counts.get(m, 0), 0, amounts.get(m, Decimal("0.00"))) for m in months]
    report.agenda = list(visible_leads.filter(status=LeadStatus.CONFIRMED, severity=Severity.UNDETERMINED)
                         .select_related("person", "department", "clause").order_by("confirmed_on", "id"))
    return report


def month_of_row(row) -> str:
    return f"{row['confirmed_on__year']:04d}-{row['confirmed_on__month']:02d}"


def chart(lines: list[Line], *, title: str, series: str = "差错（起）", value=lambda li: li.count) -> str:
    """A horizontal bar chart of ``lines`` as inline SVG (core.svgchart); the table beside it carries the same
    figures for screen readers and print."""
    return bar_chart([li.label[:12] for li in lines], [Series(series, [value(li) for li in lines])], label=title)


def text_bar(value, top, width: int = 12) -> str:
    """A bar of ``width`` blocks at ``top`` (the .docx chart: it prints and reads back in any word processor, no
    image library); at least one block for any value above nothing."""
    if not value or not top:
        return ""
    return "█" * max(1, round(width * float(value) / float(top)))


def render_docx(report: MonthReport, unit_name: str) -> bytes:
    """The report as .docx: headings, the figures as tables (what the meeting reads) with a bar per row as the chart,
    the agenda list."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(12)
    year, mon = report.month[:4], int(report.month[5:])
    doc.add_heading(f"{unit_name}{year}年{mon}月差错考核情况报告", level=1)
    doc.add_paragraph(f"本月认定差错 {report.total} 起，其中严重差错 {report.serious} 起；"
                      f"本月台账扣罚合计 {report.amount} 元。（提交院长办公会议）")

    def fill(cells, texts) -> None:
        for cell, text in zip(cells, texts, strict=True):
            cell.text = text
            if text.startswith("█"):  # the bar: small enough to stay on one line of its column
                cell.paragraphs[0].runs[0].font.size = Pt(7)

    def table(title: str, lines: list[Line], first: str) -> None:
        doc.add_heading(title, level=2)
        if not lines:
            doc.add_paragraph("无。")
            return
        top = max(li.count for li in lines)
        t = doc.add_table(rows=1, cols=5)
        t.style = "Table Grid"
        fill(t.rows[0].cells, (first, "差错（起）", "其中严重（起）", "扣罚（元）", "件数图示"))
        for li in lines:
            fill(t.add_row().cells, (li.label, str(li.count), str(li.serious), str(li.amount), text_bar(li.count, top)))

    table("一、按科室", report.by_department, "科室")
    table("二、按领域", report.by_area, "领域")
    table("三、按条款", report.by_clause, "条款")
    doc.add_heading(f"四、近{len(report.trend)}个月趋势", level=2)
    t = doc.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    fill(t.rows[0].cells, ("月份", "差错（起）", "扣罚（元）", "件数图示", "金额图示"))
    top_count = max((li.count for li in report.trend), default=0)
    top_amount = max((li.amount for li in report.trend), default=0)
    for li in report.trend:
        fill(t.add_row().cells, (li.label, str(li.count), str(li.amount), text_bar(li.count, top_count),
                                 text_bar(li.amount, top_amount)))
    doc.add_heading("五、提请院长办公会议研究界定的差错", level=2)
    if not report.agenda:
        doc.add_paragraph("无。")
    for i, lead in enumerate(report.agenda, 1):
        doc.add_paragraph(f"{i}. 差错线索 #{lead.pk}：{lead.department.name}{lead.person.name}，"
                          f"{lead.clause.code} {lead.clause.title}；{lead.description}")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()

