"""A meeting's notice as a 公文 in the 通知 layout and its minutes as a 纪要, both rendered by the documents app's
GB/T 9704 writer (``zeroerror.documents.gbt9704``, its public ``OutgoingDocument`` and ``render_docx``).

The notice is a draft for the 发文 procedure (clause 一(一)): its 发文字号 stands as ``青医发〔2026〕×号`` — numbers
are given only by the documents app's numbering, in sequence — so the 文秘 can take it through 核稿、首读、签发.
"""

from __future__ import annotations

import re

from django.utils import timezone

from zeroerror.documents.gbt9704 import OutgoingDocument, render_docx
from zeroerror.meetings.models import Meeting, Reply

WEEKDAYS = "一二三四五六日"
NUMERALS = "一二三四五六七八九十"


def _when(meeting: Meeting) -> str:
    start, end = timezone.localtime(meeting.start_at), timezone.localtime(meeting.end_at)
    return f"{start.year}年{start.month}月{start.day}日（星期{WEEKDAYS[start.weekday()]}）{start:%H:%M}—{end:%H:%M}"


_ITEM_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．)）])\s*")


def _agenda(text: str) -> list[str]:
    """Agenda items numbered （一）（二）… under the section heading, whatever numbering the organiser typed."""
    items = [_ITEM_NUMBER.sub("", line).strip() for line in text.splitlines() if line.strip()]
    return [f"（{NUMERALS[n] if n < 10 else n + 1}）{item}" for n, item in enumerate(items)]


def notice_document(meeting: Meeting) -> OutgoingDocument:
    unit = meeting.unit
    invitations = list(meeting.invitations.with_people().order_by("person__department__order", "person__rank"))
    departments = list(dict.fromkeys(i.person.department.name for i in invitations))
    people = "；".join(
        f"{d}：{'、'.join(i.person.name for i in invitations if i.person.department.name == d)}" for d in departments)
    place = meeting.room.name + (f"（{meeting.room.location}）" if meeting.room.location else "")
    sections = [
        ("会议时间", [f"{_when(meeting)}。"]),
        ("会议地点", [f"{place}。"]),
        ("参会人员", [f"{people}。"]),
        ("会议议程", _agenda(meeting.agenda)),
    ]
    requirements = []
    if meeting.dress_code:
        requirements.append(f"着装要求：{meeting.dress_code}。")
    if meeting.materials_note:
        requirements.append(f"请携带{meeting.materials_note}。")
    if meeting.rules.strip():
        requirements.append(meeting.rules.strip())
    if meeting.reply_deadline:
        deadline = timezone.localtime(meeting.reply_deadline)
        requirements.append(f"请于{deadline.month}月{deadline.day}日{deadline:%H:%M}前在系统中回执；因故不能参加的，"
                            "须说明事由；委派他人参加的，注明代参会人员姓名。")
    if requirements:
        sections.append(("有关要求", requirements))
    body = [f"为{meeting.purpose.strip().rstrip('。')}，经研究，定于{_when(meeting)}召开{meeting.title}。"
            "现将有关事项通知如下："]
    for n, (heading, paragraphs) in enumerate(sections):
        body.append(f"{NUMERALS[n]}、{heading}")
        body.extend(paragraphs)
    contact = f"联系人：{meeting.organiser.name}" + (f"，电话：{meeting.organiser.phone}" if meeting.organiser.phone else "")
    body.append(contact + "。")
    title = meeting.title if meeting.title.startswith("关于") else f"关于召开{meeting.title}的通知"
    date = timezone.localtime(meeting.notice_sent_at or meeting.approved_at or timezone.now()).date()
    return OutgoingDocument(
        agency_mark=f"{unit.name}文件", doc_number=None, draft_number=f"{unit.code or '发'}〔{date.year}〕×号",
        title=title.rstrip("。"), body=body, signature=unit.name, date=date,
        addressees="、".join(departments), kind="通知",
        mark_aliases=[unit.short_name] if unit.short_name else [],
    )


def minutes_document(meeting: Meeting) -> OutgoingDocument:
    """纪要格式 (GB/T 9704 10.3): 出席 — who signed in (or, without sign-in, who replied to attend), 请假 — who was
    excused; the minutes text, then the decided items with owner and time limit."""
    invitations = list(meeting.invitations.with_people().order_by("person__department__order", "person__rank"))
    signed = [i for i in invitations if i.signed_in_at]
    present = signed or [i for i in invitations if i.reply in (Reply.ATTEND, Reply.DEPUTY)]
    attendees = [i.attending_name + (f"（代{i.person.name}）" if i.reply == Reply.DEPUTY else "") for i in present]
    on_leave = [i.person.name for i in invitations if i.reply == Reply.ABSENT]
    body = [p.strip() for p in meeting.minutes.splitlines() if p.strip()]
    decisions = list(meeting.decisions.with_item())
    if decisions:
        body.append("会议议定事项：")
        for n, d in enumerate(decisions, 1):
            due = timezone.localtime(d.due_at)
            body.append(f"（{NUMERALS[n - 1] if n <= 10 else n}）{d.text.strip().rstrip('。')}。"
                        f"责任人：{d.owner.name}，完成时限：{due.year}年{due.month}月{due.day}日。")
    title = meeting.title if meeting.title.endswith("纪要") else f"{meeting.title}纪要"
    return OutgoingDocument(
        agency_mark=f"{meeting.unit.name}会议纪要", doc_number=None, title=title, body=body, signature="",
        date=timezone.localtime(meeting.start_at).date(), kind="纪要", format="minutes",
        attendees=attendees, on_leave=on_leave, attendees_required=False,
    )


def notice_docx(meeting: Meeting) -> bytes:
    return render_docx(notice_document(meeting))


def minutes_docx(meeting: Meeting) -> bytes:
    return render_docx(minutes_document(meeting))
