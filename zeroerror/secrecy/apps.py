from django.apps import AppConfig


class SecrecyConfig(AppConfig):
    name = "zeroerror.secrecy"
    label = "secrecy"
    verbose_name = "安全保密"

    def ready(self):
        from zeroerror.core import areas, nav
        from zeroerror.secrecy import demo  # noqa: F401  (registers the demo step)
        from zeroerror.secrecy.access import secrecy_inbox
        from zeroerror.secrecy.actions import remind_inventory
        from zeroerror.secrecy.sources import register_sources
        from zeroerror.tracking.registry import register_inbox_provider, register_tick_task

        register_sources()
        register_inbox_provider(secrecy_inbox)
        register_tick_task(remind_inventory)
        areas.register_home("secrecy", "secrecy:home")
        nav.add("secrecy", nav.NavItem("涉密载体", "secrecy:items"))
        nav.add("secrecy", nav.NavItem("移动存储介质", "secrecy:media"))
        nav.add("secrecy", nav.NavItem("电子印章与密钥", "secrecy:keys"))
