"""On-site sign-in (clause 一(二)7): the QR page, the desk, the live missing list, the report to the chair."""

from __future__ import annotations

import time

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.meetings import access, actions, signin_code
from zeroerror.meetings.models import Meeting, Reply
from zeroerror.meetings.views.common import _errors

PASS_SALT = "zeroerror.meetings.signin-pass"
PASS_MAX_AGE = 600  # a page opened with a current code can be confirmed for ten minutes


def _pass_for(meeting: Meeting, person) -> str:
    return signing.dumps([meeting.pk, person.pk], salt=PASS_SALT)


def _pass_ok(value: str, meeting: Meeting, person) -> bool:
    try:
        return signing.loads(value, salt=PASS_SALT, max_age=PASS_MAX_AGE) == [meeting.pk, person.pk]
    except signing.BadSignature:
        return False


def signin(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """The page the desk screen's rotating QR code opens on a phone. The invitee (or the deputy their reply names)
    signs in once; everyone else is refused; an old code is refused as expired."""
    person = person_of(request)
    meeting, state = access.get_meeting_for_signin_or_404(request, pk, code)
    invitation, refusal = actions.signin_target(meeting, person)
    fresh = state == "valid" or (request.method == "POST" and _pass_ok(request.POST.get("pass", ""), meeting, person))
    status = 200
    signed_now = False
    if not fresh:
        status = 410  # the page says so
    elif request.method == "POST":
        try:
            invitation, signed_now = actions.do_record_signin(meeting, person, actor=request.user)
        except ValidationError as exc:
            if not refusal:  # the page shows a refusal of who may sign in; a closed window is flashed
                _errors(request, exc)
            status = 403 if invitation is None or refusal else 400
    elif refusal:
        status = 403  # the page says why
    return render(request, "meetings/signin.html", {
        "title": "会议签到", "meeting": meeting, "invitation": invitation, "signed_now": signed_now,
        "refused": bool(refusal), "fresh": fresh, "open": actions.qr_open(meeting),
        "pass": _pass_for(meeting, person) if fresh else "",
    }, status=status)


def signin_desk(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能管理本会议的签到。")
    return render(request, "meetings/signin_desk.html", {
        "title": "签到管理", "meeting": meeting, "open": actions.signin_open(meeting), **_qr_panel(meeting),
        **_signin_lists(meeting),
    })


def _qr_svg(data: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    return image.to_string(encoding="unicode")


def _qr_panel(meeting: Meeting) -> dict:
    now = time.time()
    qr_open = actions.qr_open(meeting)
    url = access.signin_url(meeting, now) if qr_open else ""
    return {"qr_open": qr_open, "signin_url": url, "qr_svg": _qr_svg(url) if qr_open else "",
            "seconds_left": signin_code.seconds_left(now), "period": signin_code.PERIOD}


def signin_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The desk screen's QR panel, fetched again every 30 seconds (the code rotates)."""
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能查看签到码。")
    return render(request, "meetings/_signin_qr.html", {"meeting": meeting, **_qr_panel(meeting)})


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
