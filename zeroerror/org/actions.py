"""Write paths of the organisation app. Each runs in one durable transaction that also writes the audit record."""

from __future__ import annotations

import re
from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record, snapshot
from zeroerror.org.admin_access import sync_admin_access
from zeroerror.org.models import (
    Department,
    LeaderCharge,
    Person,
    RoleAssignment,
    RoleChange,
    RoleRequest,
    RoleRequestStatus,
    Unit,
    today,
)
from zeroerror.org.roles import ADMIN_ROLES, APPROVAL_ROLES, Role

PERSON_FIELDS = ["name", "employee_number", "department", "position", "rank", "phone", "email", "active"]
EMPLOYEE_NUMBER_RE = re.compile(r"^[A-Za-z0-9-]{1,20}$")


def check_employee_number(unit: Unit, number: str, *, exclude: Person | None = None) -> None:
    """工号: 1–20 letters, digits or hyphens, unique in the unit (refused with a message, before anything is written)."""
    if not EMPLOYEE_NUMBER_RE.match(number):
        raise ValidationError("工号须为 1–20 位字母、数字或连字符。")
    holder = Person.objects.filter(unit=unit, employee_number=number).exclude(pk=getattr(exclude, "pk", None)).first()
    if holder is not None:
        raise ValidationError(f"工号“{number}”已由本单位的{holder.name}使用。")


def _overlapping(person: Person, on: date):
    """Assignments of ``person`` that overlap an open-ended assignment starting ``on`` (including later ones)."""
    return RoleAssignment.objects.filter(person=person).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))


def _check_admin_separation(person: Person, role: str, on: date) -> None:
    if role in ADMIN_ROLES:
        held = set(_overlapping(person, on).filter(role__in=ADMIN_ROLES).values_list("role", flat=True))
        other = held - {role}
        if other:
            labels = "、".join(Role(r).label for r in sorted(other))
            raise ValidationError(f"三员分立：{person.name}已担任{labels}，不能再担任{Role(role).label}。")


def create_person_rows(
    *,
    unit: Unit,
    username: str,
    name: str,
    department: Department,
    position: str = "",
    rank: int = 1000,
    phone: str = "",
    email: str = "",
    employee_number: str = "",
    password: str | None = None,
    roles: list[str] | tuple[str, ...] = (),
    started_on: date | None = None,
    actor,
) -> Person:
    """Create one account + person + roles. Callers hold the transaction (used by single creation and import)."""
    started_on = started_on or today()
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise ValidationError(f"账号“{username}”已存在。")
    if employee_number:
        check_employee_number(unit, employee_number)
    user = user_model(username=username, email=email, is_active=True)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    person = Person.objects.create(
        user=user, unit=unit, department=department, name=name, position=position, rank=rank, phone=phone, email=email,
        employee_number=employee_number,
    )
    record("org.person.create", actor=actor, kind=AuditKind.CREATE, obj=person,
           changes={"after": snapshot(person, PERSON_FIELDS) | {"username": username}})
    for role in dict.fromkeys(roles):
        _assign(person, role, department if role == Role.DEPARTMENT_HEAD else None, started_on, "", actor)
    return person


@transaction.atomic(durable=True)
def do_create_person(**kwargs) -> Person:
    return create_person_rows(**kwargs)


def _assign(person: Person, role: str, department: Department | None, started_on: date, note: str, actor):
    if role not in Role.values:
        raise ValidationError(f"未知角色：{role}")
    if role == Role.DEPARTMENT_HEAD and department is None:
        raise ValidationError("科室负责人须指明负责的科室。")
    _check_admin_separation(person, role, started_on)
    if _overlapping(person, started_on).filter(role=role, department=department).exists():
        raise ValidationError(f"{person.name}在该日期已担任{Role(role).label}。")
    assignment = RoleAssignment.objects.create(
        person=person, role=role, department=department, started_on=started_on, note=note
    )
    record("org.role.assign", actor=actor, kind=AuditKind.PERMISSION, obj=assignment,
           changes={"person": person.pk, "role": role, "department": department.pk if department else None,
                    "started_on": started_on})
    if role == Role.SYSTEM_ADMIN:
        sync_admin_access(person)
    return assignment


def _check_not_oneself(person: Person, actor) -> None:
    """No administrator changes his own roles (he would grant himself what he may not see)."""
    if actor is not None and actor.pk == person.user_id:
        raise ValidationError("不能变更自己的角色，请由另一位管理员办理。")


def _check_no_approval_needed(role: str, actor) -> None:
    if actor is not None and role in APPROVAL_ROLES:
        raise ValidationError(f"授予或终止“{Role(role).label}”须经安全管理员批准，请提交申请。")


@transaction.atomic(durable=True)
def do_assign_role(
    person: Person, role: str, *, department: Department | None = None, started_on: date | None = None,
    note: str = "", actor,
) -> RoleAssignment:
    """Grant a role directly. Roles that read others' data go through ``do_request_role_grant`` instead
    (``actor=None`` — the demo and the command line — is the system itself)."""
    _check_not_oneself(person, actor)
    _check_no_approval_needed(role, actor)
    return _assign(person, role, department, started_on or today(), note, actor)


@transaction.atomic(durable=True)
def do_end_role(assignment: RoleAssignment, *, ended_on: date | None = None, actor) -> RoleAssignment:
    """End a role; ending it today takes effect at once (also for one granted today)."""
    _check_no_approval_needed(assignment.role, actor)
    return _end(assignment, ended_on or today(), actor)


def _end(assignment: RoleAssignment, ended_on: date, actor) -> RoleAssignment:
    assignment = RoleAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.ended_on is not None:
        raise ValidationError("该任职已终止。")
    if ended_on < assignment.started_on:
        raise ValidationError("终止日期不能早于起始日期。")
    assignment.ended_on = ended_on
    assignment.save(update_fields=["ended_on"])
    record("org.role.end", actor=actor, kind=AuditKind.PERMISSION, obj=assignment,
           changes={"ended_on": [None, ended_on]})
    if assignment.role == Role.SYSTEM_ADMIN:
        sync_admin_access(assignment.person)
    return assignment


@transaction.atomic(durable=True)
def do_start_leader_charge(
    leader: Person, department: Department, *, started_on: date | None = None, actor
) -> LeaderCharge:
    """Put ``leader`` in charge of ``department``; the previous leader's charge ends the same day (history kept)."""
    started_on = started_on or today()
    for previous in LeaderCharge.objects.current(started_on).select_for_update().filter(department=department):
        if previous.leader_id == leader.pk:
            raise ValidationError(f"{leader.name}已分管{department.name}。")
        if previous.started_on >= started_on:
            raise ValidationError("新的分管关系须晚于现有分管关系的起始日期。")
        previous.ended_on = started_on
        previous.save(update_fields=["ended_on"])
        record("org.charge.end", actor=actor, kind=AuditKind.PERMISSION, obj=previous,
               changes={"ended_on": [None, started_on]})
    charge = LeaderCharge.objects.create(leader=leader, department=department, started_on=started_on)
    record("org.charge.start", actor=actor, kind=AuditKind.PERMISSION, obj=charge,
           changes={"leader": leader.pk, "department": department.pk, "started_on": started_on})
    return charge


@transaction.atomic(durable=True)
def do_update_person(person: Person, *, actor, **fields) -> Person:
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"unknown person fields: {sorted(unknown)}")
    person = Person.objects.select_for_update().get(pk=person.pk)
    if fields.get("employee_number"):
        check_employee_number(person.unit, fields["employee_number"], exclude=person)
    before = snapshot(person, list(fields))
    for name, value in fields.items():
        setattr(person, name, value)
    person.full_clean(exclude=["user", "unit"])
    person.save(update_fields=list(fields))
    after = snapshot(person, list(fields))
    changed = {k: [before[k], after[k]] for k in fields if before[k] != after[k]}
    if changed:
        record("org.person.update", actor=actor, kind=AuditKind.CHANGE, obj=person, changes=changed)
    return person


# Two-person rule for roles that read others' data -------------------------------------------------------------------

def _requester(actor) -> Person:
    person = getattr(actor, "person", None)
    if person is None:
        raise ValidationError("该账号未关联在职人员，不能提交角色变更申请。")
    return person


def _check_no_pending(person: Person, role: str) -> None:
    if RoleRequest.objects.pending().filter(person=person, role=role).exists():
        raise ValidationError(f"{person.name}的“{Role(role).label}”已有待审批的申请。")


@transaction.atomic(durable=True)
def do_request_role_grant(
    person: Person, role: str, *, department: Department | None = None, started_on: date | None = None,
    note: str = "", actor,
) -> RoleRequest:
    requester = _requester(actor)
    _check_not_oneself(person, actor)
    if role not in APPROVAL_ROLES:
        raise ValidationError(f"授予“{Role(role).label}”无需审批，可直接授予。")
    started_on = started_on or today()
    _check_admin_separation(person, role, started_on)
    if _overlapping(person, started_on).filter(role=role).exists():
        raise ValidationError(f"{person.name}在该日期已担任{Role(role).label}。")
    _check_no_pending(person, role)
    request = RoleRequest.objects.create(person=person, change=RoleChange.GRANT, role=role, department=department,
                                         effective_on=started_on, note=note, requested_by=requester)
    record("org.role_request.create", actor=actor, kind=AuditKind.PERMISSION, obj=request,
           changes={"person": person.pk, "change": RoleChange.GRANT, "role": role, "effective_on": started_on})
    return request


@transaction.atomic(durable=True)
def do_request_role_end(assignment: RoleAssignment, *, ended_on: date | None = None, actor) -> RoleRequest:
    requester = _requester(actor)
    person = assignment.person
    _check_not_oneself(person, actor)
    if assignment.role not in APPROVAL_ROLES:
        raise ValidationError(f"终止“{Role(assignment.role).label}”无需审批，可直接终止。")
    if assignment.ended_on is not None:
        raise ValidationError("该任职已终止。")
    _check_no_pending(person, assignment.role)
    ended_on = ended_on or today()
    if ended_on < assignment.started_on:
        raise ValidationError("终止日期不能早于起始日期。")
    request = RoleRequest.objects.create(person=person, change=RoleChange.END, role=assignment.role,
                                         department=assignment.department, assignment=assignment,
                                         effective_on=ended_on, requested_by=requester)
    record("org.role_request.create", actor=actor, kind=AuditKind.PERMISSION, obj=request,
           changes={"person": person.pk, "change": RoleChange.END, "role": assignment.role,
                    "assignment": assignment.pk, "effective_on": ended_on})
    return request


@transaction.atomic(durable=True)
def do_decide_role_request(request: RoleRequest, *, approve: bool, note: str = "", actor) -> RoleRequest:
    """The 安全管理员 approves (the change is made now, in this transaction) or rejects. Nobody decides a request
    they made or one about themselves; a date already past takes effect today."""
    decider = _requester(actor)
    request = RoleRequest.objects.select_for_update(of=("self",)).select_related("person").get(pk=request.pk)
    if not decider.has_role(Role.SECURITY_ADMIN):
        raise ValidationError("只有安全管理员可以审批角色变更。")
    if request.status != RoleRequestStatus.PENDING:
        raise ValidationError("该申请已处理。")
    if decider.pk in (request.requested_by_id, request.person_id):
        raise ValidationError("不能审批自己提出的或涉及自己的申请。")
    if approve:
        on = max(request.effective_on, today())
        if request.change == RoleChange.GRANT:
            _assign(request.person, request.role, request.department, on, request.note, actor)
        else:
            _end(request.assignment, on, actor)
    request.status = RoleRequestStatus.APPROVED if approve else RoleRequestStatus.REJECTED
    request.decided_by = decider
    request.decided_at = timezone.now()
    request.decision_note = note
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record("org.role_request.approve" if approve else "org.role_request.reject", actor=actor,
           kind=AuditKind.PERMISSION, obj=request, changes={"status": request.status, "note": note})
    return request
