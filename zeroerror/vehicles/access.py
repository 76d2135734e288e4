"""Who sees and does what in 公务用车 (clause 一(三)9). Every vehicles view goes through these helpers; no access is
a 404.

* The office (办公室) runs the fleet: it registers vehicles and designated providers, logs trips, seals the vehicles
  before a holiday and records costs; it and the unit-wide roles (office director, principal leader, inspectors)
  and the leaders in charge see every trip and cost of the unit.
* A driver (驾驶员) records departure and return of the trips they drive, and sees them.
* Anyone may ask for a vehicle (用车申请); they see their requests and the trips they ride in; a department head
  sees the trips of their department.
* Approval: the office director or deputy; a trip during a holiday period (封存停驶) needs a recorded work reason and
  the approval of the office director, the leader in charge or the principal leader. Nobody approves their own.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from zeroerror.core.access import person_of
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.tracking.registry import TodoEntry
from zeroerror.vehicles.models import Cost, OdometerReading, Provider, Seal, SealingRound, Trip, TripStatus, Vehicle

APPROVER_ROLES = (Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)
HOLIDAY_APPROVER_ROLES = (Role.OFFICE_DIRECTOR, Role.LEADER_IN_CHARGE, Role.PRINCIPAL_LEADER)


def is_office(person: Person) -> bool:
    return person.department.is_office or person.has_role(Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)


def is_driver(person: Person) -> bool:
    return person.has_role(Role.DRIVER)


def sees_all(person: Person) -> bool:
    """The office, the unit-wide roles and the leaders see every trip and cost of the unit."""
    return is_office(person) or person.is_unit_wide or person.has_role(*HOLIDAY_APPROVER_ROLES)


def can_manage_fleet(person: Person) -> bool:
    return is_office(person)


def can_log_trips(person: Person) -> bool:
    return is_office(person) or is_driver(person)


def can_record_drive(person: Person, trip: Trip) -> bool:
    """Departure, return and corrections of a trip: its driver or the office."""
    return is_office(person) or trip.driver_id == person.pk


def may_approve(person: Person, trip: Trip) -> bool:
    if trip.requester_id == person.pk:
        return False
    roles = HOLIDAY_APPROVER_ROLES if trip.holiday else APPROVER_ROLES
    return person.has_role(*roles)


def can_approve(person: Person, trip: Trip) -> bool:
    return trip.status == TripStatus.REQUESTED and may_approve(person, trip)


def visible_vehicles(person: Person):
    return Vehicle.objects.of_unit(person.unit)


def visible_trips(person: Person):
    qs = Trip.objects.of_unit(person.unit)
    if sees_all(person):
        return qs
    departments = person.headed_department_ids | person.charged_department_ids
    mine = Q(requester=person) | Q(driver=person) | Q(passengers=person)
    if departments:
        mine |= Q(department_id__in=departments)
    return qs.filter(pk__in=Trip.objects.filter(mine).values("pk"))


def visible_costs(person: Person):
    qs = Cost.objects.of_unit(person.unit)
    return qs if sees_all(person) else qs.none()


def visible_seals(person: Person):
    return Seal.objects.filter(round__unit=person.unit)


def visible_rounds(person: Person):
    return SealingRound.objects.of_unit(person.unit)


def get_vehicle_or_404(request: HttpRequest, pk: int) -> Vehicle:
    vehicle = visible_vehicles(person_of(request)).with_providers().filter(pk=pk).first()
    if vehicle is None:
        raise Http404("车辆不存在。")
    return vehicle


def get_trip_or_404(request: HttpRequest, pk: int) -> Trip:
    trip = visible_trips(person_of(request)).with_related().filter(pk=pk).first()
    if trip is None:
        raise Http404("用车记录不存在。")
    return trip


def get_reading_or_404(request: HttpRequest, vehicle: Vehicle, pk: int) -> OdometerReading:
    reading = OdometerReading.objects.of_vehicle(vehicle).originals().with_corrections().filter(pk=pk).first()
    if reading is None:
        raise Http404("读数不存在。")
    return reading


def get_provider_or_404(request: HttpRequest, pk: int) -> Provider:
    provider = Provider.objects.of_unit(person_of(request).unit).filter(pk=pk).first()
    if provider is None:
        raise Http404("服务单位不存在。")
    return provider


def get_round_or_404(request: HttpRequest, pk: int) -> SealingRound:
    found = visible_rounds(person_of(request)).filter(pk=pk).first()
    if found is None:
        raise Http404("封存批次不存在。")
    return found


def trip_url(trip: Trip) -> str:
    return reverse("vehicles:trip", args=[trip.pk])


def vehicle_url(vehicle: Vehicle) -> str:
    return reverse("vehicles:vehicle", args=[vehicle.pk])


# 我的待办 ---------------------------------------------------------------------------------------------------------

def vehicles_inbox(person: Person) -> list[TodoEntry]:
    """Requests waiting for this person's approval; the approved trips a driver is to take out and the trips they
    have not brought back yet."""
    now = timezone.now()
    entries: list[TodoEntry] = []
    if person.has_role(*APPROVER_ROLES, *HOLIDAY_APPROVER_ROLES):
        waiting = (Trip.objects.of_unit(person.unit).awaiting_approval().exclude(requester=person)
                   .select_related("vehicle", "requester").order_by("planned_out_at")[:50])
        for trip in waiting:
            if may_approve(person, trip):
                entries.append(TodoEntry(
                    kind="节假日用车审批" if trip.holiday else "用车审批",
                    title=f"{trip.vehicle.plate}：{trip.purpose}", url=trip_url(trip), action_label="审批",
                    due_at=trip.planned_out_at, sender=trip.requester.name, overdue=trip.planned_out_at < now))
    mine = (Trip.objects.filter(driver=person, status__in=(TripStatus.APPROVED, TripStatus.OUT))
            .select_related("vehicle", "requester").order_by("planned_out_at")[:50])
    for trip in mine:
        out = trip.status == TripStatus.OUT
        entries.append(TodoEntry(
            kind="登记回车" if out else "出车", title=f"{trip.vehicle.plate}：{trip.purpose}", url=trip_url(trip),
            action_label="回车" if out else "出车", due_at=trip.planned_back_at if out else trip.planned_out_at,
            sender=trip.requester.name, overdue=(trip.planned_back_at if out else trip.planned_out_at) < now))
    return entries
