from django.apps import AppConfig


class ProofreadConfig(AppConfig):
    name = "zeroerror.proofread"
    label = "proofread"
    verbose_name = "校对"
