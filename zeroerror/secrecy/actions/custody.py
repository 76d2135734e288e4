"""Removable media (一(七)4) and electronic seals and keys (一(七)3): registers and use logs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.errors.actions import propose_lead
from zeroerror.org.models import Person
from zeroerror.secrecy import access, rules
from zeroerror.secrecy.actions.common import (
    local,
    require_colleague,
    require_past,
    require_person,
    required_text,
)
from zeroerror.secrecy.models import (
    Classification,
    KeyItem,
    KeyKind,
    KeyUse,
    Medium,
    MediumIncident,
    MediumKind,
    MediumStatus,
    MediumUse,
    Network,
)
from zeroerror.tracking.notify import notify


def _keeper(actor) -> Person:
    person = require_person(actor)
    if not access.keeps_registers(person):
        raise ValidationError("只有办公室或保密审查员可以登记。")
    return person


@transaction.atomic(durable=True)
def do_register_medium(*, number: str, kind: str, network: str, custodian: Person, classification: str = "",
                       model_name: str = "", serial: str = "", actor) -> Medium:
    person = _keeper(actor)
    number = required_text(number, "编号", 40)
    if kind not in MediumKind.values:
        raise ValidationError("请选择介质类型。")
    if network not in Network.values:
        raise ValidationError("请选择使用范围（内网专用或外网使用）。")
    if network == Network.INTERNAL and classification not in Classification.values:
        raise ValidationError("内网专用介质须登记存储信息的最高密级。")
    if network == Network.EXTERNAL and classification:
        raise ValidationError("外网使用的介质不得存储涉密信息，不能登记密级。")
    require_colleague(custodian, person.unit, "保管人")
    if Medium.objects.of_unit(person.unit).filter(number=number).exists():
        raise ValidationError(f"编号“{number}”已登记，不能重复使用。")
    medium = Medium.objects.create(unit=person.unit, number=number, kind=kind, network=network,
                                   classification=classification, custodian=custodian,
                                   department=custodian.department, model_name=(model_name or "").strip()[:100],
                                   serial=(serial or "").strip()[:100], registered_by=person)
    record("secrecy.medium.register", actor=actor, kind=AuditKind.CREATE, obj=medium,
           changes={"number": number, "kind": kind, "network": network, "classification": classification,
                    "custodian": custodian.pk})
    return medium


@transaction.atomic(durable=True)
def do_set_medium_status(medium: Medium, *, status: str, note: str, actor) -> Medium:
    """遗失 or 销毁: the medium stays in the register with its history."""
    _keeper(actor)
    medium = Medium.objects.select_for_update().get(pk=medium.pk)
    if status not in (MediumStatus.LOST, MediumStatus.DESTROYED):
        raise ValidationError("状态无效。")
    if medium.status != MediumStatus.ACTIVE:
        raise ValidationError(f"该介质已{medium.get_status_display()}。")
    note = required_text(note, "情况说明", 500)
    before = medium.status
    medium.status, medium.status_note = status, note
    medium.save(update_fields=["status", "status_note"])
    record("secrecy.medium.status", actor=actor, kind=AuditKind.TRANSITION, obj=medium,
           changes={"status": [before, status], "note": note})
    return medium


def medium_url(medium) -> str:
    return reverse("secrecy:medium", args=[medium.pk])


def _check_medium_use(medium: Medium, person: Person, used_by: Person, used_at: datetime | None, computer: str,
                      network: str, purpose: str) -> tuple[datetime, str, str]:
    if medium.status != MediumStatus.ACTIVE:
        raise ValidationError(f"该介质已{medium.get_status_display()}，不能登记使用。")
    if not (access.keeps_registers(person) or person.pk in (medium.custodian_id, getattr(used_by, "pk", None))):
        raise ValidationError("只有介质保管人、使用人或办公室可以登记使用。")
    require_colleague(used_by, medium.unit, "使用人")
    used_at = require_past(used_at, "使用时间")
    computer = required_text(computer, "计算机/设备", 100)
    purpose = required_text(purpose, "用途", 300)
    if network not in Network.values:
        raise ValidationError("请选择计算机所在网络。")
    return used_at, computer, purpose


def do_log_medium_use(medium: Medium, *, used_by: Person, used_at: datetime | None, computer: str, network: str,
                      purpose: str, actor) -> MediumUse:
    """Log a use. A cross-network use (一(七)4) is refused — no use is logged — and, since the log reveals that
    it happened, the attempt is kept as an incident and proposed as a lead against the user."""
    person = require_person(actor)
    medium = Medium.objects.select_related("custodian").get(pk=medium.pk)
    used_at, computer, purpose = _check_medium_use(medium, person, used_by, used_at, computer, network, purpose)
    problem = rules.cross_use_problem(medium.network, network)
    if problem:
        _record_incident(medium, used_by=used_by, used_at=used_at, computer=computer, network=network,
                         reason=problem, actor=actor)
        raise ValidationError(f"{problem}本次使用未予登记，已报送差错线索。")
    return _log_use(medium, used_by=used_by, used_at=used_at, computer=computer, network=network, purpose=purpose,
                    actor=actor)


@transaction.atomic(durable=True)
def _log_use(medium, *, used_by, used_at, computer, network, purpose, actor) -> MediumUse:
    use = MediumUse.objects.create(medium=medium, used_by=used_by, used_at=used_at, computer=computer,
                                   network=network, purpose=purpose, recorded_by=require_person(actor))
    record("secrecy.medium.use", actor=actor, kind=AuditKind.CREATE, obj=use,
           changes={"medium": medium.pk, "used_by": used_by.pk, "used_at": used_at, "computer": computer,
                    "network": network})
    return use


@transaction.atomic(durable=True)
def _record_incident(medium, *, used_by, used_at, computer, network, reason, actor) -> MediumIncident:
    incident = MediumIncident.objects.create(medium=medium, used_by=used_by, used_at=used_at, computer=computer,
                                             network=network, reason=reason, reported_by=require_person(actor))
    record("secrecy.medium.incident", actor=actor, kind=AuditKind.CREATE, obj=incident,
           changes={"medium": medium.pk, "used_by": used_by.pk, "computer": computer, "network": network})
    propose_lead("一(七)4", used_by, timezone.localtime(used_at).date(),
                 f"移动存储介质 {medium.number}（{medium.get_network_display()}）于 {local(used_at)} 在"
                 f"{computer}（{Network(network).label}）上使用：{reason}", incident, actor=actor,
                 source_label=f"移动存储介质 {medium.number}", source_url=medium_url(medium))
    notify([medium.custodian], f"介质混用：{medium.number}", url=medium_url(medium), body=reason)
    return incident


@transaction.atomic(durable=True)
def do_register_key(*, name: str, kind: str, custodian: Person, location: str, authorised: Iterable[Person] = (),
                    actor) -> KeyItem:
    person = _keeper(actor)
    name = required_text(name, "名称", 100)
    location = required_text(location, "存放位置", 200)
    if kind not in KeyKind.values:
        raise ValidationError("请选择类别。")
    require_colleague(custodian, person.unit, "保管人")
    people = _clean_people(authorised, person.unit)
    if KeyItem.objects.of_unit(person.unit).filter(name=name).exists():
        raise ValidationError(f"“{name}”已登记。")
    key = KeyItem.objects.create(unit=person.unit, name=name, kind=kind, custodian=custodian, location=location)
    key.authorised.set(people)
    record("secrecy.key.register", actor=actor, kind=AuditKind.CREATE, obj=key,
           changes={"name": name, "kind": kind, "custodian": custodian.pk, "authorised": [p.pk for p in people]})
    return key


def _clean_people(people: Iterable[Person], unit) -> list[Person]:
    people = list(dict.fromkeys(people))
    strangers = [p.name for p in people if p.unit_id != unit.pk or not p.active]
    if strangers:
        raise ValidationError(f"授权使用人须为本单位在职人员：{'、'.join(strangers)}。")
    return people


@transaction.atomic(durable=True)
def do_set_key_holders(key: KeyItem, *, custodian: Person, authorised: Iterable[Person], reason: str,
                       actor) -> KeyItem:
    """Change the custodian or the authorised users (专人保管; dated; explained)."""
    _keeper(actor)
    key = KeyItem.objects.select_for_update().get(pk=key.pk)
    require_colleague(custodian, key.unit, "保管人")
    people = _clean_people(authorised, key.unit)
    reason = required_text(reason, "变更原因", 300)
    before = {"custodian": key.custodian_id, "authorised": sorted(key.authorised.values_list("pk", flat=True))}
    fields = []
    if custodian.pk != key.custodian_id:
        key.custodian = custodian
        key.custodian_since = timezone.localdate()
        fields = ["custodian", "custodian_since"]
        key.save(update_fields=fields)
    key.authorised.set(people)
    after = {"custodian": custodian.pk, "authorised": sorted(p.pk for p in people)}
    if before == after:
        raise ValidationError("保管人和授权使用人均未变化。")
    record("secrecy.key.holders", actor=actor, kind=AuditKind.CHANGE, obj=key,
           changes={"before": before, "after": after, "reason": reason})
    return key


@transaction.atomic(durable=True)
def do_log_key_use(key: KeyItem, *, used_by: Person, used_at: datetime | None, purpose: str, actor) -> KeyUse:
    """Every use of an electronic seal or key is logged; only its custodian or an authorised user may use it
    (一(七)3 不得让无关人员使用)."""
    person = require_person(actor)
    key = KeyItem.objects.select_related("custodian").get(pk=key.pk)
    if not key.active:
        raise ValidationError("该电子印章或密钥已停用。")
    if not (access.keeps_registers(person) or person.pk in (key.custodian_id, getattr(used_by, "pk", None))):
        raise ValidationError("只有保管人、使用人本人或办公室可以登记使用。")
    require_colleague(used_by, key.unit, "使用人")
    allowed = used_by.pk == key.custodian_id or key.authorised.filter(pk=used_by.pk).exists()
    if not allowed:
        raise ValidationError(f"{used_by.name}不是“{key.name}”的保管人或授权使用人，不得使用（一(七)3）。")
    used_at = require_past(used_at, "使用时间")
    purpose = required_text(purpose, "用途", 300)
    use = KeyUse.objects.create(key=key, used_by=used_by, used_at=used_at, purpose=purpose, recorded_by=person)
    record("secrecy.key.use", actor=actor, kind=AuditKind.CREATE, obj=use,
           changes={"key": key.pk, "used_by": used_by.pk, "used_at": used_at, "purpose": purpose})
    return use
