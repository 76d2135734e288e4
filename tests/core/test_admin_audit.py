"""Every change made in the Django admin, to any model registered there, is in the audit trail (安全审计 b)."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.forms.models import model_to_dict
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.helpers import signed_in
from tests.factories import UserFactory
from zeroerror.audit.models import AuditRecord
from zeroerror.core.adminsite import AuditedAdminMixin
from zeroerror.org.admin_access import sync_admin_access
from zeroerror.rulebook.models import Clause


@pytest.fixture
def sysadmin(org, client):
    sync_admin_access(org.admin)
    return signed_in(client, org.admin)


@pytest.fixture
def superuser(client, db):
    user = UserFactory(username="breakglass", is_staff=True, is_superuser=True)
    return signed_in(client, user)


def test_every_model_registered_in_the_admin_is_audited():
    assert admin.site._registry
    assert [m._meta.label for m, a in admin.site._registry.items() if not isinstance(a, AuditedAdminMixin)] == []


def test_a_clause_changed_in_the_admin_is_audited_with_before_and_after(sysadmin, org):
    clause = Clause.objects.order_by("pk").first()
    url = f"/admin/rulebook/clause/{clause.pk}/change/"
    data = {k: v for k, v in model_to_dict(clause).items() if v is not None}
    response = sysadmin.post(url, {**data, "title": "改过的标题"})
    assert response.status_code == 302
    rec = AuditRecord.objects.get(action="admin.rulebook.clause.change")
    assert rec.actor == org.admin.user and rec.object_id == str(clause.pk)
    assert rec.changes["fields"]["title"] == [clause.title, "改过的标题"]


def test_a_password_set_in_the_admin_is_audited_without_the_hash(superuser, org):
    url = f"/admin/auth/user/{org.alice.user.pk}/password/"
    response = superuser.post(url, {"password1": "Xk9#mQ2!vL7pZr", "password2": "Xk9#mQ2!vL7pZr",
                                    "usable_password": "true", "set_usable_password": "true"})
    assert response.status_code == 302
    rec = AuditRecord.objects.get(action="admin.auth.user.change", object_id=str(org.alice.user.pk))
    assert rec.changes["fields"]["password"] == ["（已隐去）", "（已更改）"]
    assert get_user_model().objects.get(pk=org.alice.user.pk).password not in str(rec.changes)


def test_a_group_added_and_a_device_deleted_in_the_admin_are_audited(superuser, org):
    response = superuser.post("/admin/auth/group/add/", {"name": "新的组"})
    assert response.status_code == 302
    assert AuditRecord.objects.get(action="admin.auth.group.create").changes["after"]["name"] == "新的组"
    device = TOTPDevice.objects.create(user=org.alice.user, name="手机", confirmed=True)
    response = superuser.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not TOTPDevice.objects.filter(pk=device.pk).exists()
    rec = AuditRecord.objects.get(action="admin.otp_totp.totpdevice.delete")
    assert rec.object_id == str(device.pk) and rec.changes["before"]["key"] == "（已隐去）"
