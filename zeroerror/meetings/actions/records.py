"""Minutes, decisions and the meeting's files (clauses 一(二)11, 12, 13), and the export record."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.attachments.actions import attach, read_upload
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.meetings.access import meeting_url
from zeroerror.meetings.actions.common import _local, _person
from zeroerror.meetings.models import Decision, Meeting, MeetingStatus
from zeroerror.org.models import Person
from zeroerror.tracking.actions import create_tracked_item

FILE_PURPOSES = ["会议材料", "录音", "照片", "领导指示", "会议纪要", "其他"]


@transaction.atomic(durable=True)
def do_record_export(meeting: Meeting, what: str, *, actor, version: int | None = None) -> None:
    record("meetings.meeting.export", actor=actor, kind=AuditKind.EXPORT, obj=meeting,
           changes={"file": what, "version": version})


@transaction.atomic(durable=True)
def do_record_schedule_export(person, meetings, *, actor) -> None:
    """A person's meeting schedule (.ics) was downloaded."""
    record("meetings.schedule.export", actor=actor, kind=AuditKind.EXPORT, obj=person,
           changes={"meetings": [m.pk for m in meetings]})


@transaction.atomic(durable=True)
def do_record_minutes(meeting: Meeting, text: str, *, actor) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.APPROVED:
        raise ValidationError("只有已批准召开的会议才有会议记录。")
    if meeting.start_at > timezone.now():
        raise ValidationError("会议尚未开始，不能记录。")
    if not text.strip():
        raise ValidationError("会议记录不能为空。")
    before = meeting.minutes
    meeting.minutes, meeting.minutes_by, meeting.minutes_at = text.strip(), _person(actor), timezone.now()
    meeting.save(update_fields=["minutes", "minutes_by", "minutes_at"])
    record("meetings.meeting.minutes", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes={"minutes": [before, meeting.minutes]})
    return meeting


@transaction.atomic(durable=True)
def do_add_decision(meeting: Meeting, *, text: str, owner: Person, due_at: datetime, actor) -> Decision:
    """议定事项: recorded with an owner and a deadline and handed to 督办 as a tracked item (clause 一(二)12)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.APPROVED or meeting.start_at > timezone.now():
        raise ValidationError("会议召开后才能记录议定事项。")
    if not text.strip():
        raise ValidationError("请填写议定事项。")
    if owner.unit_id != meeting.unit_id or not owner.active:
        raise ValidationError("责任人须为本单位在职人员。")
    if timezone.is_naive(due_at):
        raise ValueError("due_at must be aware")
    if due_at <= timezone.now():
        raise ValidationError("完成时限须晚于当前时间。")
    decision = Decision.objects.create(meeting=meeting, text=text.strip(), owner=owner, due_at=due_at,
                                       created_by=_person(actor))
    short = text.strip().splitlines()[0][:80]
    decision.tracked_item = create_tracked_item(
        title=f"会议议定事项：{short}", owner=owner, due_at=due_at, area="meetings", clause_id="一(二)12",
        detail=f"{meeting.title}（{_local(meeting.start_at)}）议定：\n{text.strip()}",
        source=decision, source_label=meeting.title, source_url=meeting_url(meeting), actor=actor,
    )
    decision.save(update_fields=["tracked_item"])
    record("meetings.decision.create", actor=actor, kind=AuditKind.CREATE, obj=decision,
           changes={"meeting": meeting.pk, "owner": owner.pk, "due_at": due_at,
                    "tracked_item": decision.tracked_item.pk})
    return decision


@transaction.atomic(durable=True)
def do_attach_meeting_file(meeting: Meeting, upload, *, purpose: str, actor) -> Attachment:
    """Materials, recordings, photos, leaders' instructions: filed with the meeting (one dossier, 一(二)13)."""
    if purpose not in FILE_PURPOSES:
        raise ValidationError("请选择文件类别。")
    return attach(meeting, upload.name, read_upload(upload), purpose=purpose, actor=actor)
