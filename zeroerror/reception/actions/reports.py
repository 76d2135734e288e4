"""客情 (clause 一(三)1): registered the moment it arrives and assigned at once, with a tracked item that keeps it from
being delayed or missed; arranged (一般接待) or planned (重要接待); withdrawn; completed after the visit."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.reception.access import report_url
from zeroerror.reception.actions.archive import open_archive_item
from zeroerror.reception.actions.common import actor_person, check_window, local, same_unit
from zeroerror.reception.models import GuestReport, ReceptionStandard, ReportStatus
from zeroerror.tracking.actions import cancel_items_for_source, close_items_for_source, create_tracked_item
from zeroerror.tracking.notify import notify

MAX_GUESTS = 500
REPORT_FIELDS = ("guest_unit", "lead_guest", "guest_list", "guest_count", "purpose", "arrive_at", "depart_at",
                 "contact_name", "contact_phone", "special_needs", "letter_ref", "standard", "important", "source")
REQUIRED = {"guest_unit": "来宾单位", "lead_guest": "带队人及职务", "purpose": "来访事由", "contact_name": "对方联系人",
            "contact_phone": "联系电话"}


def _clean(unit, data: dict) -> dict:
    data = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()}
    missing = [label for key, label in REQUIRED.items() if not data.get(key)]
    if missing:
        raise ValidationError(f"请填写{'、'.join(missing)}。")
    count = data.get("guest_count")
    if not isinstance(count, int) or not 1 <= count <= MAX_GUESTS:
        raise ValidationError(f"来宾人数须在 1 至 {MAX_GUESTS} 之间。")
    check_window(data["arrive_at"], data["depart_at"], what="来访时间")
    if data["depart_at"] <= timezone.now():
        raise ValidationError("来宾离开时间已过，不能登记为新客情。")
    standard = data.get("standard")
    if not isinstance(standard, ReceptionStandard) or standard.unit_id != unit.pk or not standard.active:
        raise ValidationError("请选择本单位启用的接待对象级别（接待标准）。")
    return data


def _title(report: GuestReport) -> str:
    return f"客情：{report.guest_unit}{report.lead_guest}一行{report.guest_count}人来访"


def _open_item(report: GuestReport, *, actor) -> None:
    what = "拟订接待方案报领导批准" if report.important else "落实接待安排"
    create_tracked_item(title=_title(report), owner=report.handler, due_at=report.arrive_at, area="reception",
                        clause_id="一(三)1", detail=f"来宾{local(report.arrive_at)}抵达，请{what}。", source=report,
                        actor=actor)


@transaction.atomic(durable=True)
def do_register_report(*, handler, actor, **data) -> GuestReport:
    """登记客情 and assign it at once to ``handler``: a tracked item due at the guests' arrival (clause 一(三)1)."""
    person = actor_person(actor)
    unknown = set(data) - set(REPORT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    data = _clean(person.unit, data)
    if handler is None:
        raise ValidationError("客情须当即交办：请选择承办人。")
    same_unit([handler], person.unit, what="承办人")
    report = GuestReport.objects.create(unit=person.unit, registered_by=person, handler=handler,
                                        received_at=timezone.now(), **data)
    _open_item(report, actor=actor)
    record("reception.report.register", actor=actor, kind=AuditKind.CREATE, obj=report,
           changes={"handler": handler.name, "arrive_at": report.arrive_at, "guest_count": report.guest_count,
                    "important": report.important})
    notify([handler], f"新客情交办：{report.guest_unit}来访", url=report_url(report), about=report,
           body=f"{local(report.arrive_at)}抵达，{report.guest_count}人；登记人：{person.name}")
    return report


def _lock(report: GuestReport, *statuses) -> GuestReport:
    report = GuestReport.objects.select_for_update().get(pk=report.pk)
    if statuses and report.status not in statuses:
        raise ValidationError(f"客情{report.get_status_display()}，不能执行此操作。")
    return report


@transaction.atomic(durable=True)
def do_reassign_report(report: GuestReport, handler, *, actor) -> GuestReport:
    actor_person(actor)
    report = _lock(report, ReportStatus.ASSIGNED, ReportStatus.PLANNING, ReportStatus.APPROVED)
    if handler is None:
        raise ValidationError("请选择承办人。")
    same_unit([handler], report.unit, what="承办人")
    if handler.pk == report.handler_id:
        raise ValidationError(f"{handler.name}已是承办人。")
    before = report.handler
    report.handler = handler
    report.save(update_fields=["handler"])
    if cancel_items_for_source(report, f"改由{handler.name}承办", actor=actor):
        _open_item(report, actor=actor)
    record("reception.report.reassign", actor=actor, kind=AuditKind.CHANGE, obj=report,
           changes={"handler": [before.name, handler.name]})
    notify([handler], f"客情改由您承办：{report.guest_unit}来访", url=report_url(report), about=report)
    return report


@transaction.atomic(durable=True)
def do_arrange_report(report: GuestReport, arrangement: str, *, actor) -> GuestReport:
    """一般接待: the handler records how the reception is arranged; the 客情's tracked item closes."""
    actor_person(actor)
    report = _lock(report, ReportStatus.ASSIGNED)
    if report.important:
        raise ValidationError("重要接待须拟订接待方案并经领导批准（一(三)2）。")
    if not arrangement.strip():
        raise ValidationError("请填写接待安排落实情况。")
    report.arrangement, report.arranged_at = arrangement.strip(), timezone.now()
    report.status = ReportStatus.APPROVED
    report.save(update_fields=["arrangement", "arranged_at", "status"])
    close_items_for_source(report, f"接待安排已落实：{arrangement.strip()[:100]}", actor=actor)
    record("reception.report.arrange", actor=actor, kind=AuditKind.TRANSITION, obj=report,
           changes={"status": [ReportStatus.ASSIGNED, ReportStatus.APPROVED], "arrangement": arrangement.strip()})
    return report


@transaction.atomic(durable=True)
def do_withdraw_report(report: GuestReport, reason: str, *, actor) -> GuestReport:
    """The visit is called off: the 客情 stays on the register as 已取消; its open tracked items are cancelled."""
    actor_person(actor)
    if not reason.strip():
        raise ValidationError("请填写取消原因。")
    report = _lock(report, ReportStatus.ASSIGNED, ReportStatus.PLANNING, ReportStatus.APPROVED)
    before = report.status
    report.status, report.withdraw_reason = ReportStatus.WITHDRAWN, reason.strip()
    report.save(update_fields=["status", "withdraw_reason"])
    cancel_items_for_source(report, f"来访取消：{reason.strip()}", actor=actor)
    record("reception.report.withdraw", actor=actor, kind=AuditKind.TRANSITION, obj=report,
           changes={"status": [before, ReportStatus.WITHDRAWN], "reason": reason.strip()})
    return report


@transaction.atomic(durable=True)
def do_complete_report(report: GuestReport, *, actor) -> GuestReport:
    """接待完毕, after the guests have left."""
    actor_person(actor)
    report = _lock(report, ReportStatus.APPROVED)
    if report.depart_at > timezone.now():
        raise ValidationError("来宾尚未离开，不能登记接待完毕。")
    report.status, report.done_at = ReportStatus.DONE, timezone.now()
    report.save(update_fields=["status", "done_at"])
    record("reception.report.complete", actor=actor, kind=AuditKind.TRANSITION, obj=report,
           changes={"status": [ReportStatus.APPROVED, ReportStatus.DONE]})
    if report.important:
        open_archive_item(report, actor=actor)
    return report
