"""Pre-meeting checks (一(二)4, 5), minutes, decisions and the meeting's files (一(二)11, 12, 13)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.meetings import access, actions
from zeroerror.meetings.forms import AttachForm, ChecklistForm, DecisionForm, MinutesForm
from zeroerror.meetings.models import ChecklistKind, checklist_items
from zeroerror.meetings.views.common import _errors, _form_errors, _unit_people


def meeting_checklist(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """会前检查: equipment (一(二)5) or venue (一(二)4), signed off by the 会务 staff."""
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if kind not in ChecklistKind.values:
        raise Http404("检查类别无效。")
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能签署会前检查。")
    form = ChecklistForm(request.POST or None, items=checklist_items(meeting, kind))
    if request.method == "POST" and form.is_valid():
        try:
            checklist = actions.do_sign_checklist(meeting, kind, form.results(), actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if checklist.failures:
                messages.warning(request, f"已签字；{len(checklist.failures)} 项故障已报差错线索，请及时排除。")
            else:
                messages.success(request, "已签字，检查全部正常。")
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/checklist.html", {
        "title": ChecklistKind(kind).label, "meeting": meeting, "form": form, "kind_label": ChecklistKind(kind).label,
    })


@require_POST
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能记录本会议。")
    form = MinutesForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            actions.do_record_minutes(meeting, form.cleaned_data["text"], actor=request.user)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, "会议记录已保存。")
    return redirect("meetings:detail", meeting.pk)


@require_POST
def meeting_decision(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能记录议定事项。")
    form = DecisionForm(request.POST, people=_unit_people(person))
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            actions.do_add_decision(meeting, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, "议定事项已记录并转入督办。")
    return redirect("meetings:detail", meeting.pk)


@require_POST
def meeting_attach(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能上传本会议的文件。")
    form = AttachForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            actions.do_attach_meeting_file(meeting, form.cleaned_data["file"], purpose=form.cleaned_data["purpose"],
                                           actor=request.user)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, "文件已归档。")
    return redirect("meetings:detail", meeting.pk)
