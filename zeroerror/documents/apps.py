from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "zeroerror.documents"
    label = "documents"
    verbose_name = "公文处理"

    def ready(self):
        from zeroerror.attachments.registry import register_owner
        from zeroerror.core import nav
        from zeroerror.documents import demo  # noqa: F401  (registers the demo step)
        from zeroerror.documents.access import can_read_attachments
        from zeroerror.documents.actions import notice_secrecy_expiry
        from zeroerror.documents.sources import register_sources
        from zeroerror.tracking.registry import register_tick_task

        register_sources()
        register_tick_task(notice_secrecy_expiry)
        register_owner("documents.incomingdocument", can_read_attachments)
        register_owner("documents.outgoingdocument", can_read_attachments)
        nav.add("documents", nav.NavItem("收文", "documents:incoming_list"))
        nav.add("documents", nav.NavItem("发文", "documents:outgoing_list"))
        nav.add("documents", nav.NavItem("发文字号登记簿", "documents:numbers"))
        nav.add("documents", nav.NavItem("按时办结率", "documents:incoming_stats"))
