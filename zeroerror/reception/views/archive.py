"""The reception's files and archive (clause 一(三)8) and its printouts (接待方案, 接待审批单)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from zeroerror.attachments.actions import read_upload
from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_form_errors, flash_refusal, run_action
from zeroerror.reception import access, actions, printouts
from zeroerror.reception.dossier import build_dossier
from zeroerror.reception.forms_plans import FileForm
from zeroerror.reception.views.plans import managed, plan_of

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_POST
def file_upload(request: HttpRequest, pk: int) -> HttpResponse:
    _person, report = managed(request, pk)
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("reception:detail", report.pk)
    upload = form.cleaned_data["file"]
    try:
        data = read_upload(upload)
        actions.do_file_reception_file(report, upload.name, data, purpose=form.cleaned_data["purpose"],
                                       actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, f"已归入档案：{upload.name}")
    return redirect("reception:detail", report.pk)


@require_POST
def archive(request: HttpRequest, pk: int) -> HttpResponse:
    _person, report = managed(request, pk)
    run_action(request, lambda: actions.do_archive_report(report, actor=request.user), "接待资料已归档。")
    return redirect("reception:detail", report.pk)


def _exporter(request, pk):
    person = person_of(request)
    report = access.get_report_or_404(request, pk)
    if not access.can_export(person, report):
        raise PermissionDenied("您不能导出本次接待的档案和方案。")
    return report


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename={filename}"
    return response


def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    report = _exporter(request, pk)
    data = build_dossier(report)
    actions.do_record_export(report, "dossier", actor=request.user)
    return _download(data, "application/zip", f"reception-{report.pk}-archive.zip")


def _printout(request, pk: int, what: str, fmt: str) -> HttpResponse:
    from django.http import Http404

    if fmt not in ("docx", "pdf"):
        raise Http404("没有这种格式。")
    report = _exporter(request, pk)
    if what == "plan":
        data, name = printouts.plan_docx(plan_of(report)), f"reception-{report.pk}-plan"
    else:
        data, name = printouts.approval_docx(report), f"reception-{report.pk}-approval"
    if fmt == "pdf":
        try:
            data = printouts.to_pdf(name, data)
        except printouts.PdfUnavailable as exc:
            messages.error(request, exc.message)
            return redirect("reception:detail", report.pk)
    actions.do_record_export(report, f"{what}.{fmt}", actor=request.user)
    return _download(data, "application/pdf" if fmt == "pdf" else DOCX, f"{name}.{fmt}")


def print_plan(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return _printout(request, pk, "plan", fmt)


def print_approval(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return _printout(request, pk, "approval", fmt)
