from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record_standalone
from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_refusal, form_errors_text, run_form_action
from zeroerror.org import actions, roster
from zeroerror.org.access import (
    can_decide_role_requests,
    can_manage_org,
    contact_viewer,
    get_assignment_or_404,
    get_department_or_404,
    get_person_or_404,
    get_role_request_or_404,
)
from zeroerror.org.forms import ChargeForm, DecisionForm, EndRoleForm, RoleForm, RosterUploadForm
from zeroerror.org.models import Department, LeaderCharge, Person, RoleAssignment, RoleRequest
from zeroerror.org.roles import APPROVAL_ROLES, SUPERVISION_ROLES, Role


def _require_admin(request) -> Person:
    me = person_of(request)
    if not can_manage_org(me):
        raise PermissionDenied("仅系统管理员可以管理组织机构。")
    return me


def _with_contacts(me: Person, people) -> list[Person]:
    """The rows, each marked with whether ``me`` may see its mobile number and e-mail."""
    may_see = contact_viewer(me)
    rows = list(people)
    for row in rows:
        row.contacts_visible = may_see(row)
    return rows


def departments(request: HttpRequest) -> HttpResponse:
    me = person_of(request)
    today = timezone.localdate()
    heads = RoleAssignment.objects.current(today).filter(role=Role.DEPARTMENT_HEAD).select_related("person")
    charges = LeaderCharge.objects.current(today).select_related("leader")
    rows = (
        Department.objects.filter(unit=me.unit)
        .prefetch_related(Prefetch("roleassignment_set", queryset=heads, to_attr="current_heads"),
                          Prefetch("charges", queryset=charges, to_attr="current_charges"))
    )
    from django.db.models import Count, Q

    rows = rows.annotate(people_count=Count("people", filter=Q(people__active=True)))
    return render(request, "org/departments.html", {"title": "科室", "rows": rows, "can_manage": can_manage_org(me)})


def department_detail(request: HttpRequest, pk: int) -> HttpResponse:
    me = person_of(request)
    department = get_department_or_404(request, pk)
    people = _with_contacts(me, department.people.active().order_by("rank", "id"))
    charges = department.charges.select_related("leader").order_by("-started_on")
    form = ChargeForm(unit=me.unit, initial={"started_on": timezone.localdate()})
    return render(request, "org/department.html", {
        "title": department.name, "department": department, "people": people, "charges": charges,
        "head": department.head(), "form": form, "can_manage": can_manage_org(me),
    })


@require_POST
def department_charge(request: HttpRequest, pk: int) -> HttpResponse:
    me = _require_admin(request)
    department = get_department_or_404(request, pk)
    run_form_action(
        request, ChargeForm(request.POST, unit=me.unit),
        lambda leader, started_on: actions.do_start_leader_charge(leader, department, started_on=started_on,
                                                                  actor=request.user),
        "分管关系已更新，原分管记录已保留。",
    )
    return redirect("org:department", department.pk)


def people(request: HttpRequest) -> HttpResponse:
    me = person_of(request)
    q = request.GET.get("q", "").strip()
    qs = Person.objects.filter(unit=me.unit).active().select_related("department")
    if q:
        from django.db.models import Q

        qs = qs.filter(Q(name__icontains=q) | Q(position__icontains=q) | Q(department__name__icontains=q))
    today = timezone.localdate()
    roles = RoleAssignment.objects.current(today).only("person_id", "role")
    qs = qs.prefetch_related(Prefetch("role_assignments", queryset=roles, to_attr="current_assignments"))
    return render(request, "org/people.html", {"title": "人员", "rows": _with_contacts(me, qs), "q": q,
                                               "can_manage": can_manage_org(me)})


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    me = person_of(request)
    person = get_person_or_404(request, pk)
    assignments = person.role_assignments.select_related("department").order_by("-started_on")
    charges = person.charges.select_related("department").order_by("-started_on")
    return render(request, "org/person.html", {
        "title": person.name, "subject": person, "assignments": assignments, "charges": charges,
        "show_contacts": contact_viewer(me)(person),
        "can_manage": can_manage_org(me),
        "role_form": RoleForm(unit=me.unit, initial={"started_on": timezone.localdate()}),
        "end_form": EndRoleForm(initial={"ended_on": timezone.localdate()}),
    })


@require_POST
def person_role_add(request: HttpRequest, pk: int) -> HttpResponse:
    me = _require_admin(request)
    person = get_person_or_404(request, pk)
    form = RoleForm(request.POST, unit=me.unit)
    if form.is_valid():
        data = form.cleaned_data
        needs_approval = data["role"] in APPROVAL_ROLES
        act = actions.do_request_role_grant if needs_approval else actions.do_assign_role
        try:
            act(person, data["role"], department=data["department"], started_on=data["started_on"],
                note=data["note"], actor=request.user)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            label = Role(data["role"]).label
            messages.success(request, f"授予{label}的申请已提交安全管理员审批。" if needs_approval else f"已授予{label}。")
    else:
        messages.error(request, form_errors_text(form))
    return redirect("org:person", person.pk)


@require_POST
def role_end(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    assignment = get_assignment_or_404(request, pk)
    form = EndRoleForm(request.POST)
    if form.is_valid():
        needs_approval = assignment.role in APPROVAL_ROLES
        act = actions.do_request_role_end if needs_approval else actions.do_end_role
        try:
            act(assignment, ended_on=form.cleaned_data["ended_on"], actor=request.user)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, "终止任职的申请已提交安全管理员审批。" if needs_approval else "任职已终止，记录已保留。")
    else:
        messages.error(request, "请填写正确的终止日期。")
    return redirect("org:person", assignment.person_id)


def supervision_group(request: HttpRequest) -> HttpResponse:
    """督查考核小组: 组长, 副组长, 成员 with their dates; 绩效办 in overall charge."""
    me = person_of(request)
    order = [Role.SUPERVISION_LEADER, Role.SUPERVISION_DEPUTY, Role.SUPERVISION_MEMBER]
    rows = sorted(
        RoleAssignment.objects.filter(role__in=SUPERVISION_ROLES, person__unit=me.unit).select_related(
            "person", "person__department"
        ),
        key=lambda a: (a.ended_on is not None, order.index(a.role), a.person.rank, a.started_on),
    )
    performance = Person.objects.filter(unit=me.unit).with_role(Role.PERFORMANCE_HEAD).select_related("department")
    return render(request, "org/supervision.html", {
        "title": "零差错工作督查考核小组", "rows": rows, "performance_heads": performance,
    })


def roster_template(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    response = HttpResponse(
        roster.template_bytes(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = "attachment; filename*=UTF-8''roster-template.xlsx"
    return response


def roster_import(request: HttpRequest) -> HttpResponse:
    me = _require_admin(request)
    form = RosterUploadForm(request.POST, request.FILES) if request.method == "POST" else RosterUploadForm()
    context = {"title": "人员名册导入", "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            result = roster.parse_roster(form.cleaned_data["file"].read(), me.unit)
        except roster.RosterError as exc:
            form.add_error("file", str(exc))
            return render(request, "org/roster_import.html", context)
        if not result.ok:
            record_standalone("org.roster.rejected", actor=request.user, kind=AuditKind.IMPORT, success=False,
                              object_type="org.unit", object_id=str(me.unit.pk), object_repr=me.unit.name,
                              changes={"errors": len(result.errors)})
            context["errors"] = result.errors
            return render(request, "org/roster_import.html", context, status=400)
        try:
            context["created"] = roster.do_import_roster(result, unit=me.unit, actor=request.user)
        except ValidationError as exc:  # e.g. an account created meanwhile: the whole import was rolled back
            form.add_error("file", "名册未导入：" + "；".join(exc.messages))
    return render(request, "org/roster_import.html", context)


def role_requests(request: HttpRequest) -> HttpResponse:
    """角色变更申请: the 系统管理员 follows his requests, the 安全管理员 decides them (two-person rule)."""
    me = person_of(request)
    can_decide = can_decide_role_requests(me)
    if not (can_decide or can_manage_org(me)):
        raise PermissionDenied("仅系统管理员和安全管理员可以查看角色变更申请。")
    qs = RoleRequest.objects.of_unit(me.unit).select_related(
        "person__department", "department", "requested_by", "decided_by")
    return render(request, "org/role_requests.html", {
        "title": "角色变更申请", "pending": qs.pending(), "decided": qs.exclude(status="pending")[:50],
        "can_decide": can_decide, "me": me, "form": DecisionForm(),
    })


@require_POST
def role_request_decide(request: HttpRequest, pk: int) -> HttpResponse:
    me = person_of(request)
    if not can_decide_role_requests(me):
        raise PermissionDenied("仅安全管理员可以审批角色变更。")
    role_request = get_role_request_or_404(request, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            actions.do_decide_role_request(role_request, approve=approve, note=form.cleaned_data["note"],
                                           actor=request.user)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, "已批准，角色变更已生效。" if approve else "已驳回。")
    else:
        messages.error(request, form_errors_text(form))
    return redirect("org:role_requests")
