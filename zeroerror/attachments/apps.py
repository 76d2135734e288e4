from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    name = "zeroerror.attachments"
    label = "attachments"
    verbose_name = "附件"
