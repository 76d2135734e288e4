from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "zeroerror.meetings"
    label = "meetings"
    verbose_name = "会务工作"

    def ready(self):
        from zeroerror.attachments.registry import register_owner
        from zeroerror.core import nav
        from zeroerror.meetings import demo  # noqa: F401  (registers the demo step)
        from zeroerror.meetings.access import can_read_attachments, meetings_inbox
        from zeroerror.meetings.actions import remind_replies
        from zeroerror.meetings.sources import register_sources
        from zeroerror.tracking.registry import register_inbox_provider, register_tick_task

        register_sources()
        register_inbox_provider(meetings_inbox)
        register_tick_task(remind_replies)
        register_owner("meetings.meeting", can_read_attachments)
        nav.add("meetings", nav.NavItem("会议", "meetings:list"))
        nav.add("meetings", nav.NavItem("会议日程", "meetings:calendar"))
        nav.add("meetings", nav.NavItem("会议室", "meetings:rooms"))
        nav.add("meetings", nav.NavItem("会议频次", "meetings:stats"))
