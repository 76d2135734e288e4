"""会议材料 (clause 一(二)8): versions, proofreading, copies to print, handouts."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_refusal
from zeroerror.meetings import access, actions
from zeroerror.meetings.forms import MaterialForm


def materials(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    manage = access.can_manage(person, meeting)
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not manage:
            raise PermissionDenied("您不能上传本会议的材料。")
        if form.is_valid():
            try:
                data = form.cleaned_data
                material = actions.do_upload_material(
                    meeting, title=data["title"], upload=data["file"], copies_per_attendee=data["copies_per_attendee"],
                    spare_copies=data["spare_copies"], actor=request.user)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"“{material.title}”第 {material.version} 版已上传。")
                return redirect("meetings:materials", meeting.pk)
    rows = list(meeting.materials.with_related().prefetch_related("handouts"))
    latest = {}
    for m in rows:
        latest.setdefault(m.title, m)  # ordered by title, newest version first
    expected = list(meeting.invitations.expected().with_people())
    lines = []
    for m in rows:
        given = {h.invitation_id for h in m.handouts.all()}
        lines.append({
            "material": m, "latest": latest[m.title].pk == m.pk,
            "to_print": len(expected) * m.copies_per_attendee + m.spare_copies,
            "given": len(given), "missing": [i for i in expected if i.pk not in given],
        })
    return render(request, "meetings/materials.html", {
        "title": "会议材料", "meeting": meeting, "lines": lines, "form": form, "manage": manage,
    })


@require_POST
def hand_out(request: HttpRequest, pk: int, material_pk: int) -> HttpResponse:
    person = person_of(request)
    meeting = access.get_meeting_or_404(request, pk)
    if not access.can_manage(person, meeting):
        raise PermissionDenied("您不能登记材料发放。")
    material = meeting.materials.filter(pk=material_pk).first()
    if material is None:
        raise Http404("材料不存在。")
    ids = [int(v) for v in request.POST.getlist("invitation") if v.isdigit()]
    invitations = meeting.invitations.filter(pk__in=ids)
    try:
        count = actions.do_hand_out_material(material, invitations, actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, f"已登记 {count} 人领取。")
    return redirect("meetings:materials", meeting.pk)
