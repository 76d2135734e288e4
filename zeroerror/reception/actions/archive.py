"""资料档案 of an important activity (clause 一(三)8): the plan, materials, recordings, videos and photos filed
together after the visit, within a deadline; exported as one .zip with an index."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.attachments.actions import attach
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.reception.actions.common import actor_person
from zeroerror.reception.models import GuestReport, ReportStatus
from zeroerror.tracking.actions import close_items_for_source, create_tracked_item
from zeroerror.workdays.service import work_calendar

FILE_PURPOSES = ("活动方案", "相关材料", "会议录音", "活动录像", "照片", "公函", "发票", "其他")
ARCHIVE_WORKDAYS = 5
MAX_FILE = 200 * 1024 * 1024


def archive_due(report: GuestReport):
    return work_calendar().add_workdays(timezone.localtime(report.depart_at), ARCHIVE_WORKDAYS)


def open_archive_item(report: GuestReport, *, actor) -> None:
    """After an important activity: file its records within ``ARCHIVE_WORKDAYS`` working days (一(三)8)."""
    create_tracked_item(title=f"接待资料归档：{report.guest_unit}来访", owner=report.handler, due_at=archive_due(report),
                        area="reception", clause_id="一(三)8", source=report, actor=actor,
                        detail="活动方案、相关材料、会议录音、活动录像、照片等及时归档备案。")


@transaction.atomic(durable=True)
def do_file_reception_file(report: GuestReport, name: str, data: bytes, *, purpose: str, actor) -> Attachment:
    actor_person(actor)
    report = GuestReport.objects.select_for_update().get(pk=report.pk)
    if report.status == ReportStatus.WITHDRAWN:
        raise ValidationError("来访已取消，不能归档资料。")
    if purpose not in FILE_PURPOSES:
        raise ValidationError("请选择资料类别。")
    if not data:
        raise ValidationError("请选择要上传的文件。")
    if len(data) > MAX_FILE:
        raise ValidationError("单个文件不能超过 200 MB。")
    attachment = attach(report, name, data, purpose=purpose, actor=actor)
    record("reception.file.attach", actor=actor, kind=AuditKind.CREATE, obj=report,
           changes={"file": attachment.original_name, "purpose": purpose, "size": attachment.size})
    return attachment


@transaction.atomic(durable=True)
def do_archive_report(report: GuestReport, *, actor) -> GuestReport:
    person = actor_person(actor)
    report = GuestReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.DONE:
        raise ValidationError("接待完毕后才能归档。")
    if report.important and not Attachment.objects.for_owner(report).exists():
        raise ValidationError("重要活动须将活动方案、相关材料、录音、录像、照片等归档：尚未上传任何资料。")
    report.status, report.archived_at, report.archived_by = ReportStatus.ARCHIVED, timezone.now(), person
    report.save(update_fields=["status", "archived_at", "archived_by"])
    close_items_for_source(report, "资料已归档", actor=actor)
    record("reception.report.archive", actor=actor, kind=AuditKind.TRANSITION, obj=report,
           changes={"status": [ReportStatus.DONE, ReportStatus.ARCHIVED]})
    return report


@transaction.atomic(durable=True)
def do_record_export(report: GuestReport, what: str, *, actor) -> None:
    record(f"reception.report.export.{what}", actor=actor, kind=AuditKind.EXPORT, obj=report, changes={"what": what})
