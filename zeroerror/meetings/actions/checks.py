"""Pre-meeting checks (clauses 一(二)4, 5): a failure reported is proposed as a 差错 lead."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.errors.actions import propose_lead
from zeroerror.meetings.access import meeting_url
from zeroerror.meetings.actions.common import _local, _person
from zeroerror.meetings.models import (
    CHECKLIST_CLAUSES,
    Checklist,
    ChecklistKind,
    Meeting,
    MeetingStatus,
    checklist_items,
)
from zeroerror.tracking.notify import notify


@transaction.atomic(durable=True)
def do_sign_checklist(meeting: Meeting, kind: str, results: Sequence[tuple[str, bool, str]], *, actor) -> Checklist:
    """Sign off the equipment (or venue) checklist before the meeting. Every item is answered; a failure needs a
    note and is proposed as a 差错 lead against the organiser (a person confirms it in 差错考核)."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("room", "organiser").get(pk=meeting.pk)
    if kind not in ChecklistKind.values:
        raise ValidationError("检查类别无效。")
    if meeting.status != MeetingStatus.APPROVED:
        raise ValidationError("会议方案批准后才进行会前检查。")
    if meeting.end_at <= timezone.now():
        raise ValidationError("会议已结束。")
    expected = checklist_items(meeting, kind)
    answered = [item for item, _ok, _note in results]
    if sorted(answered) != sorted(expected):
        missing = [i for i in expected if i not in answered]
        raise ValidationError(f"请逐项检查：{'、'.join(missing) or '检查项目与会议室不符'}。")
    rows = [{"item": item, "ok": bool(ok), "note": note.strip()} for item, ok, note in results]
    unexplained = [r["item"] for r in rows if not r["ok"] and not r["note"]]
    if unexplained:
        raise ValidationError(f"请说明故障情况：{'、'.join(unexplained)}。")
    checklist = Checklist.objects.create(meeting=meeting, kind=kind, results=rows, signed_by=_person(actor))
    label = ChecklistKind(kind).label
    record("meetings.checklist.sign", actor=actor, kind=AuditKind.CREATE, obj=checklist,
           changes={"meeting": meeting.pk, "kind": kind, "results": rows})
    failures = checklist.failures
    if failures:
        text = "；".join(f"{r['item']}：{r['note']}" for r in failures)
        propose_lead(CHECKLIST_CLAUSES[kind], meeting.organiser, timezone.localdate(),
                     f"{meeting.title}（{_local(meeting.start_at)}，{meeting.room.name}）{label}发现问题：{text}。",
                     checklist, actor=actor, source_label=f"{meeting.title}·{label}", source_url=meeting_url(meeting))
        notify([meeting.organiser], f"{label}发现问题：{meeting.title}", url=meeting_url(meeting), body=text)
    return checklist
