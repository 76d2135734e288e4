"""一会一档 (clause 一(二)13): the meeting's dossier as one .zip with an index — plan and approval, notice, replies and
sign-in, seating chart and name cards, pre-meeting checks, minutes, each decision's follow-up, and the filed
materials, recordings, photos and leaders' instructions."""

from __future__ import annotations

import csv
import io
import zipfile

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from zeroerror.attachments import storage
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditRecord
from zeroerror.core.access import person_of
from zeroerror.core.sheets import safe_csv_row
from zeroerror.meetings import access, actions
from zeroerror.meetings.models import Meeting
from zeroerror.meetings.pdf import CardSpec, ChartInfo, name_cards_pdf, plan_card_names, seating_chart_pdf


def _t(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}" if moment else ""


def _plan_text(meeting: Meeting) -> str:
    lines = [
        f"会议名称：{meeting.title}", f"状态：{meeting.get_status_display()}",
        f"时间：{_t(meeting.start_at)} 至 {_t(meeting.end_at)}", f"地点：{meeting.room.name}",
        f"承办：{meeting.department.name} {meeting.organiser.name}", f"会议目的：{meeting.purpose}",
        f"会议议程：\n{meeting.agenda}", f"着装要求：{meeting.dress_code or '无'}", f"需携带材料：{meeting.materials_note or '无'}",
        f"经费预算：{meeting.budget} 元", f"重要会议：{'是' if meeting.important else '否'}",
        f"要求主要负责人参加：{'是' if meeting.involves_principal_heads else '否'}",
        f"报批：{_t(meeting.submitted_at)}",
    ]
    if meeting.director_checked_at:
        lines.append(f"办公室主任统一扎口把关：{meeting.director_checked_by.name} {_t(meeting.director_checked_at)}")
    if meeting.approved_at:
        lines.append(f"批准：{meeting.approved_by.name} {_t(meeting.approved_at)}")
    lines.append("\n操作记录：")
    for rec in AuditRecord.objects.for_object(meeting):
        lines.append(f"{_t(rec.at)} {rec.actor_name} {rec.action}")
    return "\n".join(lines)


def _replies_csv(meeting: Meeting) -> bytes:
    buf = io.StringIO()
    out = csv.writer(buf)
    out.writerow(safe_csv_row(["姓名", "科室", "席位", "通知时间", "回执", "代参会人员", "请假事由", "签到时间", "签到方式"]))
    for i in meeting.invitations.with_people():
        seat = "主持人" if i.is_host else ("主席台" if i.on_podium else "")
        out.writerow(safe_csv_row([i.person.name, i.person.department.name, seat, _t(i.notified_at),
                                   i.get_reply_display(), i.deputy_name, i.absence_reason, _t(i.signed_in_at),
                                   i.get_signin_method_display()]))
    return buf.getvalue().encode("utf-8-sig")


def _notice_text(meeting: Meeting) -> str:
    lines = [f"发出时间：{_t(meeting.notice_sent_at) or '未发出'}{'（迟发）' if meeting.notice_late else ''}", "",
             actions.notice_text(meeting)]
    withdrawn = (meeting.invitations(manager="all_objects").withdrawn().filter(notified_at__isnull=False)
                 .with_people().order_by("withdrawn_at", "id"))
    if withdrawn:
        lines += ["", "已撤回通知（收到通知后移出参会人员名单）："]
        lines += [f"  {i.person.name}（{i.person.department.name}） 通知 {_t(i.notified_at)} 撤回 {_t(i.withdrawn_at)}"
                  for i in withdrawn]
    return "\n".join(lines)


def _checks_text(meeting: Meeting) -> str:
    lines = []
    for c in meeting.checklists.select_related("signed_by").order_by("signed_at", "id"):
        lines.append(f"{c.get_kind_display()} · {c.signed_by.name if c.signed_by else ''} · {_t(c.signed_at)}")
        lines += [f"  {r['item']}：{'正常' if r['ok'] else '故障 ' + r['note']}" for r in c.results]
    return "\n".join(lines) or "无"


def _decisions_text(meeting: Meeting) -> str:
    lines = []
    for n, d in enumerate(meeting.decisions.with_item(), 1):
        item = d.tracked_item
        lines.append(f"{n}. {d.text}\n   责任人：{d.owner.name}  时限：{_t(d.due_at)}  督办状态：{item.get_status_display()}")
        if item.done_at:
            lines.append(f"   办结：{_t(item.done_at)} {item.done_note}")
        for e in item.events.select_related("actor"):
            lines.append(f"   {_t(e.at)} {e.get_kind_display()} {e.actor.name if e.actor else ''} {e.text}".rstrip())
    return "\n".join(lines) or "无"


def _materials_text(meeting: Meeting) -> str:
    lines = []
    for m in meeting.materials.with_related().prefetch_related("handouts__invitation__person"):
        lines.append(f"{m.title} 第{m.version}版（{m.attachment.original_name}）每人{m.copies_per_attendee}份，"
                     f"备用{m.spare_copies}份；{'校对有错误' if m.has_errors else ('校对通过' if m.proofread else '未校对')}")
        lines += [f"  {_t(h.given_at)} {h.invitation.person.name} 领取 {h.copies} 份" for h in m.handouts.all()]
    return "\n".join(lines) or "无"


def build_dossier(meeting: Meeting) -> bytes:
    files: list[tuple[str, bytes, str]] = [
        ("01-会议方案与审批.txt", _plan_text(meeting).encode(), "会议方案、审批及操作记录"),
        ("02-会议通知.txt", _notice_text(meeting).encode(), "会议通知及撤回记录"),
        ("03-回执与签到表.csv", _replies_csv(meeting), "参会人员、回执与签到"),
        ("04-会前检查.txt", _checks_text(meeting).encode(), "会场布置与设施检查"),
        ("05-会议记录.txt", (meeting.minutes or "无").encode(), "会议记录/纪要"),
        ("06-议定事项督办.txt", _decisions_text(meeting).encode(), "议定事项及督办情况"),
        ("09-会议材料与发放.txt", _materials_text(meeting).encode(), "会议材料版本、校对与发放记录"),
    ]
    arrangement = getattr(meeting, "seating", None)
    if arrangement is not None:
        plan = actions.plan_from(arrangement)
        info = ChartInfo(meeting=meeting.title, time=_t(meeting.start_at), place=meeting.room.name)
        files.append(("07-座位表.pdf", seating_chart_pdf(plan, info), f"座位表（第{arrangement.version}版）"))
        names = plan_card_names(plan)
        if names:
            files.append(("08-席卡.pdf", name_cards_pdf(names, CardSpec()), "主席台席卡"))
    for n, a in enumerate(Attachment.objects.for_owner(meeting).order_by("uploaded_at", "id"), 1):
        files.append((f"文件/{n:02d}-{a.purpose or '其他'}-{a.original_name}", storage.read(a.stored_name),
                      f"{a.purpose}，{a.uploaded_by.name if a.uploaded_by else ''}上传于{_t(a.uploaded_at)}"))
    index = [f"{meeting.title}（{_t(meeting.start_at)}）会议档案", f"生成时间：{_t(timezone.now())}", ""]
    index += [f"{name}\t{desc}" for name, _data, desc in files]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("00-索引.txt", "\n".join(index).encode())
        for name, data, _desc in files:
            z.writestr(name, data)
    return buf.getvalue()


def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_export_dossier(person, meeting):
        raise PermissionDenied("您不能导出本会议的档案。")
    data = build_dossier(meeting)
    actions.do_record_export(meeting, "dossier", actor=request.user)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f"attachment; filename=meeting-{meeting.pk}-dossier.zip"
    return response
