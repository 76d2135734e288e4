"""The 用印登记簿 (一(六)4): the register page and its PDF, a row with its photo, the safe-return confirmation
(一(六)6) and corrections (a new explained row)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.attachments.models import Attachment
from zeroerror.core.access import person_of
from zeroerror.core.forms import run_action
from zeroerror.seals import access, actions, pdf
from zeroerror.seals.forms import CorrectionForm
from zeroerror.seals.models import SafeReturn, SealUseKind
from zeroerror.seals.views.common import try_action, year_param


def register(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    year = year_param(request)
    qs = access.visible_uses(person).in_year(year).with_related().order_by("-number")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "seals/register.html", {
        "title": f"用印登记簿（{year}年）", "page": page, "year": year, "sees_all": access.sees_all(person)})


def register_pdf(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    year = year_param(request)
    rows = list(access.visible_uses(person).in_year(year).with_related().order_by("number"))
    data = pdf.register_pdf(person.unit.name, year, rows)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f"inline; filename=seal-register-{year}.pdf"
    return response


def _can_keep(person, use) -> bool:
    return person.pk == use.custodian_id or access.custodian_of(use.seal) == person


def use_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    use = access.get_use_or_404(request, pk)
    attachments = Attachment.objects.for_owner(use)
    confirmation = SafeReturn.objects.filter(use=use).select_related("confirmed_by").first()
    keeps = _can_keep(person, use)
    return render(request, "seals/use.html", {
        "title": f"用印登记 {use.label}", "use": use, "confirmation": confirmation, "attachments": attachments,
        "can_confirm": keeps and use.kind == SealUseKind.USE and confirmation is None,
        "can_correct": keeps and use.kind == SealUseKind.USE,
        "corrections": use.corrections.select_related("custodian").order_by("number"),
        "correction_form": CorrectionForm(initial={"document": use.document, "copies": use.copies})})


@require_POST
def use_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    use = access.get_use_or_404(request, pk)
    if not _can_keep(person, use):
        raise PermissionDenied("只有该印章的专管员可以确认印章入柜。")
    run_action(request, lambda: actions.do_confirm_safe_return(use, actor=request.user), "已确认印章锁入保险柜。")
    return redirect("seals:use", use.pk)


def use_correct(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    use = access.get_use_or_404(request, pk)
    if not _can_keep(person, use):
        raise PermissionDenied("只有该印章的专管员可以更正用印登记。")
    form = CorrectionForm(request.POST or None, initial={"document": use.document, "copies": use.copies})
    if request.method == "POST" and form.is_valid():
        holder = {}
        if try_action(request, form, lambda: holder.setdefault(
                "c", actions.do_correct_seal_use(use, actor=request.user, **form.cleaned_data))):
            messages.success(request, f"已追加更正记录（{holder['c'].label}），原登记保留。")
            return redirect("seals:use", use.pk)
    return render(request, "seals/form.html", {"title": f"更正用印登记 {use.label}", "form": form,
                                               "back": "seals:register", "back_label": "用印登记簿"})
