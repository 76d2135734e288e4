"""Django admin for system administrators: configuration tables only. Every save is audited."""

import types

from django.contrib import admin
from django.forms.models import model_to_dict

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import jsonable, record
from zeroerror.org.models import Department, Unit
from zeroerror.org.roles import Role
from zeroerror.workdays.models import CalendarOverride


def _admin_has_permission(self, request) -> bool:
    """Only an active 系统管理员 (or a break-glass superuser made with createsuperuser) reaches the admin."""
    user = request.user
    if not (user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    person = getattr(user, "person", None)
    return person is not None and person.active and person.has_role(Role.SYSTEM_ADMIN)


admin.site.has_permission = types.MethodType(_admin_has_permission, admin.site)


class AuditedAdmin(admin.ModelAdmin):
    """Saves go through the admin's own transaction; the audit record is written in it. Nothing is deleted."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        record(f"admin.{obj._meta.label_lower}.{'change' if change else 'create'}", actor=request.user,
               kind=AuditKind.CHANGE if change else AuditKind.CREATE, obj=obj,
               changes={"fields": form.changed_data, "after": jsonable(model_to_dict(obj))})

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["name", "short_name", "code"]


@admin.register(Department)
class DepartmentAdmin(AuditedAdmin):
    list_display = ["name", "unit", "is_office", "order", "active"]
    list_filter = ["unit", "is_office", "active"]


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(AuditedAdmin):
    list_display = ["date", "is_workday", "note"]
