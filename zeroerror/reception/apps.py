from django.apps import AppConfig


class ReceptionConfig(AppConfig):
    name = "zeroerror.reception"
    label = "reception"
    verbose_name = "政务接待"

    def ready(self):
        from zeroerror.attachments.registry import register_owner
        from zeroerror.core import areas, nav
        from zeroerror.reception import demo  # noqa: F401  (registers the demo step)
        from zeroerror.reception.access import can_read_attachments
        from zeroerror.reception.inbox import reception_inbox
        from zeroerror.reception.sources import register_sources
        from zeroerror.tracking.registry import register_inbox_provider

        register_sources()
        register_inbox_provider(reception_inbox)
        register_owner("reception.guestreport", can_read_attachments)
        areas.register_home("reception", "reception:home")
        nav.add("reception", nav.NavItem("接待首页", "reception:home"))
        nav.add("reception", nav.NavItem("客情登记簿", "reception:list"))
        nav.add("reception", nav.NavItem("接待标准", "reception:standards"))
