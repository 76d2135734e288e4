"""Rooms (clauses 一(二)2, 5)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zeroerror.core.access import person_of
from zeroerror.meetings import access, actions
from zeroerror.meetings.forms import RoomForm
from zeroerror.meetings.models import Room


def room_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    rooms = Room.objects.of_unit(person.unit).order_by("-active", "name")
    return render(request, "meetings/rooms.html", {"title": "会议室", "rooms": rooms,
                                                   "can_manage": access.can_manage_rooms(person)})


def room_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.can_manage_rooms(person):
        raise PermissionDenied("只有办公室可以管理会议室。")
    form = RoomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            actions.do_create_room(unit=person.unit, actor=request.user, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "会议室已添加。")
            return redirect("meetings:rooms")
    return render(request, "meetings/room_form.html", {"title": "添加会议室", "form": form})


def room_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    room = access.get_room_or_404(request, pk)
    if not access.can_manage_rooms(person):
        raise PermissionDenied("只有办公室可以管理会议室。")
    form = RoomForm(request.POST or None, instance=Room.objects.get(pk=room.pk))
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_room(room, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "会议室已更新。")
            return redirect("meetings:rooms")
    return render(request, "meetings/room_form.html", {"title": f"编辑会议室：{room.name}", "form": form})
