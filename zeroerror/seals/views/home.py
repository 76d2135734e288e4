"""The 印信管理 home: what is due today, the registers, the area's 差错."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zeroerror.core import areas
from zeroerror.core.access import person_of
from zeroerror.seals import access
from zeroerror.seals.models import Appointment, SealRequest
from zeroerror.seals.views.requests import pending_for


def home(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    today = timezone.localdate()
    seal_ids = access.kept_seal_ids(person)
    ready = (SealRequest.objects.of_unit(person.unit).approved_unused().filter(seal_id__in=seal_ids)
             .with_related().order_by("decided_at")[:50]) if seal_ids else []
    unreturned = (access.visible_uses(person).unreturned().select_related("seal", "custodian")
                  .order_by("used_at")[:50])
    mine = (SealRequest.objects.of_unit(person.unit).filter(requester=person).with_related()
            .order_by("-created_at")[:10])
    keepers = (Appointment.objects.of_unit(person.unit).current().select_related("seal", "person")
               .order_by("duty", "seal_id"))
    return render(request, "seals/home.html", {
        "title": "印信管理", "pending": pending_for(person), "ready": ready, "unreturned": unreturned, "mine": mine,
        "keepers": keepers, "today": today, "sees_all": access.sees_all(person),
        "uses_today": access.visible_uses(person).uses().filter(used_at__date=today).count(),
        "refused": access.visible_refused(person).select_related("seal", "person")[:10],
        **areas.area_block(person, "seals")})
