from django.apps import AppConfig


class VehiclesConfig(AppConfig):
    name = "zeroerror.vehicles"
    label = "vehicles"
    verbose_name = "公务用车"

    def ready(self):
        from zeroerror.core import nav
        from zeroerror.tracking.registry import register_inbox_provider
        from zeroerror.vehicles import demo  # noqa: F401  (registers the demo step)
        from zeroerror.vehicles.access import vehicles_inbox
        from zeroerror.vehicles.sources import register_sources

        register_sources()
        register_inbox_provider(vehicles_inbox)
        nav.add("reception", nav.NavItem("用车记录", "vehicles:trips"))
        nav.add("reception", nav.NavItem("公务用车", "vehicles:vehicles"))
