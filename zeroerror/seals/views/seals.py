"""Seals and their custodians (一(六)1), the letterhead keeper (一(六)7)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zeroerror.core.access import person_of
from zeroerror.seals import access, actions
from zeroerror.seals.forms import AppointForm, SealForm
from zeroerror.seals.models import Appointment, Seal
from zeroerror.seals.views.common import try_action


def seal_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    seals = list(Seal.objects.of_unit(person.unit).order_by("kind", "id"))
    appointments = list(Appointment.objects.of_unit(person.unit).select_related("person", "seal", "appointed_by")
                        .order_by("-started_on", "-id"))
    current = {a.pk for a in Appointment.objects.of_unit(person.unit).current()}
    return render(request, "seals/seals.html", {
        "title": "印章与专管人员", "seals": seals, "appointments": appointments, "current": current,
        "can_manage": access.can_manage(person), "can_appoint": access.can_appoint(person)})


def seal_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.can_manage(person):
        raise PermissionDenied("只有办公室主任、副主任可以登记印章。")
    form = SealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if try_action(request, form, lambda: actions.do_create_seal(unit=person.unit, actor=request.user,
                                                                      **form.cleaned_data)):
            messages.success(request, "印章已登记，请指定专管员。")
            return redirect("seals:seals")
    return render(request, "seals/form.html", {"title": "登记印章", "form": form, "back": "seals:seals",
                                               "back_label": "印章与专管人员"})


def appoint(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.can_appoint(person):
        raise PermissionDenied("印章和信笺的专管人员由办公室主任指定。")
    form = AppointForm(request.POST or None, seals=Seal.objects.of_unit(person.unit).active(),
                       people=access.unit_people(person))
    if request.method == "POST" and form.is_valid():
        if try_action(request, form, lambda: actions.do_appoint_keeper(unit=person.unit, actor=request.user,
                                                                         **form.cleaned_data)):
            messages.success(request, "专管人员已指定。")
            return redirect("seals:seals")
    return render(request, "seals/form.html", {"title": "指定专管人员", "form": form, "back": "seals:seals",
                                               "back_label": "印章与专管人员"})
