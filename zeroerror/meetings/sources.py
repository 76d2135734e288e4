"""What 会务工作 tells ``tracking.sources``: a 议定事项's tracked item, and a lead from a 会前检查 or 会风监督 report, are
seen through the meeting — whoever may see the meeting follows the link; the decision's owner who was not at the
meeting still sees their item, with the meeting named but not linked."""

from __future__ import annotations

from django.urls import reverse

from zeroerror.meetings.access import visible_meetings
from zeroerror.meetings.models import BreachReport, Checklist, Decision
from zeroerror.tracking import sources


def _through_meeting(model):
    def visible(person):
        return model.objects.filter(meeting__in=visible_meetings(person).values("pk")).select_related("meeting")

    return visible


def _meeting_url(obj) -> str:
    return reverse("meetings:detail", args=[obj.meeting_id])


def register_sources() -> None:
    sources.register(Decision, visible=_through_meeting(Decision), url=_meeting_url,
                     label=lambda d: f"{d.meeting.title}·议定事项")
    sources.register(Checklist, visible=_through_meeting(Checklist), url=_meeting_url,
                     label=lambda c: f"{c.meeting.title}·{c.get_kind_display()}")
    sources.register(BreachReport, visible=_through_meeting(BreachReport), url=_meeting_url,
                     label=lambda b: f"{b.meeting.title}·会风监督")
