"""Removable media (一(七)4) and electronic seals and keys (一(七)3)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.core.forms import run_form_action
from zeroerror.secrecy import access, actions
from zeroerror.secrecy.forms import KeyForm, KeyHoldersForm, KeyUseForm, MediumForm, MediumStatusForm, MediumUseForm
from zeroerror.secrecy.models import MediumStatus
from zeroerror.secrecy.views.exports import media_register_xlsx


def _require_keeper(person) -> None:
    if not access.keeps_registers(person):
        raise PermissionDenied("只有办公室或保密审查员可以登记。")


def medium_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    qs = access.visible_media(person).with_people().order_by("number", "id")
    if request.GET.get("export") == "xlsx":
        return media_register_xlsx(request, qs)
    return render(request, "secrecy/media.html", {
        "title": "移动存储介质登记", "media": qs[:500], "can_register": access.keeps_registers(person),
        "incidents": access.visible_incidents(person).select_related("medium", "used_by")[:20],
    })


def medium_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    _require_keeper(person)
    form = MediumForm(request.POST or None, unit=person.unit)
    if request.method == "POST" and run_form_action(
            request, form, lambda **d: actions.do_register_medium(actor=request.user, **d), "介质已登记。"):
        return redirect("secrecy:media")
    return render(request, "secrecy/form.html", {"title": "登记移动存储介质", "form": form,
                                                 "back": "secrecy:media", "back_label": "移动存储介质登记"})


def medium_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    medium = access.get_medium_or_404(request, pk)
    active = medium.status == MediumStatus.ACTIVE
    return render(request, "secrecy/medium_detail.html", {
        "title": f"移动存储介质 {medium.number}", "medium": medium, "uses": medium.uses.with_people()[:200],
        "incidents": medium.incidents.select_related("used_by", "reported_by"),
        "use_form": MediumUseForm(unit=person.unit, initial={"used_by": person.pk}) if active else None,
        "status_form": MediumStatusForm() if active and access.keeps_registers(person) else None,
    })


@require_POST
def medium_use(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    medium = access.get_medium_or_404(request, pk)
    run_form_action(request, MediumUseForm(request.POST, unit=person.unit),
                    lambda **d: actions.do_log_medium_use(medium, actor=request.user, **d), "使用已登记。")
    return redirect("secrecy:medium", medium.pk)


@require_POST
def medium_status(request: HttpRequest, pk: int) -> HttpResponse:
    _require_keeper(person_of(request))
    medium = access.get_medium_or_404(request, pk)
    run_form_action(request, MediumStatusForm(request.POST),
                    lambda **d: actions.do_set_medium_status(medium, actor=request.user, **d), "状态已登记。")
    return redirect("secrecy:medium", medium.pk)


def key_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    keys = access.visible_keys(person).with_people().order_by("kind", "name")
    return render(request, "secrecy/keys.html", {"title": "电子印章与密钥", "keys": keys,
                                                 "can_register": access.keeps_registers(person)})


def key_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    _require_keeper(person)
    form = KeyForm(request.POST or None, unit=person.unit)
    if request.method == "POST" and run_form_action(
            request, form, lambda **d: actions.do_register_key(actor=request.user, **d), "已登记。"):
        return redirect("secrecy:keys")
    return render(request, "secrecy/form.html", {"title": "登记电子印章或密钥", "form": form,
                                                 "back": "secrecy:keys", "back_label": "电子印章与密钥"})


def key_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    key = access.get_key_or_404(request, pk)
    keeper = access.keeps_registers(person)
    holders_initial = {"custodian": key.custodian_id, "authorised": [p.pk for p in key.authorised.all()]}
    return render(request, "secrecy/key_detail.html", {
        "title": key.name, "key": key, "uses": key.uses.with_people()[:200],
        "use_form": KeyUseForm(unit=person.unit, initial={"used_by": person.pk}) if key.active else None,
        "holders_form": KeyHoldersForm(unit=person.unit, initial=holders_initial) if keeper else None,
    })


@require_POST
def key_use(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    key = access.get_key_or_404(request, pk)
    run_form_action(request, KeyUseForm(request.POST, unit=person.unit),
                    lambda **d: actions.do_log_key_use(key, actor=request.user, **d), "使用已登记。")
    return redirect("secrecy:key", key.pk)


@require_POST
def key_holders(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    _require_keeper(person)
    key = access.get_key_or_404(request, pk)
    run_form_action(request, KeyHoldersForm(request.POST, unit=person.unit),
                    lambda **d: actions.do_set_key_holders(key, actor=request.user, **d), "保管人和授权使用人已更新。")
    return redirect("secrecy:key", key.pk)
