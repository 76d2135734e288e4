from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zeroerror.core"
    label = "core"
    verbose_name = "系统"

    def ready(self):
        from zeroerror.core import (
            checks,  # noqa: F401  (registers system checks)
            nav,
        )

        for code, _label in nav.AREAS:
            nav.add(code, nav.NavItem("工作要求与督办", "area", args=(code,)))
        nav.add("system", nav.NavItem("后台配置", "admin:index", visible=nav.SYSTEM_ADMIN))

