"""On-site sign-in (clause 一(二)7): the QR page, the desk, the live missing list, the report to the chair."""

from __future__ import annotations

from io import BytesIO

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.meetings import access, actions
from zeroerror.meetings.models import Meeting, Reply
from zeroerror.meetings.views.common import _errors


def signin(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """The page the meeting's QR code opens on a phone. One sign-in per invitee; others are refused."""
    person = person_of(request)
    meeting = access.get_meeting_by_token_or_404(request, pk, token)
    invitation = access.own_invitation(person, meeting)
    status = 200
    signed_now = False
    if request.method == "POST":
        try:
            invitation, signed_now = actions.do_record_signin(meeting, person, actor=request.user)
        except ValidationError as exc:
            _errors(request, exc)
            status = 403 if invitation is None else 400
    elif invitation is None:
        messages.error(request, "您不在本次会议的参会人员名单中，不能签到。")
        status = 403
    return render(request, "meetings/signin.html", {
        "title": "会议签到", "meeting": meeting, "invitation": invitation, "signed_now": signed_now,
        "open": actions.signin_open(meeting),
    }, status=status)


def signin_desk(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能管理本会议的签到。")
    return render(request, "meetings/signin_desk.html", {
        "title": "签到管理", "meeting": meeting, "open": actions.signin_open(meeting),
        "signin_url": request.build_absolute_uri(access.signin_path(meeting)),
        **_signin_lists(meeting),
    })


def _signin_lists(meeting: Meeting) -> dict:
    invitations = list(meeting.invitations.with_people().select_related("signed_in_by"))
    expected = [i for i in invitations if i.reply != Reply.ABSENT]
    return {
        "missing": [i for i in expected if i.signed_in_at is None],
        "signed": sorted((i for i in invitations if i.signed_in_at), key=lambda i: i.signed_in_at),
        "absent": [i for i in invitations if i.reply == Reply.ABSENT and not i.signed_in_at],
        "expected_count": len(expected),
    }


def signin_missing(request: HttpRequest, pk: int) -> HttpResponse:
    """The live 'not yet signed in' list (polled by the desk page) to call people and report to the chair."""
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting) and not person.has_role(*access.APPROVER_ROLES):
        raise PermissionDenied("您不能查看本会议的签到情况。")
    return render(request, "meetings/_signin_missing.html", {"meeting": meeting, **_signin_lists(meeting)})


@require_POST
def signin_tick(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能代为签到。")
    invitation = access.get_invitation_or_404(request, meeting, invitation_pk)
    try:
        if actions.do_tick_signin(invitation, actor=request.user):
            messages.success(request, f"{invitation.person.name}已签到。")
        else:
            messages.info(request, f"{invitation.person.name}此前已签到。")
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("meetings:signin_desk", meeting.pk)


@require_POST
def signin_report(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能报告到会情况。")
    try:
        missing = actions.do_report_attendance(meeting, actor=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, f"已报告主持会议领导（尚未签到 {len(missing)} 人）。")
    return redirect("meetings:signin_desk", meeting.pk)


def signin_qr(request: HttpRequest, pk: int) -> HttpResponse:
    import qrcode
    import qrcode.image.svg

    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能查看签到码。")
    image = qrcode.make(request.build_absolute_uri(access.signin_path(meeting)),
                        image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buf = BytesIO()
    image.save(buf)
    return HttpResponse(buf.getvalue(), content_type="image/svg+xml")
