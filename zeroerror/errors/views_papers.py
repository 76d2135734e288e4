"""Papers of 差错考核 for download: the 差错认定书 (.docx, PDF), the 差错通报 (month or case), the monthly report."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record_standalone
from zeroerror.core.access import person_of
from zeroerror.errors import access
from zeroerror.errors.decision_letter import LetterFacts, cn_date, render_docx
from zeroerror.errors.models import DecisionNotice, Lead, LeadStatus, LedgerEntry, Liability, MeasureRecord
from zeroerror.org.models import Person

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def letter_facts(lead: Lead, person: Person, notice: DecisionNotice | None) -> LetterFacts:
    """What ``person``'s 认定书 says: their own liability, amounts and measures for ``lead`` (nobody else's)."""
    liability = notice.liability if notice is not None else Liability.RESPONSIBLE
    amounts = tuple(
        (row["month"], Decimal(row["s"]).quantize(Decimal("0.01")))
        for row in LedgerEntry.objects.active().filter(error=lead, person=person).values("month")
        .annotate(s=Sum("amount")).order_by("month") if row["s"])
    measures = tuple(MeasureRecord.objects.active().filter(error=lead, person=person).values_list("label", flat=True))
    deadline = access.appeal_deadline(notice) if notice is not None else None
    if deadline is not None and timezone.now() > deadline:
        deadline = None
    meeting = (f"院长办公会议于{cn_date(lead.meeting_date)}研究界定：{lead.meeting_decision}"
               if lead.meeting_date else "")
    return LetterFacts(
        unit=person.unit.name, number=f"差错认定〔{lead.confirmed_on.year}〕{lead.pk}号", person=person.name,
        department=person.department.name, liability=Liability(liability).label,
        clause=f"{lead.clause.code}（{lead.clause.title}）", description=lead.description.rstrip("。") + "。",
        occurred_on=lead.occurred_on, confirmed_on=lead.confirmed_on, severity=lead.get_severity_display(),
        channel=lead.get_channel_display(), amounts=amounts, measures=measures,
        appeal_deadline=timezone.localtime(deadline) if deadline else None, meeting=meeting,
        issued_on=lead.confirmed_on,
    )


def _letter_target(request: HttpRequest, pk: int) -> tuple[Lead, Person, DecisionNotice | None]:
    """The lead and whose letter: one's own (as notified), or — for the 绩效办 and those who see every error — the
    person named by ``?person=`` among those notified (default: the person responsible)."""
    me = person_of(request)
    lead = access.get_lead_or_404(request, pk)
    if lead.status != LeadStatus.CONFIRMED:
        raise Http404("只有已认定的差错有认定书。")
    notices = {n.person_id: n for n in DecisionNotice.objects.filter(lead=lead).select_related("person")}
    office = access.can_keep_ledger(me) or access.sees_everything(me)
    wanted = request.GET.get("person", "")
    if office and wanted:
        if not wanted.isdigit() or int(wanted) not in notices:
            raise Http404("该人员没有此差错的认定通知。")
        notice = notices[int(wanted)]
        return lead, notice.person, notice
    if me.pk in notices:
        return lead, me, notices[me.pk]
    if office:
        return lead, lead.person, notices.get(lead.person_id)
    raise PermissionDenied("认定书只发给被认定的本人和绩效办。")


def _audit(request, lead: Lead, person: Person, fmt: str) -> None:
    record_standalone("errors.letter.download", actor=request.user, kind=AuditKind.EXPORT, object_type="errors.lead",
                      object_id=str(lead.pk), object_repr=f"差错线索 #{lead.pk} 认定书",
                      changes={"person": person.pk, "format": fmt})


def letter_docx(request: HttpRequest, pk: int) -> HttpResponse:
    lead, person, notice = _letter_target(request, pk)
    data = render_docx(letter_facts(lead, person, notice))
    _audit(request, lead, person, "docx")
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''decision-{lead.pk}-{person.pk}.docx"
    return response


def letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from zeroerror.documents.pdf import PdfUnavailable, convert_to_pdf, find_soffice

    lead, person, notice = _letter_target(request, pk)
    name = f"decision-{lead.pk}-{person.pk}"
    try:
        pdf = convert_to_pdf({f"{name}.docx": render_docx(letter_facts(lead, person, notice))},
                             soffice=find_soffice(getattr(settings, "ZEROERROR_SOFFICE", "soffice")))[f"{name}.pdf"]
    except PdfUnavailable as exc:
        messages.error(request, exc.message)
        return redirect("errors:detail", lead.pk)
    _audit(request, lead, person, "pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}.pdf"
    return response


def _bulletin_response(request: HttpRequest, data: bytes, *, object_type: str, object_id, what: str,
                       changes: dict, filename: str) -> HttpResponse:
    record_standalone("errors.bulletin.export", actor=request.user, kind=AuditKind.EXPORT, object_type=object_type,
                      object_id=str(object_id), object_repr=what,
                      changes={**changes, "names": settings.BULLETIN_NAMES})
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def _require_bulletin_writer(request: HttpRequest) -> Person:
    me = person_of(request)
    if not access.can_keep_ledger(me):
        raise PermissionDenied("仅绩效办可以生成差错通报。")
    return me


def bulletin_docx(request: HttpRequest) -> HttpResponse:
    """差错通报 of a month (公文 layout, draft number), for the 绩效办 to take through the 发文 procedure."""
    from zeroerror.errors.bulletin import bulletin_docx as render_bulletin
    from zeroerror.errors.payroll import MONTH_RE

    me = _require_bulletin_writer(request)
    month = request.GET.get("month", "")
    if not MONTH_RE.match(month):
        raise Http404("月份无效。")
    return _bulletin_response(request, render_bulletin(me.unit, month), object_type="org.unit", object_id=me.unit.pk,
                              what=f"{me.unit.name} {month} 差错通报", changes={"month": month},
                              filename=f"bulletin-{month}.docx")


def case_bulletin_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """差错通报 of one confirmed error (same layout and naming policy as the month's)."""
    from zeroerror.errors.bulletin import case_bulletin_docx as render_case

    me = _require_bulletin_writer(request)
    lead = access.get_lead_or_404(request, pk)
    if lead.status != LeadStatus.CONFIRMED:
        raise Http404("只有已认定的差错可以通报。")
    return _bulletin_response(request, render_case(me.unit, lead), object_type="errors.lead", object_id=lead.pk,
                              what=f"差错线索 #{lead.pk} 差错通报", changes={"lead": lead.pk},
                              filename=f"bulletin-case-{lead.pk}.docx")


def monthly_report(request: HttpRequest) -> HttpResponse:
    """The month's report to the 院长办公会: on screen (inline SVG charts with their tables) or ``?format=docx``."""
    from django.shortcuts import render

    from zeroerror.errors.ledger import month_of
    from zeroerror.errors.monthly import chart, month_report
    from zeroerror.errors.monthly import render_docx as report_docx
    from zeroerror.errors.payroll import MONTH_RE

    me = person_of(request)
    if not access.can_see_reports(me):
        raise PermissionDenied("差错统计仅对科室负责人、分管领导、院长、绩效办和督查考核小组开放。")
    month = request.GET.get("month") or month_of(timezone.localdate())
    if not MONTH_RE.match(month) or not 2000 <= int(month[:4]) <= timezone.localdate().year + 1:
        raise Http404("月份无效。")
    report = month_report(access.visible_leads(me), month)
    if request.GET.get("format") == "docx":
        record_standalone("errors.monthly.export", actor=request.user, kind=AuditKind.EXPORT, object_type="org.unit",
                          object_id=str(me.unit.pk), object_repr=f"{me.unit.name} {month} 差错考核月报",
                          changes={"month": month})
        response = HttpResponse(report_docx(report, me.unit.name), content_type=DOCX)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''monthly-{month}.docx"
        return response
    return render(request, "errors/monthly.html", {
        "title": f"{month} 差错考核月报", "month": month, "report": report,
        "department_chart": chart(report.by_department, title="按科室的差错件数"),
        "trend_chart": chart(report.trend, title="近几个月的差错件数"),
        "amount_chart": chart(report.trend, title="近几个月的扣罚金额", series="扣罚（元）", value=lambda li: li.amount),
    })
