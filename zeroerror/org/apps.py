from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "zeroerror.org"
    label = "org"
    verbose_name = "组织机构"

    def ready(self):
        from zeroerror.core import nav
        from zeroerror.org import demo  # noqa: F401  (registers the demo step)

        nav.add("system", nav.NavItem("科室", "org:departments"))
        nav.add("system", nav.NavItem("人员", "org:people"))
        nav.add("system", nav.NavItem("名册导入", "org:roster_import", visible=nav.SYSTEM_ADMIN))
        nav.add("errors", nav.NavItem("督查考核小组", "org:supervision"))
