from django.contrib.admin.apps import AdminConfig


class AuditedAdminConfig(AdminConfig):
    """django.contrib.admin with our site: every ModelAdmin registered is audited (core/adminsite.py)."""

    default_site = "zeroerror.core.adminsite.AuditedAdminSite"
