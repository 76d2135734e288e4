"""Django admin for system administrators: configuration tables only. Every change is audited (core/adminsite.py)."""

from django.contrib import admin

from zeroerror.core.adminsite import AuditedAdmin
from zeroerror.org.models import Department, Unit
from zeroerror.workdays.models import CalendarOverride

__all__ = ["AuditedAdmin"]


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
