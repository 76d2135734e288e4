"""The area's home (what is due, the registers, the area's 差错) and the budget-vs-actual report with its charts
and .xlsx (clause 一(五)1)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zeroerror.core import areas
from zeroerror.core.access import person_of
from zeroerror.core.sheets import XLSX_CONTENT_TYPE
from zeroerror.finance import access, actions, chart, xlsx
from zeroerror.finance.reports import budget_vs_actual, expense_rows
from zeroerror.finance.views.common import download, year_param


def home(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    year = year_param(request)
    registers = access.can_see_registers(person)
    figures = budget_vs_actual(person, year)[1] if registers else []
    pending = list(access.visible_expenses(person).pending().with_related().order_by("created_at")[:20])
    refusals = list(access.visible_refusals(person).select_related("line", "person").order_by("-at")[:10])
    return render(request, "finance/home.html", {
        "title": "财务管理", "year": year, "registers": registers, "figures": figures,
        "todo": access.finance_inbox(person), "pending": pending, "refusals": refusals,
        "can_manage": access.can_manage(person), **areas.area_block(person, "finance"),
    })


def _report_reader(request: HttpRequest):
    person = person_of(request)
    if not access.can_see_registers(person):
        raise PermissionDenied("预算执行情况只向办公室、单位领导、科室负责人和监督人员开放。")
    return person


def report(request: HttpRequest) -> HttpResponse:
    person = _report_reader(request)
    year = year_param(request)
    lines, figures = budget_vs_actual(person, year)
    rows = [{"line": line, "fig": fig, "chart": chart.line_chart(fig)} for line, fig in zip(lines, figures,
                                                                                             strict=True)]
    return render(request, "finance/report.html", {
        "title": f"{year}年预算执行情况", "year": year, "rows": rows, "months": chart.MONTHS,
        "summary": chart.summary_chart(figures) if figures else "",
        "totals": chart.total_of(figures) if figures else None,
    })


def report_xlsx(request: HttpRequest) -> HttpResponse:
    person = _report_reader(request)
    year = year_param(request)
    _lines, figures = budget_vs_actual(person, year)
    data = xlsx.budget_report(unit_name=person.unit.name, year=year, figures=figures,
                              expenses=expense_rows(person, year))
    actions.do_record_report_export(year, actor=request.user)
    return download(data, XLSX_CONTENT_TYPE, f"{year}年预算执行情况.xlsx")
