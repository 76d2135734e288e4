"""接待标准 (clause 一(三)7): every guest level's figures; the office director and deputies change them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zeroerror.core.access import person_of
from zeroerror.core.forms import run_form_action
from zeroerror.reception import access, actions
from zeroerror.reception.forms import StandardForm
from zeroerror.reception.models import ReceptionStandard


def standards(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    rows = ReceptionStandard.objects.of_unit(person.unit).order_by("order", "id")
    return render(request, "reception/standards.html", {
        "title": "接待标准", "rows": rows, "can_set": access.can_set_standards(person),
    })


def standard_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person = person_of(request)
    standard = access.get_standard_or_404(request, pk) if pk is not None else None
    if not access.can_set_standards(person):
        raise PermissionDenied("接待标准由办公室主任、副主任设置。")
    initial = {f: getattr(standard, f) for f in actions.STANDARD_FIELDS} if standard else None
    form = StandardForm(request.POST or None, initial=initial)
    if request.method == "POST" and run_form_action(
            request, form, lambda **d: actions.do_set_standard(standard, actor=request.user, **d), "接待标准已保存。"):
        return redirect("reception:standards")
    return render(request, "reception/standard_form.html", {
        "title": f"接待标准：{standard.level}" if standard else "新增接待标准", "form": form})
