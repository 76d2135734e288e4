"""The forms an office prints (issue 9): the 接待方案 and the 接待审批单 (公务接待审批单 with the 公务接待清单 figures), as
.docx (``zeroerror.core.printdocx``: A4, 仿宋/黑体 with fallbacks) and as PDF rendered from that .docx by LibreOffice."""

from __future__ import annotations

from django.utils import timezone

from zeroerror.core.printdocx import PdfUnavailable, document, docx_bytes, heading, para, table, title, to_pdf
from zeroerror.reception.models import GuestReport, ReceptionPlan

__all__ = ["PdfUnavailable", "approval_docx", "plan_docx", "to_pdf"]


def _t(moment) -> str:
    return f"{timezone.localtime(moment):%Y年%m月%d日 %H:%M}" if moment else ""


def plan_docx(plan: ReceptionPlan) -> bytes:
    r = plan.report
    doc = document()
    title(doc, plan.title, f"{r.unit.name} · {plan.get_status_display()}"
          + (f" · {plan.approved_by.name}批准于{_t(plan.approved_at)}" if plan.approved_at else ""))
    heading(doc, "一、来宾基本情况")
    table(doc, None, [
        ["来宾单位", r.guest_unit, "带队人", r.lead_guest],
        ["来宾人数", f"{r.guest_count}人", "接待级别", r.standard.level],
        ["抵达时间", _t(r.arrive_at), "离开时间", _t(r.depart_at)],
        ["对方联系人", f"{r.contact_name} {r.contact_phone}", "公函", r.letter_ref or "未登记"],
        ["来访事由", r.purpose, "特殊需求", r.special_needs or "无"],
    ], [2.8, 5.5, 2.8, 5.5])
    heading(doc, "二、日程安排")
    rows = []
    for s in plan.slots.current().prefetch_related("people"):
        rows.append([f"{timezone.localtime(s.start_at):%m月%d日 %H:%M}—{timezone.localtime(s.end_at):%H:%M}",
                     s.activity + ("（考察点）" if s.is_stop else ""), s.place or "（未定）",
                     "、".join(p.name for p in s.people.all()) or "（未定）", s.vehicle or "—"])
    table(doc, ["时间", "活动内容", "地点", "陪同/负责人员", "车辆"], rows or [["", "（无）", "", "", ""]],
          [3.6, 4.2, 3.4, 3.6, 1.8])
    heading(doc, "三、食宿安排与经费预算")
    table(doc, None, [
        ["工作餐", f"{plan.meals}次，{plan.meal_per_person}元/人/餐，陪餐{plan.accompanying}人", "用餐安排",
         plan.meals_note or "—"],
        ["住宿", f"{plan.room_nights}间夜，{plan.room_per_night}元/间/晚", "住宿安排", plan.accommodation or "—"],
        ["其他费用", f"{plan.other_cost}元", "经费预算", f"{plan.budget}元"],
    ], [2.8, 5.5, 2.8, 5.5])
    if plan.special_approval_id:
        sa = plan.special_approval
        para(doc, f"超标准特别批准：{sa.approved_by.name}（{_t(sa.approved_at)}）：{sa.reason}")
    heading(doc, "四、礼仪及特殊需求")
    table(doc, ["事项", "要求", "落实"], [[e.topic, e.requirement or "—", "已落实" if e.arranged else "待落实"]
                                      for e in plan.etiquette.all()], [3, 11, 2.6])
    if plan.etiquette_reported_at:
        para(doc, f"已于{_t(plan.etiquette_reported_at)}报告{plan.etiquette_reported_to.name}。")
    heading(doc, "五、工作分工")
    para(doc, f"主持领导：{plan.presiding_leader.name if plan.presiding_leader else '（未定）'}；承办人："
              f"{r.handler.name}（{r.handler.department.name}）；拟稿：{plan.drafted_by.name} {_t(plan.drafted_at)}")
    if plan.notes:
        para(doc, f"其他事项：{plan.notes}")
    return docx_bytes(doc)


def approval_docx(report: GuestReport) -> bytes:
    """公务接待审批单: the reception as approved, with the 公务接待清单 figures once the bill is in."""
    plan = getattr(report, "plan", None) if hasattr(report, "plan") else None
    bill = report.bills.filter(superseded_by__isnull=True).first()
    doc = document()
    title(doc, "公务接待审批单", report.unit.name)
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
    table(doc, None, rows, [3, 6, 2.6, 5])
    heading(doc, "审批意见")
    specials = list(report.special_approvals.select_related("approved_by"))
    lines = []
    if plan is not None and plan.approved_at:
        lines.append(f"同意。{plan.approved_by.name}  {_t(plan.approved_at)}")
    for sa in specials:
        lines.append(f"超标准特别批准：{sa.reason}（工作餐{sa.meal_per_person}元/人/餐，住宿{sa.room_per_night}元/间/晚，"
                     f"陪餐{sa.accompanying}人）{sa.approved_by.name}  {_t(sa.approved_at)}")
    for line in lines or ["（待领导审批）"]:
        para(doc, line)
    para(doc, "")
    para(doc, f"经办人：{report.handler.name}        登记：{report.registered_by.name} {_t(report.received_at)}")
    return docx_bytes(doc)
