from django.conf import settings

from zeroerror.core import nav
from zeroerror.org.models import Unit
from zeroerror.tracking.models import Notification
from zeroerror.tracking.registry import inbox_for


def current_person(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if not hasattr(request, "_person_cache"):
        request._person_cache = getattr(user, "person", None)
    return request._person_cache


def inbox(request):
    person = current_person(request)
    if person is None:
        return []
    if not hasattr(request, "_inbox_cache"):
        request._inbox_cache = inbox_for(person)
    return request._inbox_cache


def shell(request):
    person = current_person(request)
    unit_name = settings.ZEROERROR_UNIT_NAME
    if person is not None:
        unit_name = unit_name or person.unit.name
    elif not unit_name:
        unit = Unit.objects.first()
        unit_name = unit.name if unit else ""
    context = {"unit_name": unit_name, "person": person}
    if person is not None:
        context["nav_sections"] = nav.sections_for(person)
        context["nav_counts"] = {
            "inbox": len(inbox(request)),
            "notifications": Notification.objects.for_person(person).unread().count(),
        }
    return context
