from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core import areas
from zeroerror.core.access import person_of
from zeroerror.core.context_processors import inbox
from zeroerror.core.nav import AREAS
from zeroerror.core.params import int_param
from zeroerror.org.roles import Role
from zeroerror.tracking.actions import do_mark_notifications_read
from zeroerror.tracking.models import Notification, TrackedItem
from zeroerror.tracking.notify import followable
from zeroerror.workdays.service import uncovered_years

TABS = [("todo", "待办"), ("done", "已办"), ("mine", "我发起的"), ("overdue", "逾期")]


def home(request: HttpRequest) -> HttpResponse:
    """我的待办."""
    if not hasattr(request.user, "person"):
        return render(request, "core/no_person.html", status=200)
    person = person_of(request)
    tab = request.GET.get("tab", "todo")
    if tab not in dict(TABS):
        tab = "todo"
    entries = inbox(request)
    items = None
    if tab == "done":
        items = TrackedItem.objects.with_people().owned_by(person).filter(status="done").order_by("-done_at")[:50]
    elif tab == "mine":
        items = TrackedItem.objects.with_people().filter(created_by=person).order_by("-created_at")[:50]
    elif tab == "overdue":
        entries = [e for e in entries if e.overdue]
    counts = {"todo": len(inbox(request)), "overdue": sum(1 for e in inbox(request) if e.overdue)}
    uncovered = uncovered_years() if person.has_role(Role.SYSTEM_ADMIN) else []
    return render(request, "core/home.html", {
        "title": "我的待办", "tabs": TABS, "tab": tab, "entries": entries, "items": items, "counts": counts,
        "uncovered_years": uncovered,
    })


def notifications(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    rows = followable(person, list(Notification.objects.for_person(person)[:100]))
    return render(request, "core/notifications.html", {"title": "通知", "rows": rows})


@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    ids = None
    if request.POST.get("id"):
        number = int_param(request.POST["id"])
        ids = [number] if number else []
    count = do_mark_notifications_read(person, ids, actor=request.user)
    if count:
        messages.success(request, f"已将 {count} 条通知标为已读。")
    return redirect("notifications")


def area(request: HttpRequest, code: str) -> HttpResponse:
    """An area's landing page: the area app's own home if it registered one, else its clauses, tracked items and
    差错 (zeroerror.core.areas)."""
    from django.http import Http404

    labels = dict(AREAS)
    if code not in labels:
        raise Http404
    home = areas.home_url(code)
    if home:
        return redirect(home)
    context = {"title": labels[code], "code": code, **areas.area_block(person_of(request), code)}
    return render(request, "core/area.html", context)


@login_not_required
def healthz(request: HttpRequest) -> JsonResponse:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
