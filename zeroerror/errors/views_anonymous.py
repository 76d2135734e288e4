"""匿名举报 pages: the receipt shown once, the 查询码 page where the reporter follows the case and adds evidence, and
the 绩效办负责人's audited opening of the sealed identity. See errors/anonymous.py for what is (not) recorded."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from zeroerror.attachments.actions import read_upload
from zeroerror.core.access import person_of
from zeroerror.errors import access, anonymous
from zeroerror.errors.forms import AnonymousEvidenceForm, ReceiptForm, UnsealForm


def submit_report(request: HttpRequest, form) -> HttpResponse:
    """Called by the 举报 page when 匿名 is ticked: the receipt is shown once and never stored in the session."""
    data = form.cleaned_data
    try:
        files = [(data["evidence"].name, read_upload(data["evidence"]))] if data["evidence"] else []
        receipt = anonymous.do_submit_anonymous_report(
            clause_id=data["clause"].code, person=data["person"], occurred_on=data["occurred_on"],
            description=data["description"], files=files, actor=request.user)
    except ValidationError as exc:
        form.add_error(None, "；".join(exc.messages))
        return render(request, "errors/report.html", {"title": "举报差错", "form": form})
    return render(request, "errors/anonymous_receipt.html", {"title": "匿名举报已提交", "receipt": receipt})


def follow(request: HttpRequest) -> HttpResponse:
    """The 查询码 page: how the case stands (not the penalties), and evidence to add. Nothing here is audited or
    kept in the session — it would date the reporter's visit to their report."""
    me = person_of(request)
    found, form, evidence_form, queued = None, ReceiptForm(), AnonymousEvidenceForm(), None
    if request.method == "POST" and "evidence" in request.FILES:
        evidence_form = AnonymousEvidenceForm(request.POST, request.FILES)
        if evidence_form.is_valid():
            upload = evidence_form.cleaned_data["evidence"]
            try:
                queued = anonymous.do_submit_anonymous_evidence(
                    evidence_form.cleaned_data["code"], [(upload.name, read_upload(upload))], actor=request.user)
            except ValidationError as exc:
                evidence_form.add_error(None, "；".join(exc.messages))
            else:
                found = anonymous.standing(queued.code, me.unit)
                form = ReceiptForm(initial={"code": queued.code})
    elif request.method == "POST":
        form = ReceiptForm(request.POST)
        if form.is_valid():
            found = anonymous.standing(form.cleaned_data["code"], me.unit)
            if found is None:
                form.add_error("code", "查询码无效，请核对后重新输入。")
            else:
                evidence_form = AnonymousEvidenceForm(initial={"code": form.cleaned_data["code"]})
    return render(request, "errors/anonymous_follow.html", {
        "title": "匿名举报查询", "form": form, "evidence_form": evidence_form, "found": found, "queued": queued,
    })


@require_POST
def unseal(request: HttpRequest, pk: int) -> HttpResponse:
    """The 绩效办负责人 opens the sealed identity (reason required, audited)."""
    lead = access.get_lead_or_404(request, pk)
    if not anonymous.can_unseal(person_of(request), lead):
        raise PermissionDenied("只有本单位绩效办负责人可以查看匿名举报人身份。")
    form = UnsealForm(request.POST)
    sealed = None
    if form.is_valid():
        try:
            sealed = anonymous.do_unseal_reporter(lead, reason=form.cleaned_data["reason"], actor=request.user)
        except ValidationError as exc:
            form.add_error(None, "；".join(exc.messages))
    return render(request, "errors/unsealed.html", {"title": f"差错线索 #{lead.pk} 的匿名举报人", "lead": lead,
                                                    "sealed": sealed, "form": form},
                  status=200 if sealed else 400)
