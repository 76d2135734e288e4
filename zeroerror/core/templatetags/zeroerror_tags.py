from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def get_item(mapping, key):
    if mapping is None:
        return None
    return mapping.get(key)


@register.filter
def due_class(moment):
    """'overdue' when past, 'due-soon' when within 24 hours, '' otherwise."""
    if moment is None:
        return ""
    now = timezone.now()
    if moment < now:
        return "overdue"
    if (moment - now).total_seconds() < 24 * 3600:
        return "due-soon"
    return ""


@register.filter
def field_named(form, name):
    """``form|field_named:name``: the bound field called ``name`` (for forms whose fields are built at run time)."""
    return form[name]
