"""资料档案 of a reception (clause 一(三)8) as one .zip with an index: the 客情, the plan (.docx) and the 审批单, the site
checks and route changes, the etiquette report, the bill against the standard, and every filed file."""

from __future__ import annotations

import io
import zipfile

from django.utils import timezone

from zeroerror.attachments import storage
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditRecord
from zeroerror.reception.actions import bill_check
from zeroerror.reception.models import GuestReport, SiteCheck
from zeroerror.reception.printouts import approval_docx, plan_docx


def _t(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}" if moment else ""


def _report_text(r: GuestReport) -> str:
    lines = [f"来宾单位：{r.guest_unit}", f"带队人：{r.lead_guest}", f"人数：{r.guest_count}", f"来宾名单：\n{r.guest_list}",
             f"来访事由：{r.purpose}", f"抵达：{_t(r.arrive_at)}  离开：{_t(r.depart_at)}",
             f"联系人：{r.contact_name} {r.contact_phone}", f"特殊需求：{r.special_needs or '无'}",
             f"公函：{r.letter_ref or '未登记'}", f"接待级别：{r.standard.level}",
             f"收到：{_t(r.received_at)}（{r.source or '未注明'}），登记人：{r.registered_by.name}",
             f"承办人：{r.handler.name}", f"状态：{r.get_status_display()}"]
    if r.arranged_at:
        lines.append(f"接待安排（{_t(r.arranged_at)}）：{r.arrangement}")
    lines.append("\n操作记录：")
    lines += [f"{_t(rec.at)} {rec.actor_name} {rec.action}" for rec in AuditRecord.objects.for_object(r)]
    return "\n".join(lines)


def _route_text(plan) -> str:
    lines = ["实地查验："]
    checks = SiteCheck.objects.filter(slot__plan=plan).select_related("slot", "checked_by").order_by("checked_at")
    lines += [f"  {c.slot.activity}（{c.slot.place}）：{c.checked_by.name} {_t(c.checked_at)} 实测车程{c.travel_minutes}分钟 "
              f"{c.notes}" for c in checks] or ["  无"]
    lines.append("线路变更：")
    for c in plan.route_changes.select_related("requested_by", "decided_by"):
        lines.append(f"  {_t(c.requested_at)} {c.requested_by.name}提出{c.get_kind_display()}：{c.reason}；"
                     f"{c.get_status_display()}{'（' + c.decided_by.name + ' ' + _t(c.decided_at) + '）' if c.decided_by else ''}")
        lines.append(f"    变更前：{c.before or '—'}\n    变更后：{ {k: v for k, v in c.after.items() if k != 'people_ids'} or '—'}")
    lines.append("礼仪及特殊需求：")
    lines += [f"  {e.topic}：{e.requirement or '—'}（{'已落实' if e.arranged else '待落实'}）" for e in plan.etiquette.all()]
    lines.append(f"  报告领导：{plan.etiquette_reported_to.name + ' ' + _t(plan.etiquette_reported_at) if plan.etiquette_reported_at else '未报告'}")
    return "\n".join(lines)


def _bills_text(r: GuestReport) -> str:
    lines = []
    for b in r.bills.select_related("recorded_by", "special_approval__approved_by"):
        lines.append(f"{_t(b.recorded_at)} {b.recorded_by.name}：来宾{b.guests}人，陪餐{b.accompanying}人，工作餐{b.meals}次，"
                     f"餐费{b.meal_total}元，住宿{b.room_nights}间夜{b.room_total}元，其他{b.other_total}元，合计{b.total}元，"
                     f"发票{b.invoice_ref}{'（更正#' + str(b.supersedes_id) + '）' if b.supersedes_id else ''} {b.note}")
        excess = bill_check(b)
        lines.append("  标准核对：" + ("符合接待标准" if not excess else "；".join(excess) + (
            f"（依据{b.special_approval.approved_by.name}的特别批准）" if b.special_approval_id else "")))
    for a in r.over_attempts.select_related("person"):
        lines.append(f"{_t(a.at)} {a.person.name} 超标准结算未获批准被拒：{'；'.join(a.excesses)}")
    return "\n".join(lines) or "无"


def build_dossier(report: GuestReport) -> bytes:
    plan = getattr(report, "plan", None) if hasattr(report, "plan") else None
    files: list[tuple[str, bytes, str]] = [("01-客情.txt", _report_text(report).encode(), "客情登记、交办及操作记录")]
    if plan is not None:
        files.append(("02-接待方案.docx", plan_docx(plan), f"接待方案（{plan.get_status_display()}）"))
        files.append(("04-实地查验与线路变更.txt", _route_text(plan).encode(), "实地查验、线路变更、礼仪及特殊需求"))
    files.append(("03-接待审批单.docx", approval_docx(report), "公务接待审批单"))
    files.append(("05-结算与标准核对.txt", _bills_text(report).encode(), "实际结算、标准核对、超标准记录"))
    for n, a in enumerate(Attachment.objects.for_owner(report).order_by("uploaded_at", "id"), 1):
        files.append((f"资料/{n:02d}-{a.purpose or '其他'}-{a.original_name}", storage.read(a.stored_name),
                      f"{a.purpose}，{a.uploaded_by.name if a.uploaded_by else ''}上传于{_t(a.uploaded_at)}"))
    index = [f"{report}接待档案", f"生成时间：{_t(timezone.now())}", ""]
    index += [f"{name}\t{desc}" for name, _data, desc in sorted(files)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("00-索引.txt", "\n".join(index).encode())
        for name, data, _desc in files:
            z.writestr(name, data)
    return buf.getvalue()
