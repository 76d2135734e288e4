from django.apps import AppConfig


class SecrecyConfig(AppConfig):
    name = "zeroerror.secrecy"
    label = "secrecy"
    verbose_name = "安全保密"

    def ready(self):
        from zeroerror.attachments.registry import register_owner
        from zeroerror.core import areas, nav
        from zeroerror.secrecy import demo, demo_safety  # noqa: F401  (register the demo steps)
        from zeroerror.secrecy.access import can_read_safety_attachments, secrecy_inbox
        from zeroerror.secrecy.actions import remind_inventory, run_safety_tick
        from zeroerror.secrecy.sources import register_sources
        from zeroerror.tracking.registry import register_inbox_provider, register_tick_task

        register_sources()
        register_inbox_provider(secrecy_inbox)
        register_tick_task(remind_inventory)
        register_tick_task(run_safety_tick)
        register_owner("secrecy.safetyround", can_read_safety_attachments)
        areas.register_home("secrecy", "secrecy:home")
        nav.add("secrecy", nav.NavItem("涉密载体", "secrecy:items"))
        nav.add("secrecy", nav.NavItem("移动存储介质", "secrecy:media"))
        nav.add("secrecy", nav.NavItem("电子印章与密钥", "secrecy:keys"))
        nav.add("secrecy", nav.NavItem("防火防盗检查", "secrecy:safety"))
