from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.attachments.actions import do_upload_attachment
from zeroerror.attachments.models import Attachment
from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_refusal, run_form_action
from zeroerror.org.models import Person
from zeroerror.tracking import actions, sources
from zeroerror.tracking.access import can_attach, can_chase, can_close, get_item_or_404
from zeroerror.tracking.forms import AssignForm, ChaseForm, CloseForm, ProgressForm
from zeroerror.tracking.models import ItemStatus, TrackedItem

FILTERS = [("active", "进行中"), ("overdue", "已逾期"), ("done", "已办结"), ("all", "全部")]


def item_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    status = request.GET.get("status", "active")
    qs = TrackedItem.objects.with_people().visible_to(person)
    if status == "active":
        qs = qs.active()
    elif status == "overdue":
        qs = qs.overdue()
    elif status == "done":
        qs = qs.filter(status=ItemStatus.DONE)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(title__icontains=q)
    page = Paginator(qs.order_by("due_at", "id"), 50).get_page(request.GET.get("page"))
    return render(request, "tracking/list.html", {
        "title": "督办事项", "page": page, "filters": FILTERS, "status": status, "q": q,
        "can_assign": person.is_unit_wide or bool(person.headed_department_ids or person.charged_department_ids),
    })


def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    item = get_item_or_404(request, pk)
    events = item.events.select_related("actor")
    return render(request, "tracking/detail.html", {
        "title": item.title, "item": item, "events": events, "can_attach": can_attach(person, item),
        "source": sources.link(person, item.source_type_id, item.source_id, item.source_label),
        "attachments": Attachment.objects.for_owner(item),
        "progress_form": ProgressForm(), "close_form": CloseForm(record=item.record_required),
        "chase_form": ChaseForm(),
        "can_report": item.is_active and person.pk == item.owner_id,
        "can_close": can_close(person, item), "can_chase": can_chase(person, item),
    })


def _act(request, item, form_class, fn, success: str):
    run_form_action(request, form_class(request.POST), lambda **data: fn(item, *data.values(), actor=request.user),
                    success)
    return redirect("tracking:detail", item.pk)


@require_POST
def item_progress(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_or_404(request, pk)
    if person_of(request).pk != item.owner_id:
        raise PermissionDenied("只有责任人可以报告进展。")
    return _act(request, item, ProgressForm, actions.do_report_progress, "进展已报告。")


@require_POST
def item_close(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_or_404(request, pk)
    if not can_close(person_of(request), item):
        raise PermissionDenied("您不能办结此事项。")
    form = CloseForm(request.POST, record=item.record_required)
    run_form_action(request, form, lambda note, summary: actions.do_close_tracked_item(
        item, note, summary, actor=request.user), "事项已办结。")
    return redirect("tracking:detail", item.pk)


@require_POST
def item_chase(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_or_404(request, pk)
    if not can_chase(person_of(request), item):
        raise PermissionDenied("您不能催办此事项。")
    return _act(request, item, ChaseForm, actions.do_chase_tracked_item, "已催办。")


def assignable_people(person: Person):
    return (Person.objects.active().filter(unit_id=person.unit_id, department_id__in=person.visible_department_ids())
            .select_related("department"))


def item_create(request: HttpRequest) -> HttpResponse:
    """交办: a leader, head or the office assigns a tracked item to someone they are responsible for."""
    person = person_of(request)
    if not (person.is_unit_wide or person.headed_department_ids or person.charged_department_ids):
        raise PermissionDenied("您没有交办督办事项的权限。")
    form = AssignForm(request.POST or None, people=assignable_people(person))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = actions.do_create_tracked_item(
            title=data["title"], detail=data["detail"], owner=data["owner"], due_at=data["due_at"],
            area=data["area"], clause_id=data["clause_id"], actor=request.user,
        )
        messages.success(request, "督办事项已交办。")
        return redirect("tracking:detail", item.pk)
    return render(request, "tracking/create.html", {"title": "交办督办事项", "form": form})


@require_POST
def item_attach(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_or_404(request, pk)
    if not can_attach(person_of(request), item):
        raise PermissionDenied("只有责任人、交办人和升级督办人可以上传办理材料。")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的文件。")
    else:
        try:
            do_upload_attachment(item, upload, purpose="办理材料", actor=request.user)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, "附件已上传。")
    return redirect("tracking:detail", item.pk)
