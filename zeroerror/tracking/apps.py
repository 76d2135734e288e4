from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "zeroerror.tracking"
    label = "tracking"
    verbose_name = "督办事项"
