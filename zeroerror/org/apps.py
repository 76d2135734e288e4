from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "zeroerror.org"
    label = "org"
    verbose_name = "组织机构"

    def ready(self):
        from zeroerror.core import nav
        from zeroerror.org import demo  # noqa: F401  (registers the demo step)
        from zeroerror.org.access import role_requests_inbox
        from zeroerror.org.roles import Role
        from zeroerror.tracking.registry import register_inbox_provider

        nav.add("system", nav.NavItem("科室", "org:departments"))
        nav.add("system", nav.NavItem("人员", "org:people"))
        nav.add("system", nav.NavItem("名册导入", "org:roster_import", visible=nav.SYSTEM_ADMIN))
        nav.add("system", nav.NavItem("角色变更申请", "org:role_requests",
                                      visible=nav.has_any(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)))
        nav.add("errors", nav.NavItem("督查考核小组", "org:supervision"))
        register_inbox_provider(role_requests_inbox)
