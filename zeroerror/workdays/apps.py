from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "zeroerror.workdays"
    label = "workdays"
    verbose_name = "工作日历"

    def ready(self):
        from zeroerror.core import nav

        nav.add("system", nav.NavItem("工作日历", "workdays:calendar"))
