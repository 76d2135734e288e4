from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "zeroerror.disclosure"
    label = "disclosure"
    verbose_name = "信息公开"

    def ready(self):
        from zeroerror.core import areas, nav
        from zeroerror.disclosure import demo  # noqa: F401  (registers the demo step)
        from zeroerror.disclosure.access import disclosure_inbox
        from zeroerror.disclosure.sources import register_sources
        from zeroerror.tracking.registry import register_inbox_provider

        register_sources()
        register_inbox_provider(disclosure_inbox)
        areas.register_home("disclosure", "disclosure:home")
        nav.add("disclosure", nav.NavItem("信息公开", "disclosure:home"))
        nav.add("disclosure", nav.NavItem("发布稿件", "disclosure:items"))
        nav.add("disclosure", nav.NavItem("依申请公开", "disclosure:requests"))
        nav.add("disclosure", nav.NavItem("年度报告", "disclosure:report"))
