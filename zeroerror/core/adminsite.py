"""The Django admin's site: only an active 系统管理员 reaches it, and every change made in it, to any model (ours,
django.contrib.auth's, django-otp's), is written to the audit trail — the site wraps every ModelAdmin registered
with it in ``AuditedAdminMixin``, so a newly registered model cannot be left out."""

from __future__ import annotations

from django.contrib import admin
from django.db import transaction
from django.forms.models import model_to_dict

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import diff, jsonable, record
from zeroerror.org.roles import Role

# Never copied into the audit trail: password hashes, TOTP keys, tokens (only that they changed).
SECRET_FIELDS = ("password", "key", "secret", "token")


def _is_secret(name: str) -> bool:
    return any(word in name for word in SECRET_FIELDS)


def _values(obj) -> dict:
    data = jsonable(model_to_dict(obj)) if obj.pk else {}
    return {k: ("（已隐去）" if _is_secret(k) else v) for k, v in data.items()}


def _changed(before: dict, after: dict, raw_before: dict, raw_after: dict) -> dict:
    changes = diff(before, after)
    for name in raw_after:
        if _is_secret(name) and raw_before.get(name) != raw_after.get(name):
            changes[name] = ["（已隐去）", "（已更改）"]
    return changes


def _raw(obj) -> dict:
    return {k: str(v) for k, v in model_to_dict(obj).items() if _is_secret(k)} if obj.pk else {}


class AuditedAdminMixin:
    """Audits every addition, change (including a password set by the admin) and deletion made in the admin, in the
    admin's own transaction where it has one."""

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            obj._audit_before = (_values(obj), _raw(obj))
        return obj

    def _audit(self, request, obj, verb: str, kind: str, changes: dict) -> None:
        with transaction.atomic():  # a savepoint inside the admin's transaction; its own where the admin has none
            record(f"admin.{obj._meta.label_lower}.{verb}", actor=request.user, kind=kind, obj=obj, changes=changes)

    def log_addition(self, request, obj, message):
        self._audit(request, obj, "create", AuditKind.CREATE, {"after": _values(obj)})
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        before, raw_before = getattr(obj, "_audit_before", ({}, {}))
        obj.refresh_from_db()
        changes = _changed(before, _values(obj), raw_before, _raw(obj))
        self._audit(request, obj, "change", AuditKind.CHANGE, {"fields": changes, "message": jsonable(message)})
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "delete", AuditKind.CHANGE, {"before": _values(obj)})
        return super().log_deletions(request, queryset)


class AuditedAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Our configuration tables: every change audited, nothing deleted (switch an entry off instead)."""

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedAdminSite(admin.AdminSite):
    def has_permission(self, request) -> bool:
        """Only an active 系统管理员 (or a break-glass superuser made with createsuperuser) reaches the admin."""
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        if user.is_superuser:
            return True
        person = getattr(user, "person", None)
        return person is not None and person.active and person.has_role(Role.SYSTEM_ADMIN)

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, AuditedAdminMixin):
            admin_class = type(admin_class.__name__, (AuditedAdminMixin, admin_class),
                               {"__module__": admin_class.__module__})
        super().register(model_or_iterable, admin_class, **options)
