from django.apps import AppConfig


class FacilitiesConfig(AppConfig):
    name = "zeroerror.facilities"
    label = "facilities"
    verbose_name = "环境管理"

    def ready(self):
        from zeroerror.attachments.registry import register_owner
        from zeroerror.core import areas, nav
        from zeroerror.facilities import demo  # noqa: F401  (registers the demo step)
        from zeroerror.facilities.access import can_read_attachments, facilities_inbox
        from zeroerror.facilities.actions import run_cleaning_tick
        from zeroerror.facilities.sources import register_sources
        from zeroerror.tracking.registry import register_inbox_provider, register_tick_task

        register_sources()
        register_inbox_provider(facilities_inbox)
        register_tick_task(run_cleaning_tick)
        register_owner("facilities.cleaninground", can_read_attachments)
        areas.register_home("facilities", "facilities:home")
        nav.add("facilities", nav.NavItem("我的保洁任务", "facilities:my"))
        nav.add("facilities", nav.NavItem("保洁周表", "facilities:week"))
        nav.add("facilities", nav.NavItem("场所与轮值表", "facilities:places"))
