"""Printouts of 公务用车 (clause 一(三)9): a trip's 用车审批单（派车单）, the month's 车辆使用登记表 and the month's 用车公示."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from zeroerror.core.access import person_of
from zeroerror.vehicles import access, printouts, reports
from zeroerror.vehicles.views.common import month_of, require

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _download(data: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _render(request, fmt: str, name: str, make_docx, make_xlsx, back: str) -> HttpResponse:
    if fmt == "xlsx" and make_xlsx is not None:
        return _download(make_xlsx(), fmt, name)
    if fmt == "docx":
        return _download(make_docx(), fmt, name)
    if fmt == "pdf":
        try:
            return _download(printouts.to_pdf(name, make_docx()), fmt, name)
        except printouts.PdfUnavailable as exc:
            messages.error(request, exc.message)
            return redirect(back)
    raise Http404("没有这种格式。")


def trip_print(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    trip = access.get_trip_or_404(request, pk)
    return _render(request, fmt, f"trip-{trip.pk}", lambda: printouts.trip_docx(trip), None,
                   reverse("vehicles:trip", args=[trip.pk]))


def register_download(request: HttpRequest, fmt: str) -> HttpResponse:
    person = person_of(request)
    require(access.sees_all(person), "车辆使用登记表由办公室、单位领导和督查人员查看。")
    year, month = month_of(request)
    return _render(request, fmt, f"vehicle-register-{reports.month_label(year, month)}",
                   lambda: printouts.register_docx(person.unit, year, month),
                   lambda: printouts.register_xlsx(person.unit, year, month),
                   reverse("vehicles:monthly") + f"?month={reports.month_label(year, month)}")


def notice(request: HttpRequest) -> HttpResponse:
    """The month's 用车公示: every driven trip, for everyone of the unit (that is what 公示 is for)."""
    person = person_of(request)
    year, month = month_of(request)
    trips = list(reports.month_trips(person.unit, year, month))
    return render(request, "vehicles/notice.html", {
        "title": "用车公示", "trips": trips, "month": reports.month_label(year, month), "year_num": year,
        "month_num": month, "km": sum(t.distance or 0 for t in trips), "sees_all": access.sees_all(person)})


def notice_download(request: HttpRequest, fmt: str) -> HttpResponse:
    person = person_of(request)
    year, month = month_of(request)
    label = reports.month_label(year, month)
    return _render(request, fmt, f"vehicle-notice-{label}", lambda: printouts.notice_docx(person.unit, year, month),
                   lambda: printouts.notice_xlsx(person.unit, year, month), reverse("vehicles:notice") + f"?month={label}")
