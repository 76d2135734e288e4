"""Seal requests (一(六)2, 5): submit, approve or refuse, withdraw; the custodian records the use from the request
(一(六)3) — from a phone too, with a photo of the sealed page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zeroerror.attachments.actions import read_upload
from zeroerror.core.access import person_of
from zeroerror.core.forms import run_action, run_form_action
from zeroerror.seals import access, actions
from zeroerror.seals.forms import DecisionForm, RecordUseForm, RequestForm
from zeroerror.seals.models import RequestKind, RequestStatus, Seal, SealRequest
from zeroerror.seals.views.common import try_action


def request_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    status = request.GET.get("status", "")
    qs = access.visible_requests(person).with_related()
    if status in RequestStatus.values:
        qs = qs.filter(status=status)
    text = request.GET.get("q", "").strip()[:50]
    if text:
        qs = qs.filter(access.request_filter(text))
    page = Paginator(qs.order_by("-created_at", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "seals/requests.html", {
        "title": "用印申请", "page": page, "status": status, "q": text, "statuses": RequestStatus.choices,
        "sees_all": access.sees_all(person)})


def request_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    seals = Seal.objects.of_unit(person.unit).active()
    form = RequestForm(request.POST or None, seals=seals)
    if request.method == "POST" and form.is_valid():
        holder = {}
        if try_action(request, form, lambda: holder.setdefault(
                "r", actions.do_submit_seal_request(actor=request.user, **form.cleaned_data))):
            messages.success(request, "用印申请已提交，待办公室主任批准。")
            return redirect("seals:request", holder["r"].pk)
    return render(request, "seals/form.html", {"title": "申请用印", "form": form, "back": "seals:requests",
                                               "back_label": "用印申请"})


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    obj = access.get_request_or_404(request, pk)
    keeper = access.custodian_of(obj.seal)
    can_record = (keeper == person and obj.status == RequestStatus.APPROVED and obj.kind == RequestKind.DOCUMENT)
    use_form = RecordUseForm(initial={"copies": obj.copies}) if can_record else None
    return render(request, "seals/request.html", {
        "title": f"用印申请：{obj.document}", "r": obj, "keeper": keeper,
        "can_approve": access.can_approve(person, obj),
        "can_withdraw": obj.requester_id == person.pk and obj.status in (RequestStatus.PENDING,
                                                                        RequestStatus.APPROVED),
        "use_form": use_form, "uses": access.visible_uses(person).filter(request=obj).select_related("seal")})


def _decision(request: HttpRequest, pk: int, fn, success: str, *, reason_required: bool = False):
    person = person_of(request)
    obj = access.get_request_or_404(request, pk)
    if not access.may_approve(person, obj):
        if person.pk == obj.requester_id:
            raise PermissionDenied("不能审批本人的用印申请。")
        raise PermissionDenied("用印须经办公室主任批准。")
    form = DecisionForm(request.POST)
    run_form_action(request, form, lambda note: fn(obj, note, actor=request.user), success)
    return redirect("seals:request", obj.pk)


@require_POST
def request_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision(request, pk, actions.do_approve_seal_request, "已批准用印。")


@require_POST
def request_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision(request, pk, actions.do_reject_seal_request, "已不予批准。")


@require_POST
def request_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    obj = access.get_request_or_404(request, pk)
    if obj.requester_id != person.pk:
        raise PermissionDenied("只有申请人可以撤回用印申请。")
    run_action(request, lambda: actions.do_withdraw_seal_request(obj, actor=request.user), "用印申请已撤回。")
    return redirect("seals:request", obj.pk)


def record_use(request: HttpRequest, pk: int) -> HttpResponse:
    """The custodian's page (a phone works): copies, the content check, a photo of the sealed page."""
    person = person_of(request)
    obj = access.get_request_or_404(request, pk)
    if access.custodian_of(obj.seal) != person:
        raise PermissionDenied("只有该印章的专管员本人可以用印并登记。")
    form = RecordUseForm(request.POST or None, request.FILES or None, initial={"copies": obj.copies})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        holder = {}

        def run():
            upload = data.get("photo")
            photo = (upload.name, read_upload(upload)) if upload else None
            holder["use"] = actions.do_record_seal_use(
                obj, copies=data["copies"], content_checked=data["content_checked"], note=data["note"],
                photo=photo, actor=request.user)

        if try_action(request, form, run):
            messages.success(request, f"已登记用印（{holder['use'].label}）。用印完毕请立即将印章锁入保险柜并确认。")
            return redirect("seals:use", holder["use"].pk)
    return render(request, "seals/record_use.html", {"title": "用印登记", "r": obj, "form": form})


def pending_for(person):
    """Requests the person may approve now (for the home page)."""
    return [r for r in SealRequest.objects.of_unit(person.unit).pending().with_related().order_by("created_at")[:50]
            if access.may_approve(person, r)]
