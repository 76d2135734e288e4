from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "zeroerror.finance"
    label = "finance"
    verbose_name = "财务管理"

    def ready(self):
        from zeroerror.core import areas, nav
        from zeroerror.finance import demo  # noqa: F401  (registers the demo step)
        from zeroerror.finance.access import can_see_registers, finance_inbox
        from zeroerror.finance.sources import register_sources
        from zeroerror.tracking.registry import register_inbox_provider

        register_sources()
        register_inbox_provider(finance_inbox)
        areas.register_home("finance", "finance:home")
        nav.add("finance", nav.NavItem("财务管理", "finance:home"))
        nav.add("finance", nav.NavItem("支出登记", "finance:expenses"))
        nav.add("finance", nav.NavItem("预算执行", "finance:report", visible=can_see_registers))
        nav.add("finance", nav.NavItem("开支标准", "finance:standards"))
