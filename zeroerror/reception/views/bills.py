"""The actual bill against the standard and the leader's special approval (clause 一(三)7)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zeroerror.core.access import person_of
from zeroerror.core.forms import run_form_action
from zeroerror.reception import access, actions
from zeroerror.reception.forms_plans import BillForm, SpecialApprovalForm
from zeroerror.reception.views.plans import managed


def bill_new(request: HttpRequest, pk: int) -> HttpResponse:
    _person, report = managed(request, pk)
    current = report.bills.filter(superseded_by__isnull=True).first()
    initial = {"guests": report.guest_count}
    if current is not None:
        initial = {k: getattr(current, k) for k in ("guests", "accompanying", "meals", "meal_total", "room_nights",
                                                    "room_total", "other_total", "invoice_ref")}
    form = BillForm(request.POST or None, initial=initial)
    if request.method == "POST" and run_form_action(
            request, form, lambda **d: actions.do_record_bill(report, supersedes=current, actor=request.user, **d),
            "结算已登记，符合接待标准。"):
        return redirect("reception:detail", report.pk)
    return render(request, "reception/simple_form.html", {
        "title": "更正结算" if current else "登记实际结算", "form": form, "report": report, "submit": "登记结算",
        "help": f"按{report.standard.level}标准核对：工作餐 {report.standard.meal_per_person} 元/人/餐，住宿 "
                f"{report.standard.room_per_night} 元/间/晚。超标准且无领导特别批准的，不予结算并提出差错线索（一(三)7）。"
                + ("更正结算作为新的记录保存，须说明原因。" if current else "")})


def special_new(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    report = access.get_report_or_404(request, pk)
    if not access.may_approve(person):
        raise PermissionDenied("超标准接待须经主要领导或分管办公室的领导特别批准。")
    form = SpecialApprovalForm(request.POST or None)
    if request.method == "POST" and run_form_action(
            request, form, lambda **d: actions.do_grant_special_approval(report, actor=request.user, **d),
            "超标准特别批准已记录。"):
        return redirect("reception:detail", report.pk)
    return render(request, "reception/simple_form.html", {
        "title": "超标准特别批准", "form": form, "report": report, "submit": "记录特别批准",
        "help": "食宿安排符合接待标准，领导没有特殊要求不得违规超标（一(三)7）。请写明理由和准予的标准。"})
