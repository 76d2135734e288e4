from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "zeroerror.accounts"
    label = "accounts"
    verbose_name = "账号与登录"

    def ready(self):
        from zeroerror.accounts import signals  # noqa: F401  (session clocks, lockout audit)
        from zeroerror.accounts.actions import purge_expired_sessions
        from zeroerror.core import nav
        from zeroerror.org.roles import Role
        from zeroerror.tracking.registry import register_tick_task

        nav.add("system", nav.NavItem("账号安全", "accounts:account"))
        nav.add("system", nav.NavItem("账号锁定与重置", "accounts:manage", visible=nav.has_any(Role.SECURITY_ADMIN)))
        register_tick_task(purge_expired_sessions)
