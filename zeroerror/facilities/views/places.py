"""Places to keep clean, their rota, and visitors recorded for a leader's office or the reception room."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.core.forms import run_form_action
from zeroerror.facilities import access, actions
from zeroerror.facilities.forms import PlaceForm, VisitForm
from zeroerror.facilities.views.rounds import require_office


def place_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    places = (access.visible_places(person).select_related("room", "occupant").prefetch_related("cleaners")
              .order_by("-active", "kind", "name"))
    return render(request, "facilities/places.html", {"title": "保洁场所与轮值表", "places": places,
                                                      "runs": access.runs_facilities(person),
                                                      "visit_form": VisitForm()})


def place_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    require_office(person)
    form = PlaceForm(request.POST or None, unit=person.unit)
    if request.method == "POST" and run_form_action(
            request, form, lambda **d: actions.do_create_place(actor=request.user, **{
                k: v for k, v in d.items() if k != "active"}), "场所已登记。"):
        return redirect("facilities:places")
    return render(request, "facilities/place_form.html", {"title": "登记保洁场所", "form": form})


def place_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    place = access.get_place_or_404(request, pk)
    require_office(person)
    initial = {"name": place.name, "kind": place.kind, "room": place.room_id, "occupant": place.occupant_id,
               "daily_slots": ", ".join(place.daily_slots), "cleaners": [p.pk for p in place.cleaners.all()],
               "active": place.active}
    form = PlaceForm(request.POST or None, unit=person.unit, initial=initial)
    if request.method == "POST" and run_form_action(
            request, form, lambda **d: actions.do_update_place(place, actor=request.user, **d), "场所已更新。"):
        return redirect("facilities:places")
    return render(request, "facilities/place_form.html", {"title": f"编辑：{place.name}", "form": form})


@require_POST
def place_visit(request: HttpRequest, pk: int) -> HttpResponse:
    place = access.get_place_or_404(request, pk)
    run_form_action(request, VisitForm(request.POST),
                    lambda **d: actions.do_record_visit(place, actor=request.user, **d), "已登记来访，已通知保洁人员清理。")
    return redirect("facilities:places")
