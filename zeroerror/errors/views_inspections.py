"""办公室内部检查 pages (二.1 channel (4)): list, new, the checklist (grouped by area) and completion."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.attachments.actions import read_upload
from zeroerror.attachments.models import Attachment
from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_refusal, run_form_action
from zeroerror.errors import access, actions
from zeroerror.errors.forms import InspectionForm, InspectionItemForm
from zeroerror.errors.models import InspectionItem, ItemResult
from zeroerror.errors.models.inspections import area_choices
from zeroerror.org.models import Person
from zeroerror.rulebook.models import RegulationVersion


def _require_inspector(request: HttpRequest) -> Person:
    me = person_of(request)
    if not access.can_inspect(me):
        raise PermissionDenied("内部检查仅对督查考核小组和绩效办开放。")
    return me


def inspection_list(request: HttpRequest) -> HttpResponse:
    me = _require_inspector(request)
    qs = access.visible_inspections(me).with_counts().order_by("-date", "-id")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    labels = dict(area_choices())
    for inspection in page.object_list:
        inspection.area_labels = [labels.get(code, code) for code in inspection.areas]
        inspection.checked_count = inspection.item_count - inspection.pending_count
    return render(request, "errors/inspection_list.html", {"title": "内部检查", "page": page})


def inspection_new(request: HttpRequest) -> HttpResponse:
    _require_inspector(request)
    form = InspectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            inspection = actions.do_start_inspection(data["title"], data["date"], data["areas"], actor=request.user)
        except ValidationError as exc:
            form.add_error(None, "；".join(exc.messages))
        else:
            messages.success(request, f"已生成检查表，共 {inspection.items.count()} 项。")
            return redirect("errors:inspection_detail", inspection.pk)
    return render(request, "errors/inspection_new.html", {"title": "新建内部检查", "form": form})


def _area_groups(items) -> list[tuple[str, list]]:
    """[(area label, items)] in catalogue order."""
    if not items:
        return []
    version = RegulationVersion.objects.filter(pk=items[0].clause.version_id).values_list("version", flat=True).first()
    labels = dict(area_choices(version))
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(item.clause.area, []).append(item)
    return [(labels.get(area, area), group) for area, group in groups.items()]


def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    me = person_of(request)
    inspection = access.get_inspection_or_404(request, pk)
    items = list(inspection.items.with_related())
    counts = {r: sum(1 for i in items if i.result == r) for r in ItemResult.values}
    can_record = access.can_record_inspection(me, inspection)
    photos: dict[int, list] = {}
    for photo in Attachment.objects.filter(
            owner_type=ContentType.objects.get_for_model(InspectionItem), owner_id__in=[i.pk for i in items],
            withdrawn_at__isnull=True).order_by("uploaded_at", "id"):
        photos.setdefault(photo.owner_id, []).append(photo)
    for item in items:
        item.photos = photos.get(item.pk, [])
    return render(request, "errors/inspection_detail.html", {
        "title": inspection.title, "inspection": inspection, "groups": _area_groups(items), "counts": counts,
        "total": len(items), "can_record": can_record,
        "people": (Person.objects.active().filter(unit=inspection.unit).select_related("department")
                   if can_record else []),
    })


@require_POST
def inspection_record(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_inspection_item_or_404(request, pk)
    if not access.can_record_inspection(person_of(request), item.inspection):
        raise PermissionDenied("您不能记录此检查项。")
    run_form_action(request, InspectionItemForm(request.POST, unit=item.inspection.unit),
                    lambda **d: actions.do_record_inspection_item(item, actor=request.user, **d),
                    f"已记录 {item.clause.code}。")
    return redirect(f"{item.inspection.get_absolute_url()}#item-{item.pk}")


@require_POST
def inspection_photo(request: HttpRequest, pk: int) -> HttpResponse:
    """照片 of a checklist item (while the inspection is a draft)."""
    item = access.get_inspection_item_or_404(request, pk)
    if not access.can_record_inspection(person_of(request), item.inspection):
        raise PermissionDenied("您不能记录此检查项。")
    upload = request.FILES.get("photo")
    if upload is None:
        messages.error(request, "请选择照片。")
    else:
        try:
            actions.do_attach_inspection_photo(item, upload.name, read_upload(upload), actor=request.user)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, f"已添加 {item.clause.code} 的照片。")
    return redirect(f"{item.inspection.get_absolute_url()}#item-{item.pk}")


@require_POST
def inspection_complete(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = access.get_inspection_or_404(request, pk)
    if not access.can_record_inspection(person_of(request), inspection):
        raise PermissionDenied("您不能完成此检查。")
    run_form_action(request, forms.Form(request.POST),
                    lambda: actions.do_complete_inspection(inspection, actor=request.user),
                    "检查已完成，不符合项已登记为差错线索。")
    return redirect("errors:inspection_detail", inspection.pk)
