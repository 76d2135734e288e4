from django.apps import AppConfig


class RulebookConfig(AppConfig):
    name = "zeroerror.rulebook"
    label = "rulebook"
    verbose_name = "条款目录"
