"""Sending the notice and recording replies (clause 一(二)3)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.meetings import access, actions
from zeroerror.meetings.forms import NoticeForm, ReplyForm
from zeroerror.meetings.views.common import _errors, _form_errors, _unit_people


@require_POST
def meeting_notify(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能发送本会议的通知。")
    form = NoticeForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("meetings:detail", meeting.pk)
    try:
        count = actions.do_send_notices(meeting, reply_deadline=form.cleaned_data["reply_deadline"],
                                        actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        meeting.refresh_from_db(fields=["notice_late"])
        messages.success(request, f"会议通知已发给 {count} 人。")
        if meeting.notice_late:
            messages.warning(request, f"通知迟发：晚于会前 {actions.NOTICE_LEAD_WORKDAYS} 个工作日。")
    return redirect("meetings:detail", meeting.pk)


@require_POST
def meeting_reply(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    invitation = access.own_invitation(person, meeting)
    if not access.can_reply(person, invitation):
        raise PermissionDenied("您不在本次会议的参会人员名单中。")
    form = ReplyForm(request.POST, people=_unit_people(person))
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("meetings:detail", meeting.pk)
    data = form.cleaned_data
    try:
        invitation = actions.do_record_reply(invitation, data["reply"], deputy=data["deputy"],
                                             deputy_name=data["deputy_name"], reason=data["reason"],
                                             actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, "回执已提交（已过回执截止时间，记为逾期回执）。" if invitation.reply_late else "回执已提交。")
    return redirect("meetings:detail", meeting.pk)


@require_POST
def meeting_reply_for(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    """The 会务 staff record a reply taken by phone (催回执)."""
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能代为回执。")
    invitation = access.get_invitation_or_404(request, meeting, invitation_pk)
    form = ReplyForm(request.POST, people=_unit_people(person))
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("meetings:detail", meeting.pk)
    data = form.cleaned_data
    try:
        actions.do_record_reply(invitation, data["reply"], deputy=data["deputy"], deputy_name=data["deputy_name"],
                                reason=data["reason"], actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, f"已代{invitation.person.name}登记回执。")
    return redirect("meetings:detail", meeting.pk)
