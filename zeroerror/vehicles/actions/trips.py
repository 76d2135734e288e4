"""Trips (clause 一(三)9): request (用车审批单), approval, departure and return with the odometer, a trip logged after
the fact (补登), and corrections of a reading as new, explained entries.

Refused, with nothing changed: an odometer reading lower than the vehicle's last one (or higher than a later one),
a return before the departure, a trip overlapping another driven trip of the same vehicle or driver. A trip that
touches a holiday period without a recorded work reason and a leader's approval is logged as it happened and
proposed as a lead (封存停驶)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.errors.actions import propose_lead
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.vehicles import access
from zeroerror.vehicles.actions.common import (
    add_reading,
    check_moment,
    check_not_future,
    check_reading,
    check_text,
    holiday_touched,
    local,
    require_person,
)
from zeroerror.vehicles.models import CLAUSE, OdometerReading, ReadingKind, Trip, TripStatus, Vehicle


def _check_vehicle(vehicle: Vehicle, unit) -> Vehicle:
    vehicle = Vehicle.objects.select_for_update().filter(pk=getattr(vehicle, "pk", None), unit=unit).first()
    if vehicle is None:
        raise ValidationError("请选择本单位的车辆。")
    if not vehicle.active:
        raise ValidationError(f"车辆 {vehicle.plate} 已停用。")
    return vehicle


def _check_people(unit, driver: Person, requester: Person, passengers: Iterable[Person], seats: int):
    if driver is None or driver.unit_id != unit.pk or not driver.active or not driver.has_role(Role.DRIVER):
        raise ValidationError("驾驶员须为本单位在岗驾驶员。")
    if requester is None or requester.unit_id != unit.pk or not requester.active:
        raise ValidationError("用车人须为本单位在职人员。")
    passengers = list(dict.fromkeys(passengers))
    strangers = [p.name for p in passengers if p.unit_id != unit.pk]
    if strangers:
        raise ValidationError(f"乘车人员须为本单位人员：{'、'.join(strangers)}（外单位人员请填在“其他乘车人员”）。")
    if driver in passengers:
        raise ValidationError("驾驶员不必列为乘车人员。")
    if len(passengers) + 1 > seats:
        raise ValidationError(f"乘车人数（含驾驶员）{len(passengers) + 1} 人，超过核定座位 {seats} 座。")
    return passengers


def _check_no_overlap(trip_pk, vehicle: Vehicle, driver: Person, start: datetime, end: datetime | None) -> None:
    others = Trip.objects.overlapping(start, end).exclude(pk=trip_pk).select_related("vehicle", "driver")
    clash = others.filter(vehicle=vehicle).order_by("out_at").first()
    if clash is not None:
        raise ValidationError(f"车辆 {vehicle.plate} 在 {_window(clash)} 另有出车记录（{clash.purpose}），"
                              f"同一车辆的用车时间不能重叠。")
    clash = others.filter(driver=driver).order_by("out_at").first()
    if clash is not None:
        raise ValidationError(f"驾驶员 {driver.name} 在 {_window(clash)} 驾驶 {clash.vehicle.plate} 出车"
                              f"（{clash.purpose}），同一驾驶员的出车时间不能重叠。")


def _window(trip: Trip) -> str:
    return f"{local(trip.out_at)} 至 {local(trip.back_at) if trip.back_at else '尚未回车'}"


def _flag_holiday(trip: Trip, start: datetime, end: datetime | None, *, actor) -> None:
    """Mark a driven trip that touches a holiday period; without a holiday approval it is proposed as a lead."""
    period = holiday_touched(start, end)
    if period is None:
        return
    if not trip.holiday:
        trip.holiday, trip.holiday_name = True, period.name
        trip.save(update_fields=["holiday", "holiday_name"])
    if trip.holiday_approved:
        return
    propose_lead(CLAUSE, trip.requester, timezone.localtime(start).date(),
                 f"{trip.vehicle.plate} 于{period.label}期间出车（{local(start)}，{trip.purpose}，驾驶员"
                 f"{trip.driver.name}），节假日车辆应封存停驶，此次用车无工作事由审批记录。",
                 trip, actor=actor, source_label=f"节假日用车：{trip.vehicle.plate} {local(start)}",
                 source_url=access.trip_url(trip))


TRIP_FIELDS = ("vehicle", "driver", "requester", "purpose", "destinations", "other_passengers")


@transaction.atomic(durable=True)
def do_request_trip(*, vehicle: Vehicle, driver: Person, purpose: str, destinations: str,
                    planned_out_at: datetime, planned_back_at: datetime, passengers: Iterable[Person] = (),
                    other_passengers: str = "", holiday_reason: str = "", requester: Person | None = None,
                    actor) -> Trip:
    """A 用车申请 (the 用车审批单). One that touches a holiday period needs the work reason (节假日工作事由)."""
    person = require_person(actor)
    requester = requester or person
    if requester != person and not access.is_office(person):
        raise ValidationError("只能以本人名义申请用车（办公室可代为登记）。")
    vehicle = _check_vehicle(vehicle, person.unit)
    passengers = _check_people(person.unit, driver, requester, passengers, vehicle.seats)
    purpose = check_text(purpose, "请填写用车事由。", 200)
    destinations = check_text(destinations, "请填写目的地。", 200)
    check_moment(planned_out_at, "计划出车时间")
    check_moment(planned_back_at, "计划回车时间")
    if planned_back_at <= planned_out_at:
        raise ValidationError("计划回车时间须晚于计划出车时间。")
    period = holiday_touched(planned_out_at, planned_back_at)
    holiday_reason = (holiday_reason or "").strip()
    if period is not None and not holiday_reason:
        raise ValidationError(f"{period.label}期间车辆封存停驶，除工作需要外不得用车：请填写节假日工作事由。")
    trip = Trip.objects.create(
        unit=person.unit, vehicle=vehicle, driver=driver, requester=requester, department=requester.department,
        purpose=purpose, destinations=destinations, other_passengers=(other_passengers or "").strip()[:200],
        planned_out_at=planned_out_at, planned_back_at=planned_back_at, holiday=period is not None,
        holiday_name=period.name if period else "", holiday_reason=holiday_reason[:300] if period else "",
        status=TripStatus.REQUESTED, created_by=person)
    trip.passengers.set(passengers)
    record("vehicles.trip.request", actor=actor, kind=AuditKind.CREATE, obj=trip,
           changes={"vehicle": vehicle.plate, "driver": driver.pk, "purpose": purpose, "destinations": destinations,
                    "planned": [local(planned_out_at), local(planned_back_at)], "holiday": trip.holiday_name,
                    "holiday_reason": trip.holiday_reason, "passengers": [p.pk for p in passengers]})
    return trip


@transaction.atomic(durable=True)
def do_decide_trip(trip: Trip, *, approve: bool, note: str = "", actor) -> Trip:
    person = require_person(actor)
    trip = Trip.objects.select_for_update().get(pk=trip.pk)
    if trip.status != TripStatus.REQUESTED:
        raise ValidationError(f"该用车申请{trip.get_status_display()}，不能再审批。")
    if trip.requester_id == person.pk:
        raise ValidationError("不能审批本人的用车申请。")
    if not access.may_approve(person, trip):
        raise ValidationError("节假日用车须经办公室主任、分管领导或主要领导审批。" if trip.holiday
                              else "用车申请由办公室主任或副主任审批。")
    note = (note or "").strip()
    if not approve and not note:
        raise ValidationError("不予批准须说明理由。")
    trip.status = TripStatus.APPROVED if approve else TripStatus.REJECTED
    trip.approved_by, trip.approved_at, trip.decision_note = person, timezone.now(), note[:200]
    trip.holiday_approved = approve and trip.holiday
    trip.save(update_fields=["status", "approved_by", "approved_at", "decision_note", "holiday_approved"])
    record("vehicles.trip.approve" if approve else "vehicles.trip.reject", actor=actor, kind=AuditKind.CHANGE,
           obj=trip, changes={"status": trip.status, "note": trip.decision_note, "holiday": trip.holiday_name})
    return trip


@transaction.atomic(durable=True)
def do_cancel_trip(trip: Trip, *, reason: str, actor) -> Trip:
    person = require_person(actor)
    trip = Trip.objects.select_for_update().get(pk=trip.pk)
    if trip.requester_id != person.pk and not access.is_office(person):
        raise ValidationError("只有用车人和办公室可以撤销用车申请。")
    if trip.status not in (TripStatus.REQUESTED, TripStatus.APPROVED):
        raise ValidationError(f"该用车记录{trip.get_status_display()}，不能撤销。")
    reason = check_text(reason, "请说明撤销原因。", 200)
    trip.status, trip.decision_note = TripStatus.CANCELLED, reason
    trip.save(update_fields=["status", "decision_note"])
    record("vehicles.trip.cancel", actor=actor, kind=AuditKind.CHANGE, obj=trip, changes={"reason": reason})
    return trip


def _check_driver_or_office(person: Person, trip: Trip) -> None:
    if not access.can_record_drive(person, trip):
        raise ValidationError("只有该车驾驶员和办公室可以登记出车、回车。")


@transaction.atomic(durable=True)
def do_depart_trip(trip: Trip, *, out_at: datetime, odometer_out: int, actor) -> Trip:
    person = require_person(actor)
    trip = Trip.objects.select_for_update(of=("self",)).select_related("vehicle", "driver", "requester").get(pk=trip.pk)
    _check_driver_or_office(person, trip)
    if trip.status != TripStatus.APPROVED:
        raise ValidationError(f"该用车申请{trip.get_status_display()}，批准后才能出车。")
    check_moment(out_at, "出车时间")
    check_not_future(out_at, "出车时间")
    vehicle = _check_vehicle(trip.vehicle, trip.unit)
    check_reading(vehicle, odometer_out, out_at)
    _check_no_overlap(trip.pk, vehicle, trip.driver, out_at, None)
    trip.out_reading = add_reading(vehicle, ReadingKind.OUT, odometer_out, out_at, person=person)
    trip.out_at, trip.status = out_at, TripStatus.OUT
    trip.save(update_fields=["out_reading", "out_at", "status"])
    record("vehicles.trip.depart", actor=actor, kind=AuditKind.CHANGE, obj=trip,
           changes={"out_at": local(out_at), "odometer_out": odometer_out})
    _flag_holiday(trip, out_at, None, actor=actor)
    return trip


@transaction.atomic(durable=True)
def do_return_trip(trip: Trip, *, back_at: datetime, odometer_in: int, actor) -> Trip:
    person = require_person(actor)
    trip = Trip.objects.select_for_update(of=("self",)).select_related("vehicle", "driver", "requester").get(pk=trip.pk)
    _check_driver_or_office(person, trip)
    if trip.status != TripStatus.OUT:
        raise ValidationError(f"该用车记录{trip.get_status_display()}，不能登记回车。")
    check_moment(back_at, "回车时间")
    check_not_future(back_at, "回车时间")
    if back_at <= trip.out_at:
        raise ValidationError(f"回车时间不能早于出车时间（{local(trip.out_at)}）。")
    vehicle = Vehicle.objects.select_for_update().get(pk=trip.vehicle_id)
    check_reading(vehicle, odometer_in, back_at)
    _check_no_overlap(trip.pk, vehicle, trip.driver, trip.out_at, back_at)
    trip.in_reading = add_reading(vehicle, ReadingKind.IN, odometer_in, back_at, person=person)
    trip.back_at, trip.status = back_at, TripStatus.RETURNED
    trip.save(update_fields=["in_reading", "back_at", "status"])
    record("vehicles.trip.return", actor=actor, kind=AuditKind.CHANGE, obj=trip,
           changes={"back_at": local(back_at), "odometer_in": odometer_in})
    _flag_holiday(trip, trip.out_at, back_at, actor=actor)
    return trip


@transaction.atomic(durable=True)
def do_log_trip(*, vehicle: Vehicle, driver: Person, requester: Person, purpose: str, destinations: str,
                out_at: datetime, odometer_out: int, back_at: datetime | None = None, odometer_in: int | None = None,
                passengers: Iterable[Person] = (), other_passengers: str = "", late_reason: str, actor) -> Trip:
    """A trip logged after the fact without a request in the system (补登, e.g. an emergency): the office or a
    driver records it as it happened, with the reason. On a holiday it has no approval, so it is a lead."""
    person = require_person(actor)
    if not access.can_log_trips(person):
        raise ValidationError("只有办公室和驾驶员可以补登用车记录。")
    vehicle = _check_vehicle(vehicle, person.unit)
    passengers = _check_people(person.unit, driver, requester, passengers, vehicle.seats)
    purpose = check_text(purpose, "请填写用车事由。", 200)
    destinations = check_text(destinations, "请填写目的地。", 200)
    late_reason = check_text(late_reason, "请说明未经申请用车、补登的原因。", 200)
    check_moment(out_at, "出车时间")
    check_not_future(out_at, "出车时间")
    if (back_at is None) != (odometer_in is None):
        raise ValidationError("回车时间和回车里程须同时填写。")
    if back_at is not None:
        check_moment(back_at, "回车时间")
        check_not_future(back_at, "回车时间")
        if back_at <= out_at:
            raise ValidationError(f"回车时间不能早于出车时间（{local(out_at)}）。")
    check_reading(vehicle, odometer_out, out_at)
    if back_at is not None:
        if odometer_in < odometer_out:
            raise ValidationError(f"回车里程 {odometer_in} 公里低于出车里程 {odometer_out} 公里：里程不能倒退。")
        check_reading(vehicle, odometer_in, back_at)
    _check_no_overlap(None, vehicle, driver, out_at, back_at)
    trip = Trip.objects.create(
        unit=person.unit, vehicle=vehicle, driver=driver, requester=requester, department=requester.department,
        purpose=purpose, destinations=destinations, other_passengers=(other_passengers or "").strip()[:200],
        planned_out_at=out_at, planned_back_at=back_at or out_at, out_at=out_at, back_at=back_at,
        status=TripStatus.RETURNED if back_at else TripStatus.OUT, unrequested=True, late_reason=late_reason,
        created_by=person)
    trip.passengers.set(passengers)
    trip.out_reading = add_reading(vehicle, ReadingKind.OUT, odometer_out, out_at, person=person)
    if back_at is not None:
        trip.in_reading = add_reading(vehicle, ReadingKind.IN, odometer_in, back_at, person=person)
    trip.save(update_fields=["out_reading", "in_reading"])
    record("vehicles.trip.log", actor=actor, kind=AuditKind.CREATE, obj=trip,
           changes={"vehicle": vehicle.plate, "driver": driver.pk, "requester": requester.pk, "purpose": purpose,
                    "destinations": destinations, "out": [local(out_at), odometer_out],
                    "back": [local(back_at), odometer_in] if back_at else None, "late_reason": late_reason})
    _flag_holiday(trip, out_at, back_at, actor=actor)
    return trip


@transaction.atomic(durable=True)
def do_correct_reading(reading: OdometerReading, *, value: int, reason: str, actor) -> OdometerReading:
    """A wrong odometer reading is corrected by a new entry with the reason; the original stays on record."""
    person = require_person(actor)
    reading = OdometerReading.objects.select_related("vehicle").get(pk=reading.pk)
    if reading.corrects_id is not None:
        reading = reading.corrects
    vehicle = Vehicle.objects.select_for_update().get(pk=reading.vehicle_id)
    trip = Trip.objects.filter(out_reading=reading).first() or Trip.objects.filter(in_reading=reading).first()
    allowed = access.is_office(person) or (trip is not None and trip.driver_id == person.pk)
    if not allowed:
        raise ValidationError("只有办公室和该趟车的驾驶员可以更正里程读数。")
    reason = check_text(reason, "请说明更正原因。", 200)
    current = OdometerReading.objects.with_corrections().get(pk=reading.pk).effective_value
    if value == current:
        raise ValidationError(f"更正后的读数与现读数 {current} 公里相同。")
    check_reading(vehicle, value, reading.read_at, exclude_pk=reading.pk)
    correction = add_reading(vehicle, ReadingKind.CORRECTION, value, reading.read_at, person=person, reason=reason,
                             corrects=reading)
    record("vehicles.reading.correct", actor=actor, kind=AuditKind.CREATE, obj=correction,
           changes={"vehicle": vehicle.plate, "reading": reading.pk, "kind": reading.kind,
                    "from": current, "to": value, "reason": reason})
    return correction
