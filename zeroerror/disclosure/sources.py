"""What 信息公开 tells ``tracking.sources``: a tracked item or a lead about an item or a request is seen by whoever
may see the item or the request (see :mod:`zeroerror.disclosure.access`)."""

from __future__ import annotations

from zeroerror.disclosure.access import item_url, request_url, visible_items, visible_requests
from zeroerror.disclosure.models import DisclosureItem, DisclosureRequest, Publication, Withdrawal
from zeroerror.tracking import sources


def _through_item(model):
    def visible(person):
        return model.objects.filter(item__in=visible_items(person).values("pk")).select_related("item")

    return visible


def _item_url(obj) -> str:
    return item_url(obj.item)


def register_sources() -> None:
    sources.register(DisclosureItem, visible=visible_items, url=item_url, label=lambda i: f"信息公开：{i.title}")
    sources.register(DisclosureRequest, visible=visible_requests, url=request_url,
                     label=lambda r: f"依申请公开 {r.number}")
    sources.register(Publication, visible=_through_item(Publication), url=_item_url,
                     label=lambda p: f"信息公开：{p.item.title}·发布")
    sources.register(Withdrawal, visible=_through_item(Withdrawal), url=_item_url,
                     label=lambda w: f"信息公开：{w.item.title}·撤稿")
