"""The meeting calendar (by room and week) and the meeting frequency (精简会议)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zeroerror.core.access import person_of
from zeroerror.meetings import access
from zeroerror.meetings.models import Meeting, Room


def calendar(request: HttpRequest) -> HttpResponse:
    """会议日程: one week, rooms by day."""
    person = person_of(request)
    try:
        day = date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = timezone.localdate()
    monday = day - timedelta(days=day.weekday())
    days = [monday + timedelta(days=i) for i in range(7)]
    start = timezone.make_aware(datetime.combine(monday, time()))
    end = start + timedelta(days=7)
    rooms = list(Room.objects.of_unit(person.unit).active())
    # every booking of the unit's rooms: the ones this person may open with their title, the others as
    # "已预订（科室 承办人）" (clause 一(二)2: a room never looks free when it is not)
    rows = (Meeting.objects.of_unit(person.unit).booked().between(start, end)
            .select_related("room", "organiser", "department"))
    visible = set(access.visible_meetings(person).between(start, end).values_list("pk", flat=True))
    cells: dict[tuple[int, date], list[Meeting]] = defaultdict(list)
    for m in rows.order_by("start_at"):
        m.visible = m.pk in visible
        cells[(m.room_id, timezone.localtime(m.start_at).date())].append(m)
    grid = [(room, [cells.get((room.pk, d), []) for d in days]) for room in rooms]
    return render(request, "meetings/calendar.html", {
        "title": "会议日程", "days": days, "grid": grid,
        "prev": (monday - timedelta(days=7)).isoformat(), "next": (monday + timedelta(days=7)).isoformat(),
    })


def stats(request: HttpRequest) -> HttpResponse:
    """精简会议: meetings per month per organiser, with their size, over the last 12 months."""
    person = person_of(request)
    today = timezone.localdate()
    first = date(today.year - (1 if today.month < 12 else 0), today.month % 12 + 1, 1)
    since = timezone.make_aware(datetime.combine(first, time()))
    months = []
    d = first
    for _ in range(12):
        months.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    rows = (
        access.visible_meetings(person).booked().since(since)
        .annotate(month=TruncMonth("start_at")).values("organiser_id", "organiser__name", "department__name", "month")
        .annotate(n=Count("id", distinct=True),
                  people=Count("invitations", filter=Q(invitations__withdrawn_at__isnull=True)))
        .order_by("organiser__name")
    )
    table: dict[int, dict] = {}
    for r in rows:
        entry = table.setdefault(r["organiser_id"], {"name": r["organiser__name"], "department": r["department__name"],
                                                      "by_month": defaultdict(int), "total": 0, "people": 0})
        month = timezone.localtime(r["month"]).date().replace(day=1) if isinstance(r["month"], datetime) else r["month"]
        entry["by_month"][month] += r["n"]
        entry["total"] += r["n"]
        entry["people"] += r["people"]
    lines = [{**e, "cells": [e["by_month"].get(m, 0) for m in months],
              "average": round(e["people"] / e["total"], 1) if e["total"] else 0} for e in table.values()]
    lines.sort(key=lambda e: (-e["total"], e["name"]))
    return render(request, "meetings/stats.html", {"title": "会议频次", "months": months, "lines": lines})
