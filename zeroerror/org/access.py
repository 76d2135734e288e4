from django.http import Http404, HttpRequest

from zeroerror.core.access import person_of
from zeroerror.org.models import Department, Person, RoleAssignment, RoleRequest
from zeroerror.org.roles import Role


def get_person_or_404(request: HttpRequest, pk: int) -> Person:
    """The directory is open to everyone in the unit (names, departments, positions, office phones)."""
    me = person_of(request)
    person = Person.objects.select_related("department", "unit", "user").filter(pk=pk, unit=me.unit).first()
    if person is None:
        raise Http404("人员不存在。")
    return person


def get_department_or_404(request: HttpRequest, pk: int) -> Department:
    me = person_of(request)
    department = Department.objects.filter(pk=pk, unit=me.unit).first()
    if department is None:
        raise Http404("科室不存在。")
    return department


def get_assignment_or_404(request: HttpRequest, pk: int) -> RoleAssignment:
    me = person_of(request)
    assignment = RoleAssignment.objects.select_related("person").filter(pk=pk, person__unit=me.unit).first()
    if assignment is None:
        raise Http404("任职记录不存在。")
    return assignment


def contact_viewer(viewer: Person):
    """A predicate telling whether ``viewer`` may see a person's mobile number and e-mail: their own, and per
    ZEROERROR_CONTACTS_VISIBLE_TO leaders, the office and the person's own department."""
    from django.conf import settings

    scopes = settings.CONTACTS_VISIBLE_TO
    everyone = "everyone" in scopes
    leader = "leaders" in scopes and viewer.has_role(Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE)
    office = "office" in scopes and (viewer.department.is_office or viewer.has_role(
        Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR))
    same_department = "department" in scopes

    def may_see(subject: Person) -> bool:
        return (everyone or leader or office or subject.pk == viewer.pk
                or (same_department and subject.department_id == viewer.department_id))

    return may_see


def can_manage_org(person: Person) -> bool:
    return person.has_role(Role.SYSTEM_ADMIN)


def can_decide_role_requests(person: Person) -> bool:
    return person.has_role(Role.SECURITY_ADMIN)


def get_role_request_or_404(request: HttpRequest, pk: int) -> RoleRequest:
    me = person_of(request)
    role_request = RoleRequest.objects.of_unit(me.unit).filter(pk=pk).first()
    if role_request is None:
        raise Http404("申请不存在。")
    return role_request


def role_requests_inbox(person: Person) -> list:
    """待审批 role changes in the 安全管理员's to-do list (not those they asked for or that concern them)."""
    from django.urls import reverse

    from zeroerror.tracking.registry import TodoEntry

    if not can_decide_role_requests(person):
        return []
    pending = (RoleRequest.objects.of_unit(person.unit).pending().exclude(requested_by=person).exclude(person=person)
               .select_related("person", "requested_by"))
    url = reverse("org:role_requests")
    return [TodoEntry(kind="待审批", title=str(r), url=url, action_label="审批", sender=r.requested_by.name)
            for r in pending]
