"""后台配置 of 校对: the unit's sensitive terms and lexicon (every save audited, nothing deleted — switch an entry
off instead)."""

from django.contrib import admin

from zeroerror.core.admin import AuditedAdmin
from zeroerror.proofread.models import LexiconWord, SensitiveTerm


@admin.register(SensitiveTerm)
class SensitiveTermAdmin(AuditedAdmin):
    list_display = ["term", "active", "note"]
    list_filter = ["active"]
    search_fields = ["term", "note"]


@admin.register(LexiconWord)
class LexiconWordAdmin(AuditedAdmin):
    list_display = ["word", "active", "note", "added_by", "added_at"]
    list_filter = ["active"]
    search_fields = ["word", "note"]
    readonly_fields = ["word", "added_by", "added_at"]

    def has_add_permission(self, request):  # words are added by the office on the 校对 page (audited with the finding)
        return False
