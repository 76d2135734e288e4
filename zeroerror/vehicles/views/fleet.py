"""Vehicles and designated providers (clause 一(三)9)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zeroerror.core.access import person_of
from zeroerror.vehicles import access, actions
from zeroerror.vehicles.forms import CorrectionForm, ProviderForm, VehicleForm
from zeroerror.vehicles.models import OdometerReading, Provider
from zeroerror.vehicles.views.common import require, run

OFFICE_ONLY = "只有办公室可以管理公务用车。"


def vehicle_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    vehicles = access.visible_vehicles(person).with_providers().order_by("-active", "plate")
    return render(request, "vehicles/vehicles.html", {
        "title": "公务用车", "vehicles": vehicles, "can_manage": access.can_manage_fleet(person)})


def vehicle_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    vehicle = access.get_vehicle_or_404(request, pk)
    readings = (OdometerReading.objects.of_vehicle(vehicle).originals().with_corrections()
                .select_related("recorded_by").order_by("-read_at", "-pk")[:60])
    trips = access.visible_trips(person).filter(vehicle=vehicle).driven().with_related().order_by("-out_at")[:30]
    return render(request, "vehicles/vehicle.html", {
        "title": vehicle.plate, "vehicle": vehicle, "readings": readings, "trips": trips,
        "can_manage": access.can_manage_fleet(person)})


def vehicle_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    require(access.can_manage_fleet(person), OFFICE_ONLY)
    form = VehicleForm(request.POST or None, unit=person.unit)
    if request.method == "POST" and form.is_valid():
        if run(form, lambda: actions.do_create_vehicle(actor=request.user, **form.cleaned_data)):
            messages.success(request, "车辆已登记。")
            return redirect("vehicles:vehicles")
    return render(request, "vehicles/form.html", {"title": "登记车辆", "form": form, "back": "vehicles:vehicles"})


def vehicle_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    vehicle = access.get_vehicle_or_404(request, pk)
    require(access.can_manage_fleet(person), OFFICE_ONLY)
    initial = {f: getattr(vehicle, f) for f in ("plate", "model", "seats", "rated_consumption", "insurer",
                                                  "repair_shop", "fuel_station", "parking", "active")}
    form = VehicleForm(request.POST or None, unit=person.unit, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        if run(form, lambda: actions.do_update_vehicle(vehicle, actor=request.user, **form.cleaned_data)):
            messages.success(request, "车辆信息已更新。")
            return redirect("vehicles:vehicle", pk=vehicle.pk)
    return render(request, "vehicles/form.html", {"title": f"编辑车辆：{vehicle.plate}", "form": form,
                                                  "back": "vehicles:vehicles"})


def reading_correct(request: HttpRequest, pk: int, reading_pk: int) -> HttpResponse:
    person = person_of(request)
    vehicle = access.get_vehicle_or_404(request, pk)
    reading = access.get_reading_or_404(request, vehicle, reading_pk)
    trip = getattr(reading, "trip_out", None) if reading.kind == "out" else getattr(reading, "trip_in", None)
    require(access.is_office(person) or (trip is not None and trip.driver_id == person.pk),
            "只有办公室和该趟车的驾驶员可以更正里程读数。")
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if run(form, lambda: actions.do_correct_reading(reading, actor=request.user, **form.cleaned_data)):
            messages.success(request, "更正已登记，原读数保留备查。")
            return redirect("vehicles:vehicle", pk=vehicle.pk)
    return render(request, "vehicles/correct.html", {
        "title": f"更正里程读数：{vehicle.plate}", "form": form, "vehicle": vehicle, "reading": reading})


def provider_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    providers = Provider.objects.of_unit(person.unit).order_by("kind", "-active", "name")
    return render(request, "vehicles/providers.html", {
        "title": "定点服务单位", "providers": providers, "can_manage": access.can_manage_fleet(person)})


def provider_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    require(access.can_manage_fleet(person), OFFICE_ONLY)
    form = ProviderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if run(form, lambda: actions.do_create_provider(actor=request.user, **form.cleaned_data)):
            messages.success(request, "定点服务单位已登记。")
            return redirect("vehicles:providers")
    return render(request, "vehicles/form.html", {"title": "登记定点服务单位", "form": form,
                                                  "back": "vehicles:providers"})
