from django.apps import AppConfig


class SealsConfig(AppConfig):
    name = "zeroerror.seals"
    label = "seals"
    verbose_name = "印信管理"

    def ready(self):
        from zeroerror.attachments.registry import register_owner
        from zeroerror.core import areas, nav
        from zeroerror.seals import demo  # noqa: F401  (registers the demo step)
        from zeroerror.seals.access import can_read_attachments, seals_inbox
        from zeroerror.seals.sources import register_sources
        from zeroerror.tracking.registry import register_inbox_provider

        register_sources()
        register_inbox_provider(seals_inbox)
        register_owner("seals.sealuse", can_read_attachments)
        areas.register_home("seals", "seals:home")
        nav.add("seals", nav.NavItem("印信管理", "seals:home"))
        nav.add("seals", nav.NavItem("用印申请", "seals:requests"))
        nav.add("seals", nav.NavItem("用印登记簿", "seals:register"))
        nav.add("seals", nav.NavItem("介绍信", "seals:letters"))
        nav.add("seals", nav.NavItem("信笺领用", "seals:letterhead"))
