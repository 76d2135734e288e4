"""依申请公开 register pages and the 年度报告 figures."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_form_errors, run_action
from zeroerror.core.sheets import XLSX_CONTENT_TYPE
from zeroerror.disclosure import access, actions
from zeroerror.disclosure.forms import AnswerForm, ExtendForm, RequestForm
from zeroerror.disclosure.reports import MAX_YEAR, MIN_YEAR, annual_report, report_charts, report_xlsx
from zeroerror.org.models import Person

FILTERS = [("all", "全部"), ("open", "办理中"), ("overdue", "逾期未答复"), ("answered", "已答复"),
           ("late", "逾期答复"), ("extended", "延期答复")]


def request_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    show = request.GET.get("show", "all")
    if show not in dict(FILTERS):
        show = "all"
    q = request.GET.get("q", "").strip()[:100]
    qs = access.visible_requests(person).with_people().matching(q)
    qs = {"open": qs.open(), "overdue": qs.overdue(), "answered": qs.filter(status="answered"),
          "late": qs.filter(answered_late=True), "extended": qs.filter(extension_workdays__gt=0)}.get(show, qs)
    page = Paginator(qs.order_by("-received_on", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "disclosure/request_list.html", {
        "title": "依申请公开登记", "page": page, "filters": FILTERS, "show": show, "q": q,
        "can_register": access.can_register_request(person),
    })


def request_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.can_register_request(person):
        raise PermissionDenied("只有办公室人员可以登记依申请公开。")
    people = Person.objects.active().filter(unit=person.unit)
    form = RequestForm(request.POST or None, people=people,
                       initial={"received_on": timezone.localdate(), "handler": person.pk})
    if request.method == "POST" and form.is_valid():
        created = []
        if run_action(request, lambda: created.append(
                actions.do_register_request(actor=request.user, **form.cleaned_data)), "申请已登记。"):
            return redirect("disclosure:request", created[0].pk)
    elif request.method == "POST":
        flash_form_errors(request, form)
    return render(request, "disclosure/request_form.html", {"title": "登记依申请公开", "form": form})


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    req = access.get_request_or_404(request, pk)
    return render(request, "disclosure/request_detail.html", {
        "title": f"依申请公开 {req.number}", "req": req,
        "can_answer": access.can_answer(person, req), "can_extend": access.can_extend(person, req),
        "answer_form": AnswerForm(), "extend_form": ExtendForm(),
    })


@require_POST
def request_extend(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    req = access.get_request_or_404(request, pk)
    if not person.has_role(*access.DIRECTOR_ROLES):
        raise PermissionDenied("延期答复须经办公室主任或副主任批准。")
    form = ExtendForm(request.POST)
    if form.is_valid():
        run_action(request, lambda: actions.do_extend_request(req, actor=request.user, **form.cleaned_data),
                   "已批准延期答复。")
    else:
        flash_form_errors(request, form)
    return redirect("disclosure:request", req.pk)


@require_POST
def request_answer(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    req = access.get_request_or_404(request, pk)
    if not (access.is_office(person) or person.pk == req.handler_id):
        raise PermissionDenied("只有承办人或办公室人员可以答复。")
    form = AnswerForm(request.POST)
    if form.is_valid():
        run_action(request, lambda: actions.do_answer_request(req, actor=request.user, **form.cleaned_data),
                   "答复已登记。")
    else:
        flash_form_errors(request, form)
    return redirect("disclosure:request", req.pk)


def _year(request: HttpRequest) -> int:
    this_year = timezone.localdate().year
    raw = request.GET.get("year", "")
    if not raw:
        return this_year
    try:
        year = int(raw)
    except ValueError:
        year = 0
    if not MIN_YEAR <= year <= MAX_YEAR:
        messages.error(request, f"年份须为 {MIN_YEAR} 至 {MAX_YEAR} 之间的数字，已显示本年度。")
        return this_year
    return year


def _report_viewer(request: HttpRequest) -> Person:
    person = person_of(request)
    if not access.sees_all_requests(person) and not person.has_role(*access.LEADER_ROLES):
        raise PermissionDenied("年度报告由办公室编制，院领导和考核、纪检部门可以查看。")
    return person


def report(request: HttpRequest) -> HttpResponse:
    person = _report_viewer(request)
    year = _year(request)
    data = annual_report(person.unit, year)
    this_year = timezone.localdate().year
    return render(request, "disclosure/report.html", {
        "title": f"{year}年政府信息公开工作年度报告", "report": data, "year": year, "charts": report_charts(data),
        "years": list(range(this_year, this_year - 5, -1)),
    })


def report_download(request: HttpRequest) -> HttpResponse:
    person = _report_viewer(request)
    year = _year(request)
    data = report_xlsx(annual_report(person.unit, year))
    actions.do_record_report_export(person, year, actor=request.user)
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(f'{year}年政府信息公开工作年度报告.xlsx')}"
    response["Cache-Control"] = "no-store"
    return response
