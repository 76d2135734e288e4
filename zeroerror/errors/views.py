from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zeroerror.attachments.actions import read_upload
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record_standalone
from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_refusal, run_form_action
from zeroerror.errors import access, actions, conflicts, payroll, views_anonymous
from zeroerror.errors.anonymous import can_unseal
from zeroerror.errors.filters import LeadFilterForm
from zeroerror.errors.forms import (
    AppealDecisionForm,
    AppealForm,
    ConfirmForm,
    RejectForm,
    ReportForm,
    SeverityForm,
    UnsealForm,
)
from zeroerror.errors.ledger import month_of
from zeroerror.errors.models import (
    Appeal,
    DecisionNotice,
    EvidenceSeal,
    LeadStatus,
    LedgerEntry,
    LedgerMonth,
    Liability,
    MeasureRecord,
    PendingDeduction,
    Route,
    Severity,
)
from zeroerror.errors.reports import award_eligibility, money, year_report
from zeroerror.org.models import Person
from zeroerror.tracking import sources


def lead_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    form = LeadFilterForm(request.GET or None, visible=access.visible_leads(person))
    qs = form.apply().with_related()
    page = Paginator(qs.order_by("-created_at", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "errors/list.html", {"title": "差错线索", "page": page, "form": form})


def lead_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    lead = access.get_lead_or_404(request, pk)
    appeals = list(lead.appeals.select_related("appellant", "decided_by"))
    for appeal in appeals:
        appeal.lead = lead
    lead._prefetched_objects_cache = {"appeals": appeals}
    penalties = access.can_see_penalties(person, lead)
    notice = access.appealable(person, lead)
    events = list(lead.events.select_related("actor"))
    attachments = list(Attachment.objects.for_owner(lead))
    seal = EvidenceSeal.objects.filter(lead=lead).first()
    sealed = list(Attachment.objects.for_owner(seal)) if seal else []
    withheld = sealed if access.sees_withheld_evidence(person, lead) else []
    for name in {a.original_name for a in sealed} if sealed and not withheld else ():
        for event in events:  # the timeline named the file when it was added: not to those it is withheld from
            event.text = event.text.replace(name, "（认定前暂不公开的证据材料）")
    show_reporter = access.can_see_reporter(person, lead)
    # a named reporter stays unnamed to whoever may not see them: in the timeline and on the files they added
    shown_actors = {e.actor_id for e in events} | {a.uploaded_by_id for a in attachments + withheld}
    if not show_reporter:
        shown_actors.discard(lead.reporter_id)
    return render(request, "errors/detail.html", {
        "title": f"差错线索 #{lead.pk}", "lead": lead, "events": events, "attachments": attachments,
        "withheld": withheld, "can_withhold": access.can_withhold_evidence(person, lead),
        "appeals": appeals, "show_reporter": show_reporter, "shown_actors": shown_actors,
        "can_unseal": can_unseal(person, lead), "unseal_form": UnsealForm(),
        "can_letter": notice is not None or DecisionNotice.objects.filter(lead=lead, person=person).exists()
        or access.can_keep_ledger(person) or access.sees_everything(person),
        "can_bulletin": access.can_keep_ledger(person),
        "duplicates": access.visible_leads(person).duplicates_of(
            person=lead.person, clause=lead.clause, occurred_on=lead.occurred_on, channel=lead.channel, exclude=lead,
        ).order_by("created_at", "id") if lead.awaiting_verification and person.has_role(*access.VERIFIERS) else [],
        # the source's own app decides whether the reader may follow the link (tracking.sources)
        "source": sources.link(person, lead.source_type_id, lead.source_id, lead.source_label),
        "entries": LedgerEntry.objects.active().filter(error=lead).select_related("person") if penalties else [],
        "measures": lead.measures.active().select_related("person", "tracked_item") if penalties else [],
        "can_verify": access.can_verify(person, lead), "can_appeal": notice is not None,
        "verify_concern": conflicts.lead_concern(person, lead) if lead.awaiting_verification
        and person.has_role(*access.VERIFIERS) else "",
        "can_decide_severity": access.can_decide_severity(person, lead),
        "confirm_form": ConfirmForm(meeting=lead.route == Route.MEETING),
        "reject_form": RejectForm(meeting=lead.route == Route.MEETING), "severity_form": SeverityForm(),
        "appeal_form": AppealForm(), "appeal_notice": notice,
        "appeal_deadline": access.appeal_deadline(notice) if notice else None,
        "decidable": [(a, AppealDecisionForm(meeting=a.route == Route.MEETING)) for a in appeals
                      if access.can_decide_appeal(person, a)],
    })


def lead_report(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    any_channel = access.can_register_any_channel(person)
    form = ReportForm(request.POST or None, request.FILES or None, unit=person.unit, any_channel=any_channel)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["anonymous"]:
            return views_anonymous.submit_report(request, form)
        # the same lapse already registered (and visible to the reporter): warn, offer to merge
        duplicates = list(access.visible_leads(person).duplicates_of(
            person=data["person"], clause=data["clause"], occurred_on=data["occurred_on"],
            channel=data["channel"]).select_related("clause").order_by("created_at", "id"))
        choice = request.POST.get("on_duplicate", "")
        into = next((d for d in duplicates if choice == f"merge:{d.pk}"), None)
        if not duplicates or choice == "new" or into is not None:
            return _register_report(request, person, data, into)
    return render(request, "errors/report.html", {"title": "举报差错", "form": form, "duplicates": duplicates})


def _register_report(request, person, data, into):
    files = [(data["evidence"].name, read_upload(data["evidence"]))] if data["evidence"] else []
    try:
        if into is not None:
            lead = actions.do_merge_into_lead(into, description=data["description"], files=files, actor=request.user)
        else:
            lead = actions.do_report_lead(
                channel=data["channel"], clause_id=data["clause"].code, person=data["person"],
                occurred_on=data["occurred_on"], description=data["description"], files=files, actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
        return redirect("errors:report")
    messages.success(request, f"已合并到差错线索 #{lead.pk}。" if into is not None else "差错线索已提交，绩效办将组织核查。")
    if access.visible_leads(person).filter(pk=lead.pk).exists():
        return redirect("errors:detail", lead.pk)
    return redirect("errors:list")


def _act(request, lead, form_class, fn, success, *, meeting: bool = False):
    form = form_class(request.POST, meeting=meeting) if meeting else form_class(request.POST)
    run_form_action(request, form, fn, success)
    return redirect("errors:detail", lead.pk)


@require_POST
def lead_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    lead = access.get_lead_or_404(request, pk)
    if not access.is_verifier_of(person_of(request), lead):  # already decided: the action says by whom and when
        raise PermissionDenied("您不能核查此线索。")
    return _act(request, lead, ConfirmForm,
                lambda **d: actions.do_confirm_lead(lead, actor=request.user, **d), "已查实并记入台账。",
                meeting=lead.route == Route.MEETING)


@require_POST
def lead_reject(request: HttpRequest, pk: int) -> HttpResponse:
    lead = access.get_lead_or_404(request, pk)
    if not access.is_verifier_of(person_of(request), lead):  # already decided: the action says by whom and when
        raise PermissionDenied("您不能核查此线索。")
    return _act(request, lead, RejectForm, lambda **d: actions.do_reject_lead(lead, actor=request.user, **d),
                "已不予认定。", meeting=lead.route == Route.MEETING)


@require_POST
def lead_severity(request: HttpRequest, pk: int) -> HttpResponse:
    lead = access.get_lead_or_404(request, pk)
    if not access.can_decide_severity(person_of(request), lead):
        raise PermissionDenied("您不能登记会议决定。")
    return _act(request, lead, SeverityForm, lambda **d: actions.do_decide_severity(lead, actor=request.user, **d),
                "已登记院长办公会议决定。")


@require_POST
def lead_appeal(request: HttpRequest, pk: int) -> HttpResponse:
    lead = access.get_lead_or_404(request, pk)
    if not access.can_appeal(person_of(request), lead):
        raise PermissionDenied("您不能对此差错申诉。")
    return _act(request, lead, AppealForm, lambda **d: actions.do_file_appeal(lead, actor=request.user, **d),
                "申诉已提交。")


@require_POST
def appeal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = access.get_appeal_or_404(request, pk)
    if not access.can_decide_appeal(person_of(request), appeal):
        raise PermissionDenied("您不能决定此申诉。")
    return _act(request, appeal.lead, AppealDecisionForm,
                lambda **d: actions.do_decide_appeal(appeal, actor=request.user, **d), "申诉已决定。",
                meeting=appeal.route == Route.MEETING)


@require_POST
def lead_withhold(request: HttpRequest, pk: int, uid) -> HttpResponse:
    """A verifier withholds one evidence file from the accused until the decision."""
    lead = access.get_lead_or_404(request, pk)
    if not access.can_withhold_evidence(person_of(request), lead):
        raise PermissionDenied("只有本单位督查考核小组和绩效办可以在认定前暂不公开证据。")
    attachment = Attachment.objects.for_owner(lead).filter(uid=uid).first()
    if attachment is None:
        raise Http404("证据材料不存在。")
    try:
        actions.do_withhold_evidence(lead, attachment, actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, f"“{attachment.original_name}”在认定前不向当事人公开。")
    return redirect("errors:detail", lead.pk)


@require_POST
def lead_attach(request: HttpRequest, pk: int) -> HttpResponse:
    lead = access.get_lead_or_404(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的文件。")
        return redirect("errors:detail", lead.pk)
    try:
        actions.do_attach_evidence(lead, upload.name, read_upload(upload), actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, "证据已上传。")
    return redirect("errors:detail", lead.pk)


def mine(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    leads = access.visible_leads(person).of_person(person).errors().with_related().order_by("-confirmed_on", "-id")
    return render(request, "errors/mine.html", {
        "title": "我的差错", "leads": leads, "joint": joint_liabilities(person),
        "appeals": Appeal.objects.filter(appellant=person).select_related("lead", "lead__clause"),
        "entries": LedgerEntry.objects.active().filter(person=person).with_related(),
    })


def joint_liabilities(person: Person) -> list[dict]:
    """Others' errors for which ``person`` bears a liability (分管领导, 科室负责人): their own amount and measures."""
    notices = list(DecisionNotice.objects.filter(person=person).exclude(liability=Liability.RESPONSIBLE)
                   .select_related("lead", "lead__person", "lead__clause").order_by("-notified_at"))
    ids = [n.lead_id for n in notices]
    amounts = dict(LedgerEntry.objects.active().filter(person=person, error_id__in=ids).values("error_id")
                   .annotate(s=Sum("amount")).values_list("error_id", "s"))
    measures: dict[int, list[str]] = {}
    for m in MeasureRecord.objects.active().filter(person=person, error_id__in=ids):
        measures.setdefault(m.error_id, []).append(m.label)
    return [{"notice": n, "amount": money(amounts.get(n.lead_id)), "measures": measures.get(n.lead_id, []),
             "deadline": access.appeal_deadline(n)} for n in notices]


def _require_ledger(request):
    me = person_of(request)
    if not access.can_keep_ledger(me) and not access.sees_everything(me):
        raise PermissionDenied("仅绩效办和督查考核小组可以查看扣罚台账。")
    return me


def ledger(request: HttpRequest) -> HttpResponse:
    me = _require_ledger(request)
    month = request.GET.get("month") or month_of(timezone.localdate())
    if not payroll.MONTH_RE.match(month):
        raise Http404("月份无效。")
    entries = payroll.month_entries(month, me.unit)
    month_row = LedgerMonth.objects.of_unit(me.unit).filter(month=month).select_related("closed_by").first()
    return render(request, "errors/ledger.html", {
        "title": f"{month} 绩效扣罚台账", "month": month, "entries": entries, "month_row": month_row,
        "total": (entries.aggregate(s=Sum("amount"))["s"] or Decimal("0")).quantize(Decimal("0.01")),
        "pending": PendingDeduction.objects.of_unit(me.unit).active().filter(month=month)
        .select_related("person", "error"),
        "can_keep": access.can_keep_ledger(me),
    })


@require_POST
def ledger_close(request: HttpRequest) -> HttpResponse:
    me = person_of(request)
    if not access.can_keep_ledger(me):
        raise PermissionDenied("仅绩效办可以关账。")
    month = request.POST.get("month", "")
    try:
        actions.do_close_month(month, me.unit, confirm_pending=request.POST.get("confirm_pending") == "1",
                               actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, f"{month} 已关账。")
    return redirect(f"/errors/ledger/?month={month}" if payroll.MONTH_RE.match(month) else "/errors/ledger/")


def ledger_export(request: HttpRequest) -> HttpResponse:
    me = person_of(request)
    if not access.can_keep_ledger(me):
        raise PermissionDenied("仅绩效办可以导出扣罚台账。")
    month = request.GET.get("month", "")
    if not payroll.MONTH_RE.match(month):
        raise Http404("月份无效。")
    response = HttpResponse(payroll.do_export_month(month, me.unit, actor=request.user), content_type=payroll.XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''ledger-{month}.xlsx"
    return response


def finance_export(request: HttpRequest) -> HttpResponse:
    """The 财务科's sheet of the month (工号, per-person totals, a line per deduction, draft/final, signatures)."""
    from zeroerror.errors.finance_sheet import do_export_finance_sheet

    me = person_of(request)
    if not access.can_keep_ledger(me):
        raise PermissionDenied("仅绩效办可以导出财务扣罚表。")
    month = request.GET.get("month", "")
    if not payroll.MONTH_RE.match(month):
        raise Http404("月份无效。")
    response = HttpResponse(do_export_finance_sheet(month, me.unit, actor=request.user), content_type=payroll.XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''finance-{month}.xlsx"
    return response


def pay_template(request: HttpRequest) -> HttpResponse:
    if not access.can_keep_ledger(person_of(request)):
        raise PermissionDenied("仅绩效办可以导入月度绩效。")
    response = HttpResponse(payroll.template_bytes(), content_type=payroll.XLSX)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''pay-template.xlsx"
    return response


def pay_import(request: HttpRequest) -> HttpResponse:
    from zeroerror.errors.forms import PayUploadForm

    me = person_of(request)
    if not access.can_keep_ledger(me):
        raise PermissionDenied("仅绩效办可以导入月度绩效。")
    form = PayUploadForm(request.POST, request.FILES) if request.method == "POST" else PayUploadForm()
    context = {"title": "月度绩效导入", "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            result = payroll.parse_pay(form.cleaned_data["file"].read(), me.unit)
        except payroll.PayFileError as exc:
            form.add_error("file", str(exc))
            return render(request, "errors/pay_import.html", context, status=400)
        if not result.ok:
            record_standalone("errors.pay.rejected", actor=request.user, kind=AuditKind.IMPORT, success=False,
                              object_type="org.unit", object_id=str(me.unit.pk), object_repr=me.unit.name,
                              changes={"errors": len(result.errors)})
            context["errors"] = result.errors
            return render(request, "errors/pay_import.html", context, status=400)
        context["imported"] = payroll.do_import_pay(result, unit=me.unit, actor=request.user)
    return render(request, "errors/pay_import.html", context)


def meeting_agenda(request: HttpRequest) -> HttpResponse:
    """院长办公会议题: errors awaiting the meeting's grading (二.2 待院长办公会议研究界定), and the leads and appeals no one
    else may decide because every verifier or decider is concerned (issue 9 defect 4)."""
    me = person_of(request)
    if not access.can_see_meeting_agenda(me):
        raise PermissionDenied("院长办公会议题仅对院长、绩效办和督查考核小组开放。")
    leads = access.visible_leads(me).with_related().order_by("created_at", "id")
    return render(request, "errors/meeting.html", {
        "title": "院长办公会议题",
        "gradings": leads.filter(status=LeadStatus.CONFIRMED, severity=Severity.UNDETERMINED),
        "leads": leads.awaiting_verification().filter(route=Route.MEETING),
        "appeals": Appeal.objects.pending().filter(route=Route.MEETING, lead__in=access.visible_leads(me))
        .select_related("appellant", "lead", "lead__person", "lead__clause").order_by("filed_at", "id"),
    })


def reports(request: HttpRequest) -> HttpResponse:
    """差错统计 by month, person, department, clause and area, with the year's 先进评比 eligibility list."""
    me = person_of(request)
    if not access.can_see_reports(me):
        raise PermissionDenied("差错统计仅对科室负责人、分管领导、院长、绩效办和督查考核小组开放。")
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year") or today.year)
    except ValueError:
        year = 0
    if not 2000 <= year <= today.year + 1:
        raise Http404("年份无效。")
    report = year_report(access.visible_leads(me), year)
    people = Person.objects.filter(unit=me.unit).active()
    if not access.sees_everything(me):
        people = people.filter(department_id__in=me.charged_department_ids | me.headed_department_ids)
    chart = {
        "labels": [r.label for r in report.by_month],
        "general": [r.general for r in report.by_month],
        "serious": [r.serious for r in report.by_month],
        "amount": [str(r.amount) for r in report.by_month],
    }
    return render(request, "errors/reports.html", {
        "title": f"{year} 年差错统计", "year": year, "report": report, "chart": chart,
        "years": list(range(today.year, today.year - 5, -1)),
        "eligibility": award_eligibility(people.order_by("department__order", "rank", "id"), year),
    })
