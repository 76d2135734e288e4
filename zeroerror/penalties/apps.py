from django.apps import AppConfig


class PenaltiesConfig(AppConfig):
    name = "zeroerror.penalties"
    label = "penalties"
    verbose_name = "扣罚规则"
