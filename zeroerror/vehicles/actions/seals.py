"""Holiday sealing (封存停驶, clause 一(三)9).

Before each holiday period the office opens a sealing round (the tick does it a week ahead, with a tracked item due at
the end of the last working day before the holiday) and seals every vehicle in service with its odometer read.
After the holiday each vehicle is unsealed with the odometer read again; km that the trips logged in between do not
explain are proposed as a lead (an unapproved trip logged in between is a lead of its own)."""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.errors.actions import propose_lead
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.tracking.actions import close_items_for_source, create_tracked_item
from zeroerror.vehicles import access
from zeroerror.vehicles.actions.common import (
    add_reading,
    check_moment,
    check_not_future,
    check_reading,
    holiday_period_of,
    local,
    require_person,
    upcoming_holidays,
)
from zeroerror.vehicles.models import CLAUSE, OdometerReading, ReadingKind, Seal, SealingRound, Trip, Vehicle
from zeroerror.workdays.service import work_calendar

# km an unsealed vehicle may show beyond its logged trips (moving it inside the car park) before it is a lead
SEAL_TOLERANCE_KM = 3
PLAN_AHEAD_DAYS = 7


def round_url(sealing_round: SealingRound) -> str:
    return reverse("vehicles:round", args=[sealing_round.pk])


def _keeper(unit) -> Person | None:
    """Who is answerable for sealing: the office director, else a deputy."""
    for role in (Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR):
        person = Person.objects.active().filter(unit=unit).with_role(role).order_by("pk").first()
        if person is not None:
            return person
    return None


def _open_round(unit, start: dt.date, *, actor, person: Person | None) -> SealingRound:
    period = holiday_period_of(start)
    if period is None:
        raise ValidationError(f"{start:%Y-%m-%d} 不在法定节假日内，无需封存。")
    existing = SealingRound.objects.of_unit(unit).filter(start=period.start).first()
    if existing is not None:
        return existing
    sealing_round = SealingRound.objects.create(unit=unit, name=period.name, start=period.start, end=period.end)
    record("vehicles.round.open", actor=actor, kind=AuditKind.CREATE, obj=sealing_round,
           changes={"name": period.name, "start": period.start, "end": period.end})
    owner = _keeper(unit) or person
    if owner is not None:
        last_workday = work_calendar().previous_workday(period.start)
        due = timezone.make_aware(datetime.combine(last_workday, dt.time()) +
                                  dt.timedelta(hours=settings.WORKDAY_END_HOUR))
        create_tracked_item(
            title=f"节前封存公务用车：{period.label}", owner=owner, due_at=due, area="reception", clause_id=CLAUSE,
            detail="节假日期间公务用车除工作需要外应当封存停驶：逐车在指定地点封存并登记里程表读数。",
            source=sealing_round, source_label=str(sealing_round), source_url=round_url(sealing_round), actor=actor)
    return sealing_round


@transaction.atomic(durable=True)
def do_open_sealing_round(*, day: dt.date, actor) -> SealingRound:
    person = require_person(actor)
    if not access.can_manage_fleet(person):
        raise ValidationError("只有办公室可以封存公务用车。")
    if not isinstance(day, dt.date) or not 2000 <= day.year <= 2100:
        raise ValidationError("请填写节假日中的一天。")
    return _open_round(person.unit, day, actor=actor, person=person)


def plan_sealing(now: datetime) -> str:
    """Tick task: a week before each holiday period, open its sealing round for every unit with vehicles."""
    today = timezone.localdate(now)
    periods = [p for p in upcoming_holidays(today, today + dt.timedelta(days=PLAN_AHEAD_DAYS)) if p.start >= today]
    opened = 0
    for period in periods:
        units = Vehicle.objects.active().values_list("unit", flat=True).distinct()
        for unit_id in units:
            if SealingRound.objects.filter(unit_id=unit_id, start=period.start).exists():
                continue
            with transaction.atomic(durable=True):
                unit = Vehicle.objects.filter(unit_id=unit_id).select_related("unit").first().unit
                _open_round(unit, period.start, actor=None, person=None)
                opened += 1
    return f"公务用车封存批次 {opened} 个"


@transaction.atomic(durable=True)
def do_seal_vehicle(sealing_round: SealingRound, vehicle: Vehicle, *, odometer: int, sealed_at: datetime,
                    actor) -> Seal:
    person = require_person(actor)
    if not access.can_manage_fleet(person):
        raise ValidationError("只有办公室可以封存公务用车。")
    sealing_round = SealingRound.objects.select_for_update().get(pk=sealing_round.pk, unit=person.unit)
    vehicle = Vehicle.objects.select_for_update().filter(pk=vehicle.pk, unit=person.unit).first()
    if vehicle is None or not vehicle.active:
        raise ValidationError("请选择本单位在用的车辆。")
    if Seal.objects.filter(round=sealing_round, vehicle=vehicle).exists():
        raise ValidationError(f"{vehicle.plate} 已在{sealing_round.name}封存。")
    check_moment(sealed_at, "封存时间")
    check_not_future(sealed_at, "封存时间")
    if timezone.localtime(sealed_at).date() > sealing_round.end:
        raise ValidationError(f"{sealing_round.name}已于 {sealing_round.end:%Y-%m-%d} 结束，不能再封存。")
    out = Trip.objects.overlapping(sealed_at, sealed_at).filter(vehicle=vehicle).first()
    if out is not None:
        raise ValidationError(f"{vehicle.plate} 于 {local(sealed_at)} 在出车途中（{out.purpose}），回车后再封存。")
    check_reading(vehicle, odometer, sealed_at)
    reading = add_reading(vehicle, ReadingKind.SEAL, odometer, sealed_at, person=person,
                          reason=f"{sealing_round.name}封存")
    seal = Seal.objects.create(round=sealing_round, vehicle=vehicle, sealed_reading=reading, sealed_by=person,
                               sealed_at=sealed_at)
    record("vehicles.seal.seal", actor=actor, kind=AuditKind.CREATE, obj=seal,
           changes={"vehicle": vehicle.plate, "round": str(sealing_round), "odometer": odometer,
                    "sealed_at": local(sealed_at)})
    in_service = Vehicle.objects.of_unit(person.unit).active().count()
    if Seal.objects.filter(round=sealing_round).count() >= in_service:
        close_items_for_source(sealing_round, f"{in_service} 辆公务用车均已封存。", actor=actor)
    return seal


@transaction.atomic(durable=True)
def do_unseal_vehicle(seal: Seal, *, odometer: int, unsealed_at: datetime, actor) -> Seal:
    person = require_person(actor)
    if not access.can_manage_fleet(person):
        raise ValidationError("只有办公室可以启封公务用车。")
    seal = Seal.objects.select_for_update(of=("self",)).select_related("round", "vehicle").get(pk=seal.pk)
    if seal.round.unit_id != person.unit_id:
        raise ValidationError("请选择本单位的封存记录。")
    if seal.unsealed_at is not None:
        raise ValidationError(f"{seal.vehicle.plate} 已于 {local(seal.unsealed_at)} 启封。")
    check_moment(unsealed_at, "启封时间")
    check_not_future(unsealed_at, "启封时间")
    if unsealed_at <= seal.sealed_at:
        raise ValidationError(f"启封时间须晚于封存时间（{local(seal.sealed_at)}）。")
    vehicle = Vehicle.objects.select_for_update().get(pk=seal.vehicle_id)
    trips = Trip.objects.overlapping(seal.sealed_at, unsealed_at).filter(vehicle=vehicle)
    out = trips.filter(back_at__isnull=True).first() or trips.filter(back_at__gt=unsealed_at).first()
    if out is not None:
        raise ValidationError(f"{vehicle.plate} 出车未归（{out.purpose}），回车后再启封。")
    check_reading(vehicle, odometer, unsealed_at)
    sealed_value = OdometerReading.objects.with_corrections().get(pk=seal.sealed_reading_id).effective_value
    logged = sum(t.distance or 0 for t in trips.with_related())
    unexplained = max(odometer - sealed_value - logged, 0)
    seal.unsealed_reading = add_reading(vehicle, ReadingKind.UNSEAL, odometer, unsealed_at, person=person,
                                        reason=f"{seal.round.name}启封")
    seal.unsealed_by, seal.unsealed_at, seal.unexplained_km = person, unsealed_at, unexplained
    seal.save(update_fields=["unsealed_reading", "unsealed_by", "unsealed_at", "unexplained_km"])
    record("vehicles.seal.unseal", actor=actor, kind=AuditKind.CHANGE, obj=seal,
           changes={"vehicle": vehicle.plate, "odometer": odometer, "unsealed_at": local(unsealed_at),
                    "logged_km": logged, "unexplained_km": unexplained})
    if unexplained > SEAL_TOLERANCE_KM:
        propose_lead(CLAUSE, seal.sealed_by, timezone.localtime(unsealed_at).date(),
                     f"{vehicle.plate} {seal.round.name}封存期间里程表由 {sealed_value} 公里增至 {odometer} 公里，"
                     f"登记的出车合计 {logged} 公里，另有 {unexplained} 公里无出车登记，节假日车辆应封存停驶。",
                     seal, actor=actor, source_label=f"车辆封存：{vehicle.plate} {seal.round.name}",
                     source_url=round_url(seal.round))
    return seal
