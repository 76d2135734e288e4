"""Today's rounds, the cleaner's phone page, one round (tick with a photo) and the weekly sheet."""

from __future__ import annotations

from datetime import date, datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zeroerror.attachments.actions import read_upload
from zeroerror.attachments.models import Attachment
from zeroerror.core import areas, weekly
from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_form_errors, flash_refusal
from zeroerror.core.weekly_export import week_xlsx
from zeroerror.facilities import access, actions
from zeroerror.facilities.forms import TickForm
from zeroerror.facilities.models import RoundStatus


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    start = datetime.combine(day, datetime.min.time(), tzinfo=tz)
    return start, start + timezone.timedelta(days=1)


def home(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    today = timezone.localdate()
    start, end = _day_bounds(today)
    rounds = list(access.visible_rounds(person).between(start, end).with_related().order_by("starts_at", "place"))
    missed = list(access.visible_rounds(person).open().filter(status=RoundStatus.MISSED).with_related()
                  .order_by("-starts_at")[:50])
    return render(request, "facilities/home.html", {
        "title": "环境管理", "rounds": rounds, "missed": missed, "now": timezone.now(),
        "places": access.visible_places(person).active().prefetch_related("cleaners").select_related("occupant"),
        "runs": access.runs_facilities(person), "on_rota": person.cleaned_places.exists(),
        **areas.area_block(person, "facilities"),
    })


def my_rounds(request: HttpRequest) -> HttpResponse:
    """The cleaner's phone page: today's rounds of the places on their rota, one tap to tick."""
    person = person_of(request)
    today = timezone.localdate()
    start, end = _day_bounds(today)
    mine = access.visible_rounds(person).for_cleaner(person).with_related()
    rounds = list(mine.between(start, end).order_by("starts_at"))
    earlier = list(mine.open().filter(starts_at__lt=start).order_by("-starts_at")[:20])
    return render(request, "facilities/my.html", {
        "title": "我的保洁任务", "rounds": rounds, "earlier": earlier, "now": timezone.now(),
        "default_time": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
    })


def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    cleaning = access.get_round_or_404(request, pk)
    photos = Attachment.objects.for_owner(cleaning)
    on_rota = cleaning.place.cleaners.filter(pk=person.pk).exists()
    form = TickForm(initial={"done_at": timezone.localtime()}) if on_rota and cleaning.done_at is None else None
    return render(request, "facilities/round.html", {"title": str(cleaning), "round": cleaning, "form": form,
                                                     "photos": photos})


@require_POST
def round_tick(request: HttpRequest, pk: int) -> HttpResponse:
    cleaning = access.get_round_or_404(request, pk)
    back = request.POST.get("next") == "my"
    form = TickForm(request.POST, request.FILES)
    if not form.is_valid():
        flash_form_errors(request, form)
    else:
        try:
            upload = form.cleaned_data.get("photo")
            photo = (upload.name, read_upload(upload)) if upload else None
            actions.do_tick_round(cleaning, done_at=form.cleaned_data["done_at"], note=form.cleaned_data["note"],
                                  photo=photo, actor=request.user)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, f"已登记：{cleaning.place.name}·{cleaning.get_kind_display()}。")
    return redirect("facilities:my") if back else redirect("facilities:round", cleaning.pk)


def week_sheet(request: HttpRequest) -> HttpResponse:
    """保洁周表: places × days; .xlsx with ?export=xlsx."""
    person = person_of(request)
    monday = weekly.monday_from(request.GET.get("week", ""), timezone.localdate())
    start, _ = _day_bounds(monday)
    end = start + timezone.timedelta(days=7)
    places = list(access.visible_places(person).order_by("kind", "name"))
    rounds = access.visible_rounds(person).between(start, end).select_related("place", "done_by")
    marks = []
    for r in rounds:
        begin = timezone.localtime(r.starts_at)
        marks.append((r.place.name, weekly.Mark(
            day=begin.date(), time=f"{begin:%H:%M}", label=r.get_kind_display(),
            state=weekly.state_of(r.status, r.late),
            who=r.done_by.name if r.done_by else "",
            done_time=f"{timezone.localtime(r.done_at):%H:%M}" if r.done_at else "")))
    rows = weekly.build([p.name for p in places], marks, monday)
    headers = weekly.day_headers(monday)
    title = f"保洁周表（{monday:%Y-%m-%d} 至 {weekly.week_days(monday)[-1]:%m-%d}）"
    if request.GET.get("export") == "xlsx":
        return week_xlsx(request, rows, monday, sheet="保洁周表", first="场所", width=16,
                         heading=f"{person.unit.name} {title}", verb="facilities.export",
                         object_type="facilities.cleaninground")
    return render(request, "facilities/week.html", {
        "title": title, "rows": rows, "headers": headers, "totals": weekly.totals(rows), "monday": monday,
        "prev": monday - timezone.timedelta(days=7), "next": monday + timezone.timedelta(days=7),
    })


def require_office(person) -> None:
    if not access.runs_facilities(person):
        raise PermissionDenied("只有办公室可以管理保洁场所和轮值表。")
