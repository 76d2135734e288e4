from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "zeroerror.tracking"
    label = "tracking"
    verbose_name = "督办事项"

    def ready(self):
        from zeroerror.attachments.registry import register_owner
        from zeroerror.core import nav
        from zeroerror.tracking import sources
        from zeroerror.tracking.access import can_read_attachments
        from zeroerror.tracking.actions import item_url
        from zeroerror.tracking.inbox import tracked_items_inbox
        from zeroerror.tracking.models import TrackedItem
        from zeroerror.tracking.registry import register_inbox_provider

        # a lead proposed for an overdue item points at the item
        sources.register(TrackedItem, visible=TrackedItem.objects.visible_to, url=item_url,
                         label=lambda item: f"督办事项：{item.title}")
        register_inbox_provider(tracked_items_inbox)
        register_owner("tracking.trackeditem", can_read_attachments)
        nav.add("work", nav.NavItem("我的待办", "home", badge="inbox"))
        nav.add("work", nav.NavItem("督办事项", "tracking:list"))
        nav.add("work", nav.NavItem("通知", "notifications", badge="notifications"))
