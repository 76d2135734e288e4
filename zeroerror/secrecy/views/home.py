"""The 安全保密 area home: what is due today, the registers, and the area's tracked items, 差错 and clauses."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zeroerror.core import areas
from zeroerror.core.access import person_of
from zeroerror.secrecy import access
from zeroerror.secrecy.models import ItemStatus


def home(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    now = timezone.now()
    items = access.visible_items(person)
    out = list(items.checked_out().with_people().order_by("due_back_at")[:50])
    pending = list(access.visible_copy_requests(person).filter(status="pending").with_related()[:50])
    safety = list(access.visible_safety_rounds(person).open().filter(starts_at__lte=now).with_related()
                  .prefetch_related("checklist__checkers").order_by("due_at")[:50])
    last_check = access.visible_checks(person).select_related("checked_by").first()
    counts = {
        "items": items.current().count(),
        "out": len(out),
        "media": access.visible_media(person).active().count(),
        "keys": access.visible_keys(person).active().count(),
    }
    return render(request, "secrecy/home.html", {
        "title": "安全保密", "out": out, "pending": pending, "safety": safety, "last_check": last_check, "counts": counts, "now": now,
        "keeper": access.keeps_registers(person), "in_store": ItemStatus.IN_STORE,
        **areas.area_block(person, "secrecy"),
    })
