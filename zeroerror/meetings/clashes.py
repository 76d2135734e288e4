"""Leaders invited to overlapping meetings (clause 一(二)2 “领导不知情”, 会议安排无序): found when the attendee list,
the time or the room changes, shown to the organiser and the approver, and told to the leader with the notice."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from zeroerror.meetings.models import Invitation, Meeting, Reply
from zeroerror.org.models import Person, RoleAssignment
from zeroerror.org.roles import Role

LEADER_ROLES = (Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE)


@dataclass(frozen=True)
class Clash:
    person: Person
    other: Meeting

    def message(self, *, show_title: bool) -> str:
        what = f"“{self.other.title}”" if show_title else f"{self.other.department.name}承办的另一会议"
        start, end = self.other.start_at, self.other.end_at
        return (f"{self.person.name}同时被邀请参加{what}（{timezone.localtime(start):%m-%d %H:%M}–"
                f"{timezone.localtime(end):%H:%M}），时间冲突。")


def leader_clashes(meeting: Meeting) -> list[Clash]:
    """Invited leaders (not excused) who are also invited, and not excused, to another booked meeting that
    overlaps this one."""
    mine = list(meeting.invitations.exclude(reply=Reply.ABSENT).values_list("person_id", flat=True))
    leaders = set(RoleAssignment.objects.current().filter(role__in=LEADER_ROLES, person_id__in=mine)
                  .values_list("person_id", flat=True))
    if not leaders:
        return []
    others = Meeting.objects.booked().exclude(pk=meeting.pk).between(meeting.start_at, meeting.end_at)
    rows = (Invitation.objects.filter(person_id__in=leaders, meeting__in=others).exclude(reply=Reply.ABSENT)
            .select_related("person", "meeting", "meeting__department").order_by("meeting__start_at", "person_id"))
    return [Clash(inv.person, inv.meeting) for inv in rows]
