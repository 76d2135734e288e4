"""后台配置 of 校对: the unit's sensitive terms (every save audited, nothing deleted — switch a term off instead)."""

from django.contrib import admin

from zeroerror.core.admin import AuditedAdmin
from zeroerror.proofread.models import SensitiveTerm


@admin.register(SensitiveTerm)
class SensitiveTermAdmin(AuditedAdmin):
    list_display = ["term", "active", "note"]
    list_filter = ["active"]
    search_fields = ["term", "note"]
