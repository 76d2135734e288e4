"""The office director's tables for 公文: the 机关代字 (issue 11 1(c): which 代字 and 版头 for which 文种) and the
办理时限 (item 4). Everyone may read them; the 办公室主任 changes them (audited by the actions)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_form_errors, run_action
from zeroerror.documents import access, actions, forms
from zeroerror.documents.models import AgencyCode, SenderOrgan, TimeLimitVersion


def agency_codes(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    can_manage = access.can_manage_agency_codes(person)
    form = forms.AgencyCodeForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied("只有办公室主任可以设置机关代字。")
        if not form.is_valid():
            flash_form_errors(request, form)
        elif run_action(request, lambda: actions.do_save_agency_code(actor=request.user, **form.cleaned_data),
                        f"机关代字“{form.cleaned_data['code']}”已设置。"):
            return redirect("documents:agency_codes")
    codes = AgencyCode.objects.of_unit(person.unit_id).select_related("created_by").order_by("-active", "code")
    return render(request, "documents/agency_codes.html", {
        "title": "机关代字", "codes": codes, "form": form, "can_manage": can_manage, "unit": person.unit,
    })


def agency_code_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    if not access.can_manage_agency_codes(person):
        raise PermissionDenied("只有办公室主任可以设置机关代字。")
    entry = AgencyCode.objects.of_unit(person.unit_id).filter(pk=pk).first()
    if entry is None:
        raise Http404("没有这个机关代字。")
    form = forms.AgencyCodeForm(request.POST or None, initial={
        "code": entry.code, "kinds": entry.kinds, "mark": entry.mark, "active": entry.active})
    form.fields["code"].disabled = True
    if request.method == "POST":
        if not form.is_valid():
            flash_form_errors(request, form)
        elif run_action(request, lambda: actions.do_save_agency_code(actor=request.user, entry=entry,
                                                                     **form.cleaned_data),
                        f"机关代字“{entry.code}”已修改。"):
            return redirect("documents:agency_codes")
    return render(request, "documents/agency_code_form.html", {"title": f"修改机关代字 {entry.code}", "form": form,
                                                               "entry": entry})


def time_limits(request: HttpRequest) -> HttpResponse:
    """The 办理时限 table in force (everyone reads it: it is what the 督办 deadlines are counted from) and, for the
    办公室主任, the grid to change it; every saved version is listed with who changed what and why."""
    person = person_of(request)
    can_manage = access.can_manage_time_limits(person)
    table = actions.time_limit_table(person.unit_id)
    form = forms.TimeLimitForm(request.POST or None, table=table)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied("只有办公室主任可以修改办理时限表。")
        if not form.is_valid():
            flash_form_errors(request, form)
        elif run_action(request, lambda: actions.do_save_time_limits(
                data=form.table_data(), reason=form.cleaned_data["reason"], actor=request.user), "办理时限表已保存为新版本。"):
            return redirect("documents:time_limits")
    versions = TimeLimitVersion.objects.of_unit(person.unit_id).select_related("created_by")[:20]
    return render(request, "documents/time_limits.html", {
        "title": "办理时限表", "form": form, "can_manage": can_manage, "versions": versions,
        "urgencies": forms.URGENCIES,
    })


def senders(request: HttpRequest) -> HttpResponse:
    """The 来文机关 directory (issue 11 2(a)): the office keeps each organ once with its abbreviations."""
    person = person_of(request)
    can_manage = access.is_office(person)
    entry = None
    if request.GET.get("edit") and request.GET["edit"].isdigit():
        entry = SenderOrgan.objects.of_unit(person.unit_id).filter(pk=int(request.GET["edit"])).first()
        if entry is None:
            raise Http404("没有这个来文机关。")
    initial = {"name": entry.name, "aliases": "\n".join(entry.aliases), "active": entry.active} if entry else None
    form = forms.SenderOrganForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied("只有办公室人员可以维护来文机关名录。")
        if not form.is_valid():
            flash_form_errors(request, form)
        elif run_action(request, lambda: actions.do_save_sender_organ(actor=request.user, entry=entry,
                                                                      **form.cleaned_data),
                        f"来文机关“{form.cleaned_data['name']}”已保存。"):
            return redirect("documents:senders")
    organs = SenderOrgan.objects.of_unit(person.unit_id).order_by("-active", "name")
    return render(request, "documents/senders.html", {"title": "来文机关名录", "organs": organs, "form": form,
                                                      "can_manage": can_manage, "entry": entry})
