"""Who may manage others' credentials: the 安全管理员 (unlock, reset a password, reset a second factor), within the
unit, never for their own account (the actions refuse that)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from zeroerror.core.access import person_of
from zeroerror.org.models import Person
from zeroerror.org.roles import Role


def can_manage_credentials(person: Person) -> bool:
    return person.has_role(Role.SECURITY_ADMIN)


def require_security_admin(request: HttpRequest) -> Person:
    me = person_of(request)
    if not can_manage_credentials(me):
        raise PermissionDenied("仅安全管理员可以管理账号锁定、重置密码和双因素认证。")
    return me


def get_managed_person_or_404(request: HttpRequest, pk: int) -> Person:
    me = require_security_admin(request)
    person = Person.objects.select_related("user").filter(pk=pk, unit=me.unit).first()
    if person is None:
        raise Http404("人员不存在。")
    return person
