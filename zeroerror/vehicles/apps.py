from django.apps import AppConfig


class VehiclesConfig(AppConfig):
    name = "zeroerror.vehicles"
    label = "vehicles"
    verbose_name = "公务用车"

    def ready(self):
        from zeroerror.core import nav
        from zeroerror.tracking.registry import register_inbox_provider, register_tick_task
        from zeroerror.vehicles import demo  # noqa: F401  (registers the demo step)
        from zeroerror.vehicles.access import sees_all, vehicles_inbox
        from zeroerror.vehicles.actions import plan_sealing
        from zeroerror.vehicles.panels import register_panels
        from zeroerror.vehicles.sources import register_sources

        register_sources()
        register_inbox_provider(vehicles_inbox)
        register_tick_task(plan_sealing)
        register_panels()
        nav.add("reception", nav.NavItem("用车记录", "vehicles:trips"))
        nav.add("reception", nav.NavItem("公务用车", "vehicles:vehicles"))
        nav.add("reception", nav.NavItem("节假日封存", "vehicles:rounds"))
        nav.add("reception", nav.NavItem("用车公示", "vehicles:notice"))
        nav.add("reception", nav.NavItem("车辆油耗与费用", "vehicles:monthly", visible=sees_all))
