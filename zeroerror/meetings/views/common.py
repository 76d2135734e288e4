"""Helpers shared by the 会务 views."""

from __future__ import annotations

from zeroerror.core.forms import flash_form_errors as _form_errors  # noqa: F401  (used by the view modules)
from zeroerror.core.forms import flash_refusal as _errors  # noqa: F401
from zeroerror.org.models import Person


def _unit_people(person: Person):
    return Person.objects.active().filter(unit=person.unit)


def clash_messages(person: Person, meeting) -> list[str]:
    """Leaders of this meeting invited to an overlapping one (clause 一(二)2), for the organiser, the approvers and
    the leader concerned; the other meeting's title only where this person may open it."""
    from zeroerror.meetings import access
    from zeroerror.meetings.clashes import leader_clashes

    clashes = leader_clashes(meeting)
    if not clashes:
        return []
    concerned = access.can_manage(person, meeting) or access.may_approve(person, meeting)
    clashes = [c for c in clashes if concerned or c.person.pk == person.pk]
    visible = set(access.visible_meetings(person).filter(pk__in=[c.other.pk for c in clashes])
                  .values_list("pk", flat=True))
    return [c.message(show_title=c.other.pk in visible) for c in clashes]
