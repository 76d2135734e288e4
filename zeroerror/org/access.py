from django.http import Http404, HttpRequest

from zeroerror.core.access import person_of
from zeroerror.org.models import Department, Person, RoleAssignment
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


def can_manage_org(person: Person) -> bool:
    return person.has_role(Role.SYSTEM_ADMIN)
