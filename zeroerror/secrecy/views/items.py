"""涉密载体 register pages (一(七)1)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.core.forms import run_action, run_form_action
from zeroerror.secrecy import access, actions
from zeroerror.secrecy.forms import (
    CheckInForm,
    CheckOutForm,
    CopyRequestForm,
    CorrectForm,
    DecideForm,
    DestroyForm,
    ItemForm,
)
from zeroerror.secrecy.models import ClassifiedItem, CopyRequestStatus, ItemStatus
from zeroerror.secrecy.views.exports import item_register_xlsx

STATUS_FILTERS = [("", "在册"), *ItemStatus.choices, ("all", "全部")]


def _require_keeper(person) -> None:
    if not access.keeps_registers(person):
        raise PermissionDenied("只有办公室或保密审查员可以登记涉密载体。")


def item_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    status = request.GET.get("status", "")
    qs = access.visible_items(person).with_people().order_by("number", "id")
    if status in ItemStatus.values:
        qs = qs.filter(status=status)
    elif status != "all":
        qs = qs.current()
    if request.GET.get("export") == "xlsx":
        return item_register_xlsx(request, qs)
    return render(request, "secrecy/items.html", {
        "title": "涉密载体登记", "items": qs[:500], "status": status, "filters": STATUS_FILTERS,
        "can_register": access.keeps_registers(person),
    })


def item_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    _require_keeper(person)
    form = ItemForm(request.POST or None, unit=person.unit)
    if request.method == "POST" and run_form_action(
            request, form, lambda **d: actions.do_register_item(actor=request.user, **d), "涉密载体已登记。"):
        return redirect("secrecy:items")
    return render(request, "secrecy/form.html", {"title": "登记涉密载体", "form": form,
                                                 "back": "secrecy:items", "back_label": "涉密载体登记"})


def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    item = access.get_item_or_404(request, pk)
    keeper = access.keeps_registers(person)
    can_lend = keeper or item.custodian_id == person.pk
    requests = list(item.copy_requests.with_related())
    return render(request, "secrecy/item_detail.html", {
        "title": f"涉密载体 {item.number}", "item": item, "events": item.events.with_people(),
        "copy_requests": requests, "keeper": keeper, "can_lend": can_lend,
        "may_approve": access.may_approve(person), "pending": CopyRequestStatus.PENDING,
        "approved": CopyRequestStatus.APPROVED,
        "check_out_form": CheckOutForm(unit=person.unit) if can_lend and item.status == ItemStatus.IN_STORE else None,
        "check_in_form": CheckInForm() if can_lend and item.status == ItemStatus.CHECKED_OUT else None,
        "copy_form": CopyRequestForm() if item.status != ItemStatus.DESTROYED else None,
        "decide_form": DecideForm(),
        "destroy_form": DestroyForm(unit=person.unit) if keeper and item.status == ItemStatus.IN_STORE else None,
        "correct_form": CorrectForm(unit=person.unit) if keeper else None,
    })


def _post(request, pk, form_class, call, success, *, needs_unit=False):
    person = person_of(request)
    item = access.get_item_or_404(request, pk)
    form = form_class(request.POST, unit=person.unit) if needs_unit else form_class(request.POST)
    run_form_action(request, form, lambda **d: call(item, d), success)
    return redirect("secrecy:item", item.pk)


@require_POST
def item_check_out(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, CheckOutForm, lambda item, d: actions.do_check_out_item(item, actor=request.user, **d),
                 "已办理借出。", needs_unit=True)


@require_POST
def item_check_in(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, CheckInForm, lambda item, d: actions.do_check_in_item(item, actor=request.user, **d),
                 "已办理归还。")


@require_POST
def item_request_copy(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, CopyRequestForm,
                 lambda item, d: actions.do_request_copy(item, actor=request.user, **d), "申请已提交，待审批。")


@require_POST
def item_destroy(request: HttpRequest, pk: int) -> HttpResponse:
    _require_keeper(person_of(request))
    return _post(request, pk, DestroyForm, lambda item, d: actions.do_destroy_item(item, actor=request.user, **d),
                 "销毁已登记。", needs_unit=True)


@require_POST
def item_correct(request: HttpRequest, pk: int) -> HttpResponse:
    _require_keeper(person_of(request))

    def call(item, d):
        value = d["custodian"] if d["field"] == "custodian" else d["value"]
        return actions.do_correct_item(item, field=d["field"], value=value, reason=d["reason"], actor=request.user)

    return _post(request, pk, CorrectForm, call, "更正已登记。", needs_unit=True)


@require_POST
def copy_decide(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    req = access.get_copy_request_or_404(request, pk)
    if not access.may_approve(person):
        raise PermissionDenied("只有办公室主任、副主任或主要领导可以审批复制、摘录。")
    run_form_action(request, DecideForm(request.POST),
                    lambda **d: actions.do_decide_copy_request(req, actor=request.user, **d), "已审批。")
    return redirect("secrecy:item", req.item_id)


@require_POST
def copy_record(request: HttpRequest, pk: int) -> HttpResponse:
    _require_keeper(person_of(request))
    req = access.get_copy_request_or_404(request, pk)
    run_action(request, lambda: actions.do_record_copies(req, actor=request.user), "复制/摘录件已登记。")
    return redirect("secrecy:item", req.item_id)


def inventory(request: HttpRequest) -> HttpResponse:
    """清点: tick every item found; an unticked one is recorded as missing and proposed as a lead."""
    person = person_of(request)
    _require_keeper(person)
    items = list(ClassifiedItem.objects.of_unit(person.unit).current().with_people().order_by("number"))
    if request.method == "POST":
        raw = request.POST.getlist("found")
        found = {int(v) for v in raw if v.isdigit() and len(v) < 12}
        notes = {i.pk: request.POST.get(f"note_{i.pk}", "") for i in items}
        if run_action(request, lambda: actions.do_check_inventory(found=found, notes=notes, actor=request.user),
                      "清点已登记。"):
            return redirect("secrecy:checks")
    return render(request, "secrecy/inventory.html", {"title": "涉密载体清点", "items": items})


def check_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    checks = access.visible_checks(person).select_related("checked_by")[:100]
    return render(request, "secrecy/checks.html", {"title": "清点记录", "checks": checks,
                                                   "can_check": access.keeps_registers(person)})
