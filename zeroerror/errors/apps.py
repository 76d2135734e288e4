from django.apps import AppConfig


class ErrorsConfig(AppConfig):
    name = "zeroerror.errors"
    label = "errors"
    verbose_name = "差错考核"
