"""Trips (clause 一(三)9): the log, a request (用车审批单), approval, departure and return, a trip logged after the
fact."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.vehicles import access, actions
from zeroerror.vehicles.forms import CancelForm, DecisionForm, DepartForm, ReturnForm, TripLogForm, TripRequestForm
from zeroerror.vehicles.models import TripStatus
from zeroerror.vehicles.views.common import int_param, month_of, require, run


def trip_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    year, month = month_of(request)
    trips = access.visible_trips(person).with_related()
    vehicle_pk = int_param(request, "vehicle")
    if vehicle_pk:
        trips = trips.filter(vehicle_id=vehicle_pk)
    status = request.GET.get("status", "")
    if status == "holiday":
        trips = trips.on_holiday()
    elif status in TripStatus.values:
        trips = trips.filter(status=status)
    trips = trips.filter(planned_out_at__year=year, planned_out_at__month=month).order_by("-planned_out_at", "-pk")
    page = Paginator(trips, 50).get_page(request.GET.get("page"))
    return render(request, "vehicles/trips.html", {
        "title": "用车记录", "page": page, "trips": page.object_list, "month": f"{year:04d}-{month:02d}",
        "vehicles": access.visible_vehicles(person), "vehicle_pk": vehicle_pk, "status": status,
        "statuses": TripStatus.choices, "can_log": access.can_log_trips(person)})


def trip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    trip = access.get_trip_or_404(request, pk)
    drive = access.can_record_drive(person, trip)
    return render(request, "vehicles/trip.html", {
        "title": f"用车记录：{trip.vehicle.plate}", "trip": trip,
        "decision_form": DecisionForm() if access.can_approve(person, trip) else None,
        "depart_form": DepartForm() if drive and trip.status == TripStatus.APPROVED else None,
        "return_form": ReturnForm() if drive and trip.status == TripStatus.OUT else None,
        "cancel_form": CancelForm() if trip.status in (TripStatus.REQUESTED, TripStatus.APPROVED) and (
            trip.requester_id == person.pk or access.is_office(person)) else None,
        "can_correct": drive})


def trip_request(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    form = TripRequestForm(request.POST or None, unit=person.unit)
    if request.method == "POST" and form.is_valid():
        result = {}
        if run(form, lambda: result.setdefault("trip", actions.do_request_trip(actor=request.user,
                                                                                 **form.cleaned_data))):
            messages.success(request, "用车申请已提交，等待审批。")
            return redirect("vehicles:trip", pk=result["trip"].pk)
    return render(request, "vehicles/form.html", {"title": "用车申请", "form": form, "back": "vehicles:trips"})


def trip_log(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    require(access.can_log_trips(person), "只有办公室和驾驶员可以补登用车记录。")
    form = TripLogForm(request.POST or None, unit=person.unit)
    if request.method == "POST" and form.is_valid():
        result = {}
        if run(form, lambda: result.setdefault("trip", actions.do_log_trip(actor=request.user, **form.cleaned_data))):
            messages.success(request, "用车记录已补登。")
            return redirect("vehicles:trip", pk=result["trip"].pk)
    return render(request, "vehicles/form.html", {"title": "补登用车记录", "form": form, "back": "vehicles:trips"})


def _post(request, pk, form_class, allowed, refusal, call, done):
    person = person_of(request)
    trip = access.get_trip_or_404(request, pk)
    require(allowed(person, trip), refusal)
    form = form_class(request.POST)
    if form.is_valid() and run(form, lambda: call(trip, form.cleaned_data)):
        messages.success(request, done)
    else:
        for error in form.errors.values():
            for message in error:
                messages.error(request, message)
    return redirect("vehicles:trip", pk=trip.pk)


@require_POST
def trip_decide(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, DecisionForm, access.may_approve,
                 "用车申请由办公室主任或副主任审批，节假日用车由办公室主任、分管领导或主要领导审批，不能审批本人的申请。",
                 lambda trip, data: actions.do_decide_trip(trip, actor=request.user, **data), "审批意见已记录。")


@require_POST
def trip_depart(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, DepartForm, access.can_record_drive, "只有该车驾驶员和办公室可以登记出车、回车。",
                 lambda trip, data: actions.do_depart_trip(trip, actor=request.user, **data), "出车已登记。")


@require_POST
def trip_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, ReturnForm, access.can_record_drive, "只有该车驾驶员和办公室可以登记出车、回车。",
                 lambda trip, data: actions.do_return_trip(trip, actor=request.user, **data), "回车已登记。")


@require_POST
def trip_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, CancelForm, lambda p, t: t.requester_id == p.pk or access.is_office(p),
                 "只有用车人和办公室可以撤销用车申请。",
                 lambda trip, data: actions.do_cancel_trip(trip, actor=request.user, **data), "用车申请已撤销。")
