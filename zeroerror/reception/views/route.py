"""Site checks, route changes and the etiquette checklist of a reception (clauses 一(三)3–6)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.core.forms import run_action, run_form_action
from zeroerror.reception import access, actions
from zeroerror.reception.forms_plans import ChangeForm, DecideForm, EtiquetteForm, RemoveForm, SiteCheckForm
from zeroerror.reception.models import ChangeKind
from zeroerror.reception.views.plans import managed, plan_of

SLOT_KEYS = ("start_at", "end_at", "activity", "place", "people", "vehicle", "is_stop")


def site_check(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    person, report = managed(request, pk)
    slot = access.get_slot_or_404(report, sid)
    form = SiteCheckForm(request.POST or None, unit=person.unit, initial={"checked_by": person})
    if request.method == "POST" and run_form_action(
            request, form, lambda **d: actions.do_record_site_check(slot, actor=request.user, **d), "实地查验已登记。"):
        return redirect("reception:detail", report.pk)
    return render(request, "reception/simple_form.html", {
        "title": f"实地查验：{slot.activity}", "form": form, "report": report, "submit": "登记查验",
        "help": "参观考察点须提前实地查验，准确掌握时间需求（一(三)3）：登记查验人、查验时间、实测车程和现场情况。"})


def _change_form(request, report, person, *, slot=None):
    plan = plan_of(report)
    initial = None
    if slot is not None:
        initial = {k: getattr(slot, k) for k in SLOT_KEYS if k != "people"} | {"people": list(slot.people.all())}
    form = ChangeForm(request.POST or None, unit=person.unit, initial=initial)
    if request.method == "POST":
        kind = ChangeKind.CHANGE if slot is not None else ChangeKind.ADD

        def act(reason, **data):
            return actions.do_request_route_change(plan, kind, reason=reason, slot=slot, data=data, actor=request.user)

        if run_form_action(request, form, act, "线路变更已提出：经主持领导认可后生效并通知相关人员。"):
            return redirect("reception:detail", report.pk)
    return render(request, "reception/simple_form.html", {
        "title": "调整日程（线路变更）" if slot else "增加日程（线路变更）", "form": form, "report": report,
        "submit": "提出变更", "help": "方案已批准：考察路线未经主持领导认可不得更改（一(三)5）。变更经认可后通知全部相关人员和领导（一(三)4）。"})


def change_new(request: HttpRequest, pk: int) -> HttpResponse:
    person, report = managed(request, pk)
    return _change_form(request, report, person)


def change_slot(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    person, report = managed(request, pk)
    return _change_form(request, report, person, slot=access.get_slot_or_404(report, sid))


@require_POST
def change_remove(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    _person, report = managed(request, pk)
    slot = access.get_slot_or_404(report, sid)
    plan = plan_of(report)
    form = RemoveForm(request.POST)
    run_form_action(request, form, lambda reason: actions.do_request_route_change(
        plan, ChangeKind.REMOVE, reason=reason, slot=slot, actor=request.user),
        "取消日程的变更已提出：经主持领导认可后生效并通知相关人员。")
    return redirect("reception:detail", report.pk)


@require_POST
def change_decide(request: HttpRequest, pk: int, cid: int) -> HttpResponse:
    person = person_of(request)
    report = access.get_report_or_404(request, pk)
    change = access.get_change_or_404(report, cid)
    if change.plan.presiding_leader_id != person.pk:
        raise PermissionDenied("考察路线的更改须经主持领导认可（一(三)5）。")
    form = DecideForm(request.POST)
    run_form_action(request, form, lambda approve, note: actions.do_decide_route_change(
        change, approve, note, actor=request.user), "已记录您的意见。")
    return redirect("reception:detail", report.pk)


@require_POST
def etiquette_set(request: HttpRequest, pk: int, eid: int) -> HttpResponse:
    _person, report = managed(request, pk)
    item = access.get_etiquette_or_404(report, eid)
    form = EtiquetteForm(request.POST)
    run_form_action(request, form, lambda **d: actions.do_set_etiquette(item, actor=request.user, **d),
                    f"礼仪事项“{item.topic}”已保存。")
    return redirect("reception:detail", report.pk)


@require_POST
def etiquette_report(request: HttpRequest, pk: int) -> HttpResponse:
    _person, report = managed(request, pk)
    plan = plan_of(report)
    run_action(request, lambda: actions.do_report_etiquette(plan, actor=request.user), "已向主持领导报告礼仪及特殊需求。")
    return redirect("reception:detail", report.pk)
