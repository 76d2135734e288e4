"""信息公开 pages: the area home and the items to publish (list, form, page and each step)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zeroerror.core import areas
from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_form_errors, run_action
from zeroerror.disclosure import access, actions
from zeroerror.disclosure.forms import ApproveForm, ItemForm, PublishForm, ReturnForm, ReviewForm, WithdrawForm
from zeroerror.disclosure.models import ItemStatus, Openness

FILTERS = [
    ("all", "全部"), ("draft", "拟稿"), ("in_review", "待保密审查"), ("reviewed", "待审批"), ("approved", "待发布"),
    ("published", "已发布"), ("withdrawn", "已撤稿"), ("overdue", "应公开未公开（已超时限）"),
    ("late", "超时限发布"), ("out_of_scope", "不应公开而公开"), ("not_disclosed", "不予公开"),
]


def home(request: HttpRequest) -> HttpResponse:
    """The area's home: what is due (应公开未公开, requests near their deadline), what waits for this person, the
    registers, then the shared block (督办, 差错, clauses)."""
    person = person_of(request)
    now = timezone.now()
    items = access.visible_items(person)
    overdue = list(items.overdue(now).select_related("drafter", "department").order_by("due_at")[:20])
    due_soon = list(items.proactive().unpublished().filter(due_at__gte=now).select_related("drafter", "department")
                    .order_by("due_at")[:10])
    requests = list(access.visible_requests(person).open().select_related("handler").order_by("due_at")[:20])
    recent = list(items.filter(status__in=(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN))
                  .select_related("publication").order_by("-publication__published_at")[:10])
    return render(request, "disclosure/home.html", {
        "title": "信息公开", "overdue": overdue, "due_soon": due_soon, "requests": requests, "recent": recent,
        "todo": access.disclosure_inbox(person), "now": now, **areas.area_block(person, "disclosure"),
    })


def item_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    show = request.GET.get("show", "all")
    if show not in dict(FILTERS):
        show = "all"
    q = request.GET.get("q", "").strip()[:100]
    qs = access.visible_items(person).with_people().matching(q)
    if show in ItemStatus.values:
        qs = qs.filter(status=show)
    elif show == "overdue":
        qs = qs.overdue()
    elif show == "late":
        qs = qs.published_late()
    elif show == "out_of_scope":
        qs = qs.out_of_scope()
    elif show == "not_disclosed":
        qs = qs.filter(openness=Openness.NOT_DISCLOSED)
    page = Paginator(qs.select_related("withdrawal").order_by("-created_at", "-id"), 50).get_page(
        request.GET.get("page"))
    return render(request, "disclosure/item_list.html", {
        "title": "发布稿件", "page": page, "filters": FILTERS, "show": show, "q": q,
    })


def item_create(request: HttpRequest) -> HttpResponse:
    person_of(request)
    form = ItemForm(request.POST or None, initial={"formed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        created = []
        if run_action(request, lambda: created.append(actions.do_create_item(actor=request.user, **form.cleaned_data)),
                      "稿件已登记。"):
            return redirect("disclosure:item", created[0].pk)
    elif request.method == "POST":
        flash_form_errors(request, form)
    return render(request, "disclosure/item_form.html", {"title": "登记发布稿件", "form": form})


def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    item = access.get_item_or_404(request, pk)
    if not access.may_edit(person, item):
        raise PermissionDenied("只有拟稿人或办公室人员可以修改稿件。")
    if not item.editable:
        messages.error(request, f"只有拟稿状态的稿件可以修改（当前：{item.get_status_display()}）。")
        return redirect("disclosure:item", item.pk)
    initial = {k: getattr(item, k) for k in actions.items.ITEM_FIELDS}
    form = ItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if run_action(request, lambda: actions.do_update_item(item, actor=request.user, **form.cleaned_data),
                      "稿件已修改。"):
            return redirect("disclosure:item", item.pk)
    elif request.method == "POST":
        flash_form_errors(request, form)
    return render(request, "disclosure/item_form.html", {"title": "修改稿件", "form": form, "item": item})


def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    item = access.get_item_or_404(request, pk)
    publication = getattr(item, "publication", None) if item.status in (ItemStatus.PUBLISHED,
                                                                         ItemStatus.WITHDRAWN) else None
    live = item.status not in (ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN)
    return render(request, "disclosure/item_detail.html", {
        "title": item.title, "item": item, "publication": publication,
        "withdrawal": getattr(item, "withdrawal", None) if item.status == ItemStatus.WITHDRAWN else None,
        "reviews": item.reviews.select_related("reviewer"),
        "problems": actions.screen_item(item) if live else [],
        "findings": actions.proofreading_errors(item) if live else [],
        "can_edit": access.can_edit(person, item), "can_review": access.can_review(person, item),
        "can_approve": access.can_approve(person, item), "can_publish": access.can_publish(person, item),
        "can_withdraw": access.can_withdraw(person, item), "late_now": item.is_overdue,
        "review_form": ReviewForm(), "approve_form": ApproveForm(), "return_form": ReturnForm(),
        "publish_form": PublishForm(), "withdraw_form": WithdrawForm(),
    })


def _step(request, pk, allowed, refusal: str, form_class, action, success: str) -> HttpResponse:
    """A POST step on an item: the person must be entitled (else 403), the form valid, then the action."""
    person = person_of(request)
    item = access.get_item_or_404(request, pk)
    if not allowed(person, item):
        raise PermissionDenied(refusal)
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        flash_form_errors(request, form)
    else:
        data = form.cleaned_data if form is not None else {}
        run_action(request, lambda: action(item, actor=request.user, **data), success)
    return redirect("disclosure:item", item.pk)


@require_POST
def item_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, access.may_edit, "只有拟稿人或办公室人员可以送审。", None, actions.do_submit_item,
                 "已送保密审查。")


@require_POST
def item_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, lambda p, i: access.is_reviewer(p), "只有保密审查员可以进行保密审查。", ReviewForm,
                 actions.do_review_item, "保密审查结果已记录。")


@require_POST
def item_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, access.may_approve, "只有办公室主任、副主任或分管该科室的院领导可以审批。",
                 ApproveForm, actions.do_approve_item, "已审批，待发布。")


@require_POST
def item_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, access.may_approve, "只有本稿件的审批人可以退回。", ReturnForm,
                 actions.do_return_item, "已退回拟稿人修改。")


@require_POST
def item_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, lambda p, i: access.is_office(p), "只有办公室人员可以发布信息。", PublishForm,
                 actions.do_publish_item, "已发布。")


@require_POST
def item_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, access.may_approve, "只有办公室主任、副主任或分管院领导可以撤稿。", WithdrawForm,
                 actions.do_withdraw_item, "已撤稿，撤稿记录已保存。")
