"""The Django admin: configuration tables for the 系统管理员 only, granted and withdrawn with the role."""

from datetime import date

from tests.accounts.helpers import signed_in
from zeroerror.org.actions import do_assign_role, do_end_role
from zeroerror.org.roles import Role


def test_the_system_admin_role_opens_the_configuration_tables_and_nothing_else(org, client):
    assignment = do_assign_role(org.bob, Role.SYSTEM_ADMIN, started_on=date(2026, 1, 1), actor=org.admin.user)
    org.bob.user.refresh_from_db()
    assert org.bob.user.is_staff and not org.bob.user.is_superuser
    signed_in(client, org.bob)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/workdays/calendaroverride/").status_code == 200
    assert client.get("/admin/org/department/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403

    do_end_role(assignment, ended_on=date(2026, 6, 1), actor=org.admin.user)
    org.bob.user.refresh_from_db()
    assert not org.bob.user.is_staff
    response = client.get("/admin/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_staff_status_alone_does_not_open_the_admin(org, client):
    org.alice.user.is_staff = True
    org.alice.user.save(update_fields=["is_staff"])
    client.force_login(org.alice.user)
    response = client.get("/admin/")
    assert response.status_code == 302 and "login" in response["Location"]

