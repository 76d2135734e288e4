from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "zeroerror.documents"
    label = "documents"
    verbose_name = "公文处理"
