from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "zeroerror.meetings"
    label = "meetings"
    verbose_name = "会务工作"
