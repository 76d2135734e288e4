"""Fire and theft safety checks (一(七)6): checklists, this week's sheet (.xlsx too), one round answered from a
phone or PC."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from zeroerror.attachments.actions import read_upload
from zeroerror.attachments.models import Attachment
from zeroerror.core import weekly
from zeroerror.core.access import person_of
from zeroerror.core.forms import run_form_action
from zeroerror.core.weekly_export import week_xlsx
from zeroerror.secrecy import access, actions
from zeroerror.secrecy.forms import ChecklistForm, SafetyCheckForm
from zeroerror.secrecy.models import DEFAULT_ITEMS


def safety_home(request: HttpRequest) -> HttpResponse:
    """The checklists and the week's sheet of safety rounds; ?export=xlsx for the printed sheet."""
    person = person_of(request)
    monday = weekly.monday_from(request.GET.get("week", ""), timezone.localdate())
    start = datetime.combine(monday, datetime.min.time(), tzinfo=timezone.get_current_timezone())
    rounds = access.visible_safety_rounds(person).between(start, start + timedelta(days=7)).select_related(
        "checklist", "done_by")
    checklists = list(access.visible_checklists(person).select_related("owner").order_by("name"))
    marks = []
    for r in rounds:
        begin = timezone.localtime(r.starts_at)
        hazards = f" 隐患{len(r.hazards)}项" if r.hazards else ""
        marks.append((r.checklist.name, weekly.Mark(
            day=begin.date(), time=f"{begin:%H:%M}", label="检查" + hazards,
            state=weekly.state_of(r.status, r.late),
            who=r.done_by.name if r.done_by else "",
            done_time=f"{timezone.localtime(r.done_at):%H:%M}" if r.done_at else "")))
    names = [c.name for c in checklists]
    rows = weekly.build(names, marks, monday)
    headers = weekly.day_headers(monday)
    title = f"防火防盗检查周表（{monday:%Y-%m-%d} 至 {weekly.week_days(monday)[-1]:%m-%d}）"
    if request.GET.get("export") == "xlsx":
        return week_xlsx(request, rows, monday, sheet="安全检查周表", first="检查表", width=18,
                         heading=f"{person.unit.name} {title}", verb="secrecy.export",
                         object_type="secrecy.safetyround")
    now = timezone.now()
    mine = list(access.visible_safety_rounds(person).for_checker(person).open().filter(starts_at__lte=now)
                .with_related().order_by("due_at")[:20])
    return render(request, "secrecy/safety.html", {
        "title": title, "rows": rows, "headers": headers, "totals": weekly.totals(rows), "monday": monday,
        "prev": monday - timedelta(days=7), "next": monday + timedelta(days=7), "mine": mine,
        "checklists": checklists, "keeper": access.keeps_registers(person),
    })


def checklist_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not access.keeps_registers(person):
        raise PermissionDenied("只有办公室或保密审查员可以管理安全检查表。")
    form = ChecklistForm(request.POST or None, unit=person.unit, initial={"items": "\n".join(DEFAULT_ITEMS)})
    if request.method == "POST" and run_form_action(
            request, form, lambda **d: actions.do_create_checklist(actor=request.user, **d), "检查表已建立。"):
        return redirect("secrecy:safety")
    return render(request, "secrecy/form.html", {"title": "建立安全检查表", "form": form, "back": "secrecy:safety",
                                                 "back_label": "防火防盗检查"})


def safety_round(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    safety = access.get_safety_round_or_404(request, pk)
    may_check = safety.done_at is None and safety.checklist.checkers.filter(pk=person.pk).exists()
    form = SafetyCheckForm(request.POST or None, request.FILES or None, items=safety.checklist.items,
                           initial={"done_at": timezone.localtime()}) if may_check else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(f"您不是“{safety.checklist.name}”的检查人员，不能登记。")
        if form.is_valid():
            try:
                upload = form.cleaned_data.get("photo")
                photo = (upload.name, read_upload(upload)) if upload else None
                done = actions.do_record_safety_check(safety, done_at=form.cleaned_data["done_at"],
                                                      results=form.results(), photo=photo, actor=request.user)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                if done.hazards:
                    messages.warning(request, f"已登记；{len(done.hazards)} 项隐患已报差错线索并交安全责任人整改。")
                else:
                    messages.success(request, "已登记，检查全部正常。")
                return redirect("secrecy:safety")
    return render(request, "secrecy/safety_round.html", {
        "title": str(safety), "safety": safety, "form": form,
        "photos": Attachment.objects.for_owner(safety),
    })
