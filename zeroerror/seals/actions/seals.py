"""Seals and their custodians (clause 一(六)1: 印章应明确专人管理), and the letterhead keeper (clause 一(六)7)."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.org.models import Person, Unit
from zeroerror.seals import access
from zeroerror.seals.actions.common import check_date, check_text, person_of_actor
from zeroerror.seals.models import Appointment, Duty, Seal, SealKind


@transaction.atomic(durable=True)
def do_create_seal(*, unit: Unit, name: str, kind: str, location: str = "办公室保险柜", actor) -> Seal:
    person = person_of_actor(actor)
    if person.unit_id != unit.pk or not access.can_manage(person):
        raise ValidationError("只有办公室主任、副主任可以登记印章。")
    name = check_text(name, "印章名称", 100)
    if kind not in SealKind.values:
        raise ValidationError("请选择印章类别。")
    if Seal.objects.filter(unit=unit, name=name).exists():
        raise ValidationError(f"已有名为“{name}”的印章。")
    seal = Seal.objects.create(unit=unit, name=name, kind=kind, location=check_text(location, "保管地点", 100))
    record("seals.seal.create", actor=actor, kind=AuditKind.CREATE, obj=seal,
           changes={"name": name, "kind": kind, "location": seal.location})
    return seal


@transaction.atomic(durable=True)
def do_appoint_keeper(*, unit: Unit, duty: str, person: Person, started_on: date, seal: Seal | None = None,
                      actor) -> Appointment:
    """Name the custodian of ``seal`` (or the letterhead keeper) from ``started_on``; the previous appointment ends
    that day. The history stays."""
    director = person_of_actor(actor)
    if director.unit_id != unit.pk or not access.can_appoint(director):
        raise ValidationError("印章和信笺的专管人员由办公室主任指定。")
    if duty not in Duty.values:
        raise ValidationError("请选择职责。")
    if duty == Duty.SEAL and (seal is None or seal.unit_id != unit.pk):
        raise ValidationError("请选择印章。")
    if duty == Duty.LETTERHEAD:
        seal = None
    if person.unit_id != unit.pk or not person.active:
        raise ValidationError("专管人员须为本单位在职人员。")
    check_date(started_on, "起始日期", latest=timezone.localdate() + timedelta(days=366))
    if seal is not None:
        Seal.objects.select_for_update().get(pk=seal.pk)
    current = Appointment.objects.filter(unit=unit, duty=duty, seal=seal, ended_on__isnull=True)
    previous = list(current.select_for_update())
    for old in previous:
        if old.started_on >= started_on:
            raise ValidationError(f"{old.person.name}自{old.started_on:%Y-%m-%d}起任职，新的任命须晚于该日期。")
        if old.person_id == person.pk:
            raise ValidationError(f"{person.name}已是现任专管人员。")
    for old in previous:
        old.ended_on = started_on
        old.save(update_fields=["ended_on"])
        record("seals.appointment.end", actor=actor, kind=AuditKind.CHANGE, obj=old,
               changes={"ended_on": [None, started_on]})
    appointment = Appointment.objects.create(unit=unit, duty=duty, seal=seal, person=person, started_on=started_on,
                                             appointed_by=director)
    record("seals.appointment.create", actor=actor, kind=AuditKind.CREATE, obj=appointment,
           changes={"duty": duty, "seal": seal, "person": person.pk, "started_on": started_on})
    return appointment
