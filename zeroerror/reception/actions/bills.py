"""The actual bill (公务接待清单) checked against the standard (clause 一(三)7, 二 财务 2), and the leader's special
approval above it.

A bill above the standard without a special approval covering it is refused and nothing of the bill is kept; the
attempt itself is recorded (``OverStandardAttempt``) in its own transaction and proposes a lead against the person
who entered it — the control tripped. A correction is a new bill that supersedes the old one, with its reason."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import jsonable, record
from zeroerror.errors.actions import propose_lead
from zeroerror.reception import rules
from zeroerror.reception.access import may_approve, report_url
from zeroerror.reception.actions.common import actor_person, money
from zeroerror.reception.actions.plans import limits_of, special_of
from zeroerror.reception.models import Bill, GuestReport, OverStandardAttempt, ReportStatus, SpecialApproval
from zeroerror.tracking.notify import notify

BILL_STATUSES = (ReportStatus.APPROVED, ReportStatus.DONE)
MAX_COUNT = 5000


def _count(value, label: str, low: int = 0) -> int:
    if not isinstance(value, int) or not low <= value <= MAX_COUNT:
        raise ValidationError(f"{label}须在 {low} 至 {MAX_COUNT} 之间。")
    return value


def _clean_bill(data: dict) -> dict:
    invoice = (data.get("invoice_ref") or "").strip()
    if not invoice:
        raise ValidationError("请填写发票号。")
    return {
        "guests": _count(data.get("guests"), "实际来宾人数", 1),
        "accompanying": _count(data.get("accompanying"), "实际陪餐人数"),
        "meals": _count(data.get("meals"), "工作餐次数"),
        "meal_total": money(data.get("meal_total", 0), what="餐费合计"),
        "room_nights": _count(data.get("room_nights", 0), "住宿间夜数"),
        "room_total": money(data.get("room_total", 0), what="住宿费合计"),
        "other_total": money(data.get("other_total", 0), what="其他费用"),
        "invoice_ref": invoice, "note": (data.get("note") or "").strip(),
    }


def latest_special(report: GuestReport) -> SpecialApproval | None:
    return report.special_approvals.order_by("-approved_at", "-id").first()


def bill_excesses(report: GuestReport, data: dict, special: SpecialApproval | None) -> list[str]:
    days = rules.visit_days(timezone.localtime(report.arrive_at), timezone.localtime(report.depart_at))
    figures = rules.bill_figures(guests=data["guests"], accompanying=data["accompanying"], meals=data["meals"],
                                 days=days, meal_total=data["meal_total"], room_nights=data["room_nights"],
                                 room_total=data["room_total"])
    return rules.excesses(figures, limits_of(report), special_of(special))


@transaction.atomic(durable=True)
def _refuse_over_standard(report: GuestReport, person, data: dict, excess: list[str], *, actor) -> None:
    attempt = OverStandardAttempt.objects.create(report=report, person=person, excesses=excess,
                                                 figures=jsonable(data))
    record("reception.bill.over_standard", actor=actor, kind=AuditKind.CREATE, obj=attempt, success=False,
           changes={"excesses": excess, "figures": data})
    propose_lead("一(三)7", person, timezone.localdate(),
                 f"接待结算超出接待标准且无领导特别批准：{'；'.join(excess)}。", attempt,
                 source_label=f"客情（#{report.pk}）·超标准结算", source_url=report_url(report))


def do_record_bill(report: GuestReport, *, actor, supersedes: Bill | None = None, **data) -> Bill:
    """登记实际结算. Above the standard without a special approval: refused (nothing of the bill is kept) and the
    attempt proposes a lead (一(三)7)."""
    person = actor_person(actor)
    report = GuestReport.objects.select_related("standard").get(pk=report.pk)
    if report.status not in BILL_STATUSES:
        raise ValidationError("接待方案（或接待安排）确定后才能登记结算。")
    data = _clean_bill(data)
    current = report.bills.filter(superseded_by__isnull=True).first()
    if current is not None and (supersedes is None or supersedes.pk != current.pk):
        raise ValidationError("该接待已有结算：更正请登记新的结算并说明原因。")
    if supersedes is not None and not data["note"]:
        raise ValidationError("更正结算须说明原因。")
    special = latest_special(report)
    excess = bill_excesses(report, data, special)
    if excess:
        _refuse_over_standard(report, person, data, excess, actor=actor)
        raise ValidationError([*excess, "超出接待标准且无领导特别批准，不予结算；已记录并提出差错线索（一(三)7）。"])
    return _save_bill(report, person, data, special, supersedes, actor=actor)


@transaction.atomic(durable=True)
def _save_bill(report, person, data, special, supersedes, *, actor) -> Bill:
    if supersedes is not None:
        supersedes = Bill.objects.select_for_update().get(pk=supersedes.pk)
        if Bill.objects.filter(supersedes=supersedes).exists():
            raise ValidationError("该结算已被更正。")
    bill = Bill.objects.create(report=report, recorded_by=person, special_approval=special, supersedes=supersedes,
                               **data)
    record("reception.bill.record", actor=actor, kind=AuditKind.CREATE, obj=bill,
           changes={**data, "total": bill.total, "supersedes": supersedes.pk if supersedes else None})
    return bill


@transaction.atomic(durable=True)
def do_grant_special_approval(report: GuestReport, *, meal_per_person, room_per_night, accompanying: int,
                              reason: str, actor) -> SpecialApproval:
    """领导特殊要求: a leader records why the reception may go above the standard, and the figures it allows."""
    person = actor_person(actor)
    if not may_approve(person):
        raise ValidationError("超标准接待须经主要领导或分管办公室的领导特别批准。")
    report = GuestReport.objects.select_for_update(of=("self",)).select_related("standard").get(pk=report.pk)
    if report.status not in (ReportStatus.PLANNING, *BILL_STATUSES):
        raise ValidationError(f"客情{report.get_status_display()}，不能特别批准。")
    if not reason.strip():
        raise ValidationError("请填写超标准的理由。")
    meal = money(meal_per_person, what="准予工作餐")
    room = money(room_per_night, what="准予住宿")
    _count(accompanying, "准予陪餐人数")
    s = report.standard
    if meal <= s.meal_per_person and room <= s.room_per_night and accompanying <= s.accompany_max:
        raise ValidationError("所填标准未超出接待标准，无需特别批准。")
    approval = SpecialApproval.objects.create(report=report, approved_by=person, reason=reason.strip(),
                                              meal_per_person=meal, room_per_night=room, accompanying=accompanying)
    record("reception.special_approval.grant", actor=actor, kind=AuditKind.CREATE, obj=approval,
           changes={"meal_per_person": meal, "room_per_night": room, "accompanying": accompanying,
                    "reason": reason.strip()})
    notify([report.handler], f"超标准接待已特别批准：{report.guest_unit}来访", url=report_url(report), about=report,
           body=f"{person.name}：{reason.strip()}")
    return approval


def bill_check(bill: Bill) -> list[str]:
    """The bill's figures against the plain standard (for the page and the printout: what the approval covered)."""
    data = {k: getattr(bill, k) for k in ("guests", "accompanying", "meals", "meal_total", "room_nights", "room_total")}
    return bill_excesses(bill.report, data, None)


