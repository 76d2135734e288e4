from django.apps import AppConfig


class ProofreadConfig(AppConfig):
    name = "zeroerror.proofread"
    label = "proofread"
    verbose_name = "校对"

    def ready(self):
        from zeroerror.core import nav

        nav.add("work", nav.NavItem("校对", "proofread:check"))
