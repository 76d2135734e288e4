"""An area's home page (接待, 信息公开, 财务 …) and the block every area home shows.

An area app registers its own home from ``AppConfig.ready()``::

    areas.register_home("reception", "reception:home")

``/area/<code>/`` then redirects there (the nav's "工作要求与督办" link keeps working). The app's home template shows
what is due today and its registers, and includes ``core/_area_block.html`` with :func:`area_block` for the part all
areas share: the area's open tracked items the reader may see, the area's 差错 the reader may see, and the area's
clauses of the regulation.
"""

from __future__ import annotations

from django.urls import reverse

_homes: dict[str, str] = {}


def register_home(code: str, url_name: str) -> None:
    _homes[code] = url_name


def home_url(code: str) -> str | None:
    name = _homes.get(code)
    return reverse(name) if name else None


def area_block(person, code: str, *, limit: int = 20) -> dict:
    """Context for ``core/_area_block.html``: {"area_items", "area_leads", "area_clauses"} (constant queries)."""
    from zeroerror.errors.access import visible_leads
    from zeroerror.rulebook.catalogue import load_regulation
    from zeroerror.tracking.models import TrackedItem

    clauses = [c for c in load_regulation().clauses if c.area == code]
    items = list(TrackedItem.objects.with_people().visible_to(person).active().filter(area=code)
                 .order_by("due_at")[:limit])
    leads = list(visible_leads(person).with_related().filter(clause__area=code).order_by("-created_at")[:limit])
    return {"area_items": items, "area_leads": leads, "area_clauses": clauses}
