"""Seating charts and name cards (clauses 一(二)7, 9): generation, manual adjustment, the PDFs."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.meetings import access, actions
from zeroerror.meetings.forms import SeatingForm
from zeroerror.meetings.models import SEATING_OPTIONS, Meeting
from zeroerror.meetings.pdf import CardSpec, ChartInfo, name_cards_pdf, plan_card_names, seating_chart_pdf
from zeroerror.meetings.views.common import _errors


def meeting_seating(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    manage = access.can_manage(person, meeting)
    arrangement = getattr(meeting, "seating", None)
    initial = {name: getattr(arrangement, name) for name in SEATING_OPTIONS} if arrangement else None
    form = SeatingForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not manage:
            raise PermissionDenied("您不能生成座位表。")
        if form.is_valid():
            try:
                arrangement = actions.do_generate_seating(meeting, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, f"座位表已生成（第 {arrangement.version} 版）。")
            return redirect("meetings:seating", meeting.pk)
    hall_grid = []
    if arrangement and arrangement.hall.get("rows"):
        cells = {(p["row"], p["col"]): p for p in arrangement.hall["placements"]}
        used_rows = max((p["row"] for p in arrangement.hall["placements"]), default=0)
        hall_grid = [[cells.get((r, c)) for c in range(1, arrangement.hall["cols"] + 1)]
                     for r in range(1, used_rows + 1)]
    podium_grid = []
    if arrangement:
        for row in arrangement.podium:
            cells = {p["col"]: p for p in row}
            podium_grid.append({"row": row[0]["row"] if row else len(podium_grid) + 1,
                                "cells": [cells.get(c) for c in range(1, max(cells, default=0) + 1)]})
    people = []
    if arrangement:
        people = [p for row in arrangement.podium for p in row] + list(arrangement.hall.get("placements", []))
    return render(request, "meetings/seating.html", {
        "title": "座位表", "meeting": meeting, "arrangement": arrangement, "form": form, "manage": manage,
        "hall_grid": hall_grid, "podium_grid": podium_grid, "people": people,
    })


@require_POST
def seating_swap(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能调整座位。")
    try:
        arrangement = actions.do_swap_seats(meeting, request.POST.get("a", ""), request.POST.get("b", ""),
                                            confirm=request.POST.get("confirm") == "1", actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, f"座位已调整（第 {arrangement.version} 版），检查无漏排、重排。")
    return redirect("meetings:seating", meeting.pk)


@require_POST
def seating_move(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能调整座位。")
    try:
        row, col = int(request.POST.get("row", "")), int(request.POST.get("col", ""))
    except ValueError:
        messages.error(request, "请填写排号和座号。")
        return redirect("meetings:seating", meeting.pk)
    try:
        arrangement = actions.do_move_seat(meeting, request.POST.get("key", ""), row=row, col=col,
                                           confirm=request.POST.get("confirm") == "1", actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, f"座位已调整（第 {arrangement.version} 版），检查无漏排、重排。")
    return redirect("meetings:seating", meeting.pk)


def _seating_or_404(meeting: Meeting):
    arrangement = getattr(meeting, "seating", None)
    if arrangement is None:
        raise Http404("尚未生成座位表。")
    return arrangement


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def seating_chart(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_or_404(request, pk)
    arrangement = _seating_or_404(meeting)
    paper = request.GET.get("paper", "A4")
    if paper not in ("A4", "A3"):
        paper = "A4"
    start = timezone.localtime(meeting.start_at)
    info = ChartInfo(meeting=meeting.title, time=f"{start:%Y年%m月%d日 %H:%M}", place=meeting.room.name,
                     footer=f"{meeting.department.name}制 · 第{arrangement.version}版", lectern="front")
    data = seating_chart_pdf(actions.plan_from(arrangement), info, paper=paper)
    actions.do_record_export(meeting, f"seating-chart-{paper}", version=arrangement.version, actor=request.user)
    return _pdf(data, f"seating-{meeting.pk}-v{arrangement.version}.pdf")


def seating_cards(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_or_404(request, pk)
    arrangement = _seating_or_404(meeting)
    include_hall = request.GET.get("hall") == "1"
    names = plan_card_names(actions.plan_from(arrangement), include_hall=include_hall)
    if not names:
        messages.error(request, "主席台没有人员，无需打印席卡。")
        return redirect("meetings:seating", meeting.pk)
    data = name_cards_pdf(names, CardSpec(), title=f"{meeting.title}席卡")
    actions.do_record_export(meeting, "name-cards" + ("-all" if include_hall else ""), version=arrangement.version,
                             actor=request.user)
    return _pdf(data, f"cards-{meeting.pk}-v{arrangement.version}.pdf")
