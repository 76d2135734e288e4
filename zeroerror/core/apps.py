from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zeroerror.core"
    label = "core"
    verbose_name = "系统"
