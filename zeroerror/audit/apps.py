from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "zeroerror.audit"
    label = "audit"
    verbose_name = "审计"

    def ready(self):
        from zeroerror.audit import signals  # noqa: F401
        from zeroerror.audit.checkpoints import checkpoint_tick
        from zeroerror.core import nav
        from zeroerror.tracking.registry import register_tick_task

        register_tick_task(checkpoint_tick)

        nav.add("system", nav.NavItem("审计日志", "audit:search", visible=nav.AUDITORS))
