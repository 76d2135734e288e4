from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "zeroerror.audit"
    label = "audit"
    verbose_name = "审计"
