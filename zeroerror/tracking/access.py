from django.http import Http404, HttpRequest

from zeroerror.core.access import person_of
from zeroerror.tracking.models import TrackedItem


def get_item_or_404(request: HttpRequest, pk: int) -> TrackedItem:
    """A tracked item the signed-in person may see (:meth:`TrackedItemQuerySet.visible_to`). Anything else is 404
    (never a hint that it exists)."""
    person = person_of(request)
    item = TrackedItem.objects.with_people().visible_to(person).filter(pk=pk).first()
    if item is None:
        raise Http404("督办事项不存在。")
    return item


def can_close(person, item: TrackedItem) -> bool:
    return item.is_active and (person.pk in (item.owner_id, item.created_by_id) or person.is_unit_wide)


def can_chase(person, item: TrackedItem) -> bool:
    return item.is_active and person.pk != item.owner_id


def can_attach(person, item: TrackedItem) -> bool:
    """办理材料 are filed by the people acting on the item (its owner, whoever assigned it, whoever it was escalated
    to), never by someone who merely sees it — a colleague cannot add a file to another person's 书面检查."""
    return item.is_active and person.pk in (item.owner_id, item.created_by_id, item.escalated_to_id)


def can_read_attachments(request: HttpRequest, item: TrackedItem) -> bool:
    return TrackedItem.objects.visible_to(person_of(request)).filter(pk=item.pk).exists()
