"""报批, 统一扎口把关, approval, 退回 and 取消 of a 会议方案 (clause 一(二)1)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.meetings import access, actions
from zeroerror.meetings.forms import ReasonForm, RescheduleForm
from zeroerror.meetings.models import MeetingStatus, Room
from zeroerror.meetings.views.common import _errors, _form_errors, clash_messages


def _transition(request, pk: int, allowed, fn, success: str, *, with_reason: bool = False):
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not allowed(person, meeting):
        raise PermissionDenied("您不能执行此操作。")
    try:
        if with_reason:
            form = ReasonForm(request.POST)
            if not form.is_valid():
                _form_errors(request, form)
                return redirect("meetings:detail", meeting.pk)
            fn(meeting, form.cleaned_data["reason"], actor=request.user)
        else:
            fn(meeting, actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, success)
    return redirect("meetings:detail", meeting.pk)


@require_POST
def meeting_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, access.can_manage, actions.do_submit_meeting, "会议方案已报批。")


@require_POST
def meeting_director_check(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, access.can_director_check, actions.do_director_check_meeting,
                       "已统一扎口把关，报主要领导审定。")


@require_POST
def meeting_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, lambda p, m: m.status == MeetingStatus.PENDING_LEADER,
                       actions.do_approve_meeting, "会议方案已批准。")


@require_POST
def meeting_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, lambda p, m: access.can_director_check(p, m) or access.can_approve(p, m),
                       actions.do_return_meeting, "会议方案已退回。", with_reason=True)


@require_POST
def meeting_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, lambda p, m: access.can_director_check(p, m) or access.can_approve(p, m),
                       actions.do_reject_meeting, "会议方案不予批准，会议室已释放。", with_reason=True)


@require_POST
def meeting_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能为本会议改期。")
    form = RescheduleForm(request.POST, rooms=Room.objects.of_unit(person.unit).active())
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("meetings:detail", meeting.pk)
    data = form.cleaned_data
    try:
        actions.do_reschedule_meeting(meeting, start_at=data["start_at"], end_at=data["end_at"], room=data["room"],
                                      reason=data["reason"], actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, "会议已改期，已通知参会人员重新回执并告知批准领导。")
        for text in clash_messages(person, meeting):
            messages.warning(request, text)
    return redirect("meetings:detail", meeting.pk)


@require_POST
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, access.can_manage, actions.do_cancel_meeting, "会议已取消，会议室已释放。",
                       with_reason=True)
