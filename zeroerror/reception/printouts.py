"""The forms an office prints (issue 9): the 接待方案 and the 接待审批单 (公务接待审批单 with the 公务接待清单 figures), as
.docx (python-docx, A4, 仿宋/黑体 with fallbacks) and as PDF rendered from that .docx by LibreOffice."""

from __future__ import annotations

import io

from django.conf import settings
from django.utils import timezone
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from zeroerror.documents.pdf import PdfUnavailable, convert_to_pdf, find_soffice
from zeroerror.reception.models import GuestReport, ReceptionPlan

__all__ = ["PdfUnavailable", "approval_docx", "plan_docx", "to_pdf"]

BODY_FONT, TITLE_FONT = "仿宋", "黑体"


def _t(moment) -> str:
    return f"{timezone.localtime(moment):%Y年%m月%d日 %H:%M}" if moment else ""


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.bold = bold
    rpr = run._element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _document() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = BODY_FONT, Pt(12)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    return doc


def _title(doc, text: str, sub: str = "") -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(p.add_run(text), TITLE_FONT, 18, bold=True)
    if sub:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(p.add_run(sub), BODY_FONT, 12)


def _heading(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(8)
    _font(p.add_run(text), TITLE_FONT, 14, bold=True)


def _para(doc, text: str) -> None:
    p = doc.add_paragraph()
    _font(p.add_run(text), BODY_FONT, 12)


def _table(doc, header: list[str] | None, rows: list[list[str]], widths: list[float] | None = None):
    table = doc.add_table(rows=0, cols=len(rows[0] if rows else header), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, values in enumerate(([header] if header else []) + rows):
        cells = table.add_row().cells
        for j, value in enumerate(values):
            cells[j].text = ""
            _font(cells[j].paragraphs[0].add_run(str(value)), TITLE_FONT if header and i == 0 else BODY_FONT, 11,
                  bold=bool(header and i == 0))
            if widths:
                cells[j].width = Cm(widths[j])
    return table


def _bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def plan_docx(plan: ReceptionPlan) -> bytes:
    r = plan.report
    doc = _document()
    _title(doc, plan.title, f"{r.unit.name} · {plan.get_status_display()}"
           + (f" · {plan.approved_by.name}批准于{_t(plan.approved_at)}" if plan.approved_at else ""))
    _heading(doc, "一、来宾基本情况")
    _table(doc, None, [
        ["来宾单位", r.guest_unit, "带队人", r.lead_guest],
        ["来宾人数", f"{r.guest_count}人", "接待级别", r.standard.level],
        ["抵达时间", _t(r.arrive_at), "离开时间", _t(r.depart_at)],
        ["对方联系人", f"{r.contact_name} {r.contact_phone}", "公函", r.letter_ref or "未登记"],
        ["来访事由", r.purpose, "特殊需求", r.special_needs or "无"],
    ], [2.8, 5.5, 2.8, 5.5])
    _heading(doc, "二、日程安排")
    rows = []
    for s in plan.slots.current().prefetch_related("people"):
        rows.append([f"{timezone.localtime(s.start_at):%m月%d日 %H:%M}—{timezone.localtime(s.end_at):%H:%M}",
                     s.activity + ("（考察点）" if s.is_stop else ""), s.place or "（未定）",
                     "、".join(p.name for p in s.people.all()) or "（未定）", s.vehicle or "—"])
    _table(doc, ["时间", "活动内容", "地点", "陪同/负责人员", "车辆"], rows or [["", "（无）", "", "", ""]],
           [3.6, 4.2, 3.4, 3.6, 1.8])
    _heading(doc, "三、食宿安排与经费预算")
    _table(doc, None, [
        ["工作餐", f"{plan.meals}次，{plan.meal_per_person}元/人/餐，陪餐{plan.accompanying}人", "用餐安排",
         plan.meals_note or "—"],
        ["住宿", f"{plan.room_nights}间夜，{plan.room_per_night}元/间/晚", "住宿安排", plan.accommodation or "—"],
        ["其他费用", f"{plan.other_cost}元", "经费预算", f"{plan.budget}元"],
    ], [2.8, 5.5, 2.8, 5.5])
    if plan.special_approval_id:
        sa = plan.special_approval
        _para(doc, f"超标准特别批准：{sa.approved_by.name}（{_t(sa.approved_at)}）：{sa.reason}")
    _heading(doc, "四、礼仪及特殊需求")
    _table(doc, ["事项", "要求", "落实"], [[e.topic, e.requirement or "—", "已落实" if e.arranged else "待落实"]
                                       for e in plan.etiquette.all()], [3, 11, 2.6])
    if plan.etiquette_reported_at:
        _para(doc, f"已于{_t(plan.etiquette_reported_at)}报告{plan.etiquette_reported_to.name}。")
    _heading(doc, "五、工作分工")
    _para(doc, f"主持领导：{plan.presiding_leader.name if plan.presiding_leader else '（未定）'}；承办人："
               f"{r.handler.name}（{r.handler.department.name}）；拟稿：{plan.drafted_by.name} {_t(plan.drafted_at)}")
    if plan.notes:
        _para(doc, f"其他事项：{plan.notes}")
    return _bytes(doc)


def approval_docx(report: GuestReport) -> bytes:
    """公务接待审批单: the reception as approved, with the 公务接待清单 figures once the bill is in."""
    plan = getattr(report, "plan", None) if hasattr(report, "plan") else None
    bill = report.bills.filter(superseded_by__isnull=True).first()
    doc = _document()
    _title(doc, "公务接待审批单", report.unit.name)
    rows = [
        ["接待对象单位", report.guest_unit, "来宾人数", f"{report.guest_count}人"],
        ["带队人及职务", report.lead_guest, "接待级别", report.standard.level],
        ["公函", report.letter_ref or "未登记", "承办人", report.handler.name],
        ["公务活动项目", report.purpose, "时间", f"{_t(report.arrive_at)}至{_t(report.depart_at)}"],
    ]
    if plan is not None:
        places = "、".join(dict.fromkeys(s.place for s in plan.slots.current() if s.place))
        rows += [
            ["活动场所", places or "—", "陪餐人数", f"{plan.accompanying}人"],
            ["工作餐标准", f"{plan.meal_per_person}元/人/餐 × {plan.meals}次", "住宿标准",
             f"{plan.room_per_night}元/间/晚 × {plan.room_nights}间夜"],
            ["经费预算", f"{plan.budget}元", "接待标准",
             f"{report.standard.meal_per_person}元/人/餐；{report.standard.room_per_night}元/间/晚"],
        ]
    if bill is not None:
        rows += [
            ["实际费用", f"餐费{bill.meal_total}元，住宿{bill.room_total}元，其他{bill.other_total}元，合计{bill.total}元",
             "发票号", bill.invoice_ref],
        ]
    _table(doc, None, rows, [3, 6, 2.6, 5])
    _heading(doc, "审批意见")
    specials = list(report.special_approvals.select_related("approved_by"))
    lines = []
    if plan is not None and plan.approved_at:
        lines.append(f"同意。{plan.approved_by.name}  {_t(plan.approved_at)}")
    for sa in specials:
        lines.append(f"超标准特别批准：{sa.reason}（工作餐{sa.meal_per_person}元/人/餐，住宿{sa.room_per_night}元/间/晚，"
                     f"陪餐{sa.accompanying}人）{sa.approved_by.name}  {_t(sa.approved_at)}")
    for line in lines or ["（待领导审批）"]:
        _para(doc, line)
    _para(doc, "")
    _para(doc, f"经办人：{report.handler.name}        登记：{report.registered_by.name} {_t(report.received_at)}")
    return _bytes(doc)


def to_pdf(name: str, docx: bytes) -> bytes:
    """The PDF of a .docx (LibreOffice); :class:`PdfUnavailable` with a Chinese message when it cannot be made."""
    soffice = find_soffice(getattr(settings, "ZEROERROR_SOFFICE", "soffice"))
    return convert_to_pdf({f"{name}.docx": docx}, soffice=soffice)[f"{name}.pdf"]
