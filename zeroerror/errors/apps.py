from django.apps import AppConfig


class ErrorsConfig(AppConfig):
    name = "zeroerror.errors"
    label = "errors"
    verbose_name = "差错考核"

    def ready(self):
        from zeroerror.attachments.registry import register_owner
        from zeroerror.core import nav
        from zeroerror.errors import demo  # noqa: F401  (registers the demo step)
        from zeroerror.errors.access import (
            ALL_SEEING,
            LEDGER_ROLES,
            can_inspect,
            can_read_attachments,
            can_read_inspection_photos,
            can_read_sealed_evidence,
            can_see_meeting_agenda,
            can_see_reports,
        )
        from zeroerror.errors.actions import on_item_overdue
        from zeroerror.errors.anonymous import register_anonymous_submissions
        from zeroerror.errors.inbox import errors_inbox
        from zeroerror.errors.sources import register_sources
        from zeroerror.tracking.registry import register_inbox_provider, register_tick_task
        from zeroerror.tracking.signals import item_overdue

        register_sources()
        item_overdue.connect(on_item_overdue, dispatch_uid="errors.propose_lead_on_overdue")
        register_inbox_provider(errors_inbox)
        register_tick_task(register_anonymous_submissions)
        register_owner("errors.lead", can_read_attachments)
        register_owner("errors.evidenceseal", can_read_sealed_evidence)
        register_owner("errors.inspectionitem", can_read_inspection_photos)
        nav.add("errors", nav.NavItem("差错线索", "errors:list"))
        nav.add("errors", nav.NavItem("举报差错", "errors:report"))
        nav.add("errors", nav.NavItem("我的差错", "errors:mine"))
        nav.add("errors", nav.NavItem("匿名举报查询", "errors:anonymous"))
        nav.add("errors", nav.NavItem("差错统计", "errors:reports", visible=can_see_reports))
        nav.add("errors", nav.NavItem("院长办公会议题", "errors:meeting", visible=can_see_meeting_agenda))
        nav.add("errors", nav.NavItem("扣罚台账", "errors:ledger", visible=nav.has_any(*LEDGER_ROLES, *ALL_SEEING)))
        nav.add("errors", nav.NavItem("内部检查", "errors:inspections", visible=can_inspect))
