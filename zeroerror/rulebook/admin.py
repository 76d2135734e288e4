from django.contrib import admin

from zeroerror.rulebook.models import Clause, RegulationVersion


@admin.register(RegulationVersion)
class RegulationVersionAdmin(admin.ModelAdmin):
    list_display = ["version", "title", "effective_date", "loaded_at"]


@admin.register(Clause)
class ClauseAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "area", "version"]
    list_filter = ["version", "area"]
    search_fields = ["code", "title", "text"]

    def has_delete_permission(self, request, obj=None):
        return False
