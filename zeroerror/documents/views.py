from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zeroerror.attachments.models import Attachment
from zeroerror.core.access import person_of
from zeroerror.core.forms import flash_refusal, form_errors_text, keep_input, kept_input
from zeroerror.core.params import int_param, year_param
from zeroerror.documents import access, actions, forms
from zeroerror.documents.models import (
    DocumentNumber,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from zeroerror.org.models import Department
from zeroerror.tracking.models import TrackedItem

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Step:
    label: str
    form: type
    action: Any
    allowed: Any
    success: str
    unit_form: bool = False
    doc_form: bool = False

    def make_form(self, doc, *args):
        kwargs = {"unit": doc.unit} if self.unit_form else {"doc": doc} if self.doc_form else {}
        return self.form(*args, **kwargs)


def _receipt(doc, *, distribution, actor, **data):
    return actions.do_record_receipt(distribution, **data, actor=actor)


OUTGOING_STEPS = {
    "review": Step("核稿", forms.ReviewForm, actions.do_review_outgoing, access.can_review_outgoing, "已核稿，送首读。"),
    "first_read": Step("首读", forms.FirstReadForm, actions.do_first_read, access.can_first_read, "首读结果已记录。"),
    "countersign": Step("会签", forms.CountersignForm, actions.do_countersign, access.can_countersign, "会签意见已记录。"),
    "sign": Step("签发", forms.SignForm, actions.do_sign_outgoing, access.can_sign_outgoing, "已签发。"),
    "number": Step("编号", forms.EmptyForm, actions.do_assign_number, access.can_number_outgoing, "已编号。"),
    "void": Step("作废文号", forms.VoidNumberForm, actions.do_void_number, access.can_void_number, "文号已作废。"),
    "print": Step("印制", forms.PrintForm, actions.do_print_outgoing, access.can_print_outgoing, "已印制。"),
    "distribute": Step("分发", forms.DistributeForm, actions.do_distribute_outgoing, access.can_distribute_outgoing,
                       "已分发。", doc_form=True),
    "receipt": Step("登记回执", forms.ReceiptForm, _receipt, access.can_record_receipt, "回执已登记。", doc_form=True),
    "archive": Step("归档", forms.EmptyForm, actions.do_archive_outgoing, access.can_archive_outgoing, "已归档。"),
    "route": Step("加入流转范围", forms.RouteForm, actions.do_add_to_route, access.can_manage_route, "已加入流转范围。",
                  unit_form=True),
    "attach": Step("上传附件", forms.AttachForm, actions.do_attach_file, access.can_attach, "附件已上传。"),
}

INCOMING_STEPS = {
    "register": Step("登记", forms.RegisterForm, actions.do_register_incoming, access.can_register_incoming,
                     "已登记。", doc_form=True),
    "withdraw": Step("撤销签收", forms.WithdrawReceiptForm, actions.do_withdraw_receipt, access.can_withdraw_receipt,
                     "已撤销签收。"),
    "review": Step("初审", forms.IncomingReviewForm, actions.do_review_incoming, access.can_review_incoming,
                   "初审结论已记录。"),
    "propose": Step("拟办", forms.ProposeForm, actions.do_propose_incoming, access.can_propose_incoming,
                    "已拟办，呈领导批示。", unit_form=True),
    "instruct": Step("批示", forms.InstructForm, actions.do_instruct_incoming, access.can_instruct_incoming,
                     "批示已记录。"),
    "paper_instruct": Step("代录纸质批示", forms.PaperInstructionForm, actions.do_record_paper_instruction,
                           access.can_record_paper_instruction, "纸质批示已录入，已告知批示领导。", doc_form=True),
    "assign": Step("交办承办", forms.AssignForm, actions.do_assign_incoming, access.can_assign_incoming,
                   "已交办承办。", unit_form=True),
    "circulate": Step("送传阅", forms.CirculateForm, actions.do_circulate_incoming, access.can_circulate_incoming,
                      "已送传阅。", unit_form=True),
    "read": Step("阅毕", forms.ReadForm, actions.do_mark_read, access.can_mark_read, "已阅。"),
    "unread": Step("撤回传阅", forms.WithdrawCirculationForm, actions.do_withdraw_circulation,
                   access.can_withdraw_circulation, "传阅已撤回。", doc_form=True),
    "complete": Step("办结", forms.CompleteForm, actions.do_complete_incoming, access.can_complete_incoming,
                     "已办结。"),
    "archive": Step("归档", forms.EmptyForm, actions.do_archive_incoming, access.can_archive_incoming, "已归档。"),
    "route": Step("加入流转范围", forms.RouteForm, actions.do_add_to_route, access.can_manage_route, "已加入流转范围。",
                  unit_form=True),
    "attach": Step("上传附件", forms.AttachForm, actions.do_attach_file, access.can_attach, "附件已上传。"),
}


def _year_choices() -> list[int]:
    this = timezone.localdate().year
    return list(range(this, this - 6, -1))


SECRECY_FILTERS = [("classified", "涉密"), ("unclassified", "非密")]


def _filtered(request: HttpRequest, qs, statuses):
    """Filters shared by both lists: year, status, 科室, 密级, overdue and a search over 标题/文号/来文机关/正文."""
    person = person_of(request)
    get = request.GET
    year, status, q = get.get("year", ""), get.get("status", ""), get.get("q", "").strip()
    department, secrecy, overdue = get.get("department", ""), get.get("secrecy", ""), get.get("overdue", "")
    if year_param(year):
        qs = qs.of_year(year_param(year))
    if status in dict(statuses):
        qs = qs.filter(status=status)
    if int_param(department):
        qs = qs.of_department(int_param(department))
    if secrecy == "classified":
        qs = qs.classified()
    elif secrecy == "unclassified":
        qs = qs.unclassified()
    if overdue:
        qs = qs.overdue()
    if q:
        qs = qs.search(q, reader=person)
    params = get.copy()
    params.pop("page", None)
    params.pop("export", None)
    return qs, {
        "year": year, "status": status, "q": q, "department": department, "secrecy": secrecy, "overdue": overdue,
        "years": _year_choices(), "statuses": statuses, "secrecy_filters": SECRECY_FILTERS,
        "departments": Department.objects.active().filter(unit=person.unit),
        "export_query": params.urlencode(),
    }


def _export(request: HttpRequest, qs, kind: str, columns: list[tuple[str, Any]]) -> HttpResponse:
    """The filtered list as .xlsx — only documents the person may see; audited as an export."""
    from zeroerror.core.sheets import export_workbook, workbook_bytes

    rows = list(qs[:5000])
    wb = export_workbook(kind, [label for label, _ in columns], ([fn(doc) for _, fn in columns] for doc in rows))
    actions.record_list_export(qs.model, count=len(rows), filters=dict(request.GET.items()), actor=request.user)
    response = HttpResponse(workbook_bytes(wb), content_type=XLSX)
    name = f"{kind}-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response["Cache-Control"] = "no-store"
    return response


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


OUTGOING_COLUMNS = [
    ("发文字号", lambda d: d.doc_number), ("标题", lambda d: d.title), ("文种", lambda d: d.get_kind_display()),
    ("密级", lambda d: d.classification_text), ("拟稿科室", lambda d: d.department.name),
    ("拟稿人", lambda d: d.drafter.name), ("首读人", lambda d: d.first_reader.name if d.first_reader else ""),
    ("签发人", lambda d: d.signer.name if d.signer else ""), ("签发时间", lambda d: _when(d.signed_at)),
    ("状态", lambda d: d.get_status_display()),
]
INCOMING_COLUMNS = [
    ("签收时间", lambda d: _when(d.received_at)), ("来文机关", lambda d: d.sender), ("文号", lambda d: d.doc_number),
    ("标题", lambda d: d.title), ("密级", lambda d: d.classification_text),
    ("紧急程度", lambda d: d.get_urgency_display()),
    ("主办科室", lambda d: d.main_department.name if d.main_department else ""),
    ("办理时限", lambda d: _when(d.handling_due_at)), ("办结时间", lambda d: _when(d.done_at)),
    ("状态", lambda d: d.get_status_display()),
]


def _step_key(doc, key: str) -> str:
    return f"{doc._meta.label_lower}:{doc.pk}:{key}"


def _forms_for(steps: dict[str, Step], person, doc, request: HttpRequest | None = None) -> list[tuple[str, Step, Any]]:
    """The step forms ``person`` may use on ``doc``; a step refused on the last POST shows what was typed again."""
    shown = []
    for key, step in steps.items():
        if step.allowed(person, doc):
            kept = kept_input(request, _step_key(doc, key)) if request is not None else None
            form = step.make_form(doc, kept) if kept is not None else step.make_form(doc)
            if kept is not None:
                form.kept = True
                form.errors  # noqa: B018  (bind now: the refused values and the field errors show on the page)
            shown.append((key, step, form))
    return shown


def _run_step(request: HttpRequest, doc, step: Step, key: str) -> None:
    form = step.make_form(doc, request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        keep_input(request, _step_key(doc, key))
        return
    data = form.action_kwargs() if hasattr(form, "action_kwargs") else dict(form.cleaned_data)
    try:
        step.action(doc, **data, actor=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
        keep_input(request, _step_key(doc, key))
    else:
        messages.success(request, step.success)


def index(request: HttpRequest) -> HttpResponse:
    person_of(request)
    return redirect("documents:incoming_list")


# 发文 ---------------------------------------------------------------------------------------------------------------

def outgoing_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    qs = OutgoingDocument.objects.with_people().visible_to(person)
    qs, filters = _filtered(request, qs, OutgoingStatus.choices)
    qs = qs.with_distribution_counts()
    if request.GET.get("export") == "xlsx":
        return _export(request, qs.order_by("-created_at", "-id"), "发文", OUTGOING_COLUMNS)
    page = Paginator(qs.order_by("-created_at", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "documents/outgoing_list.html", {
        "title": "发文", "page": page, **filters, "can_draft": access.can_draft(person),
    })


def outgoing_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    form = forms.OutgoingForm(request.POST or None, unit=person.unit)
    if request.method == "POST" and form.is_valid():
        try:
            doc = actions.do_create_outgoing(**form.cleaned_data, actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "文稿已保存。")
            return redirect("documents:outgoing_detail", doc.pk)
    return render(request, "documents/outgoing_form.html", {"title": "拟稿", "form": form})


def outgoing_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    doc = access.get_outgoing_or_404(request, pk)
    if not access.can_edit_outgoing(person, doc):
        messages.error(request, "该文稿当前不能由您修改。")
        return redirect("documents:outgoing_detail", doc.pk)
    form = forms.OutgoingForm(request.POST or None, instance=OutgoingDocument.objects.get(pk=doc.pk))
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_outgoing(doc, **form.cleaned_data, actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "文稿已修改。")
            return redirect("documents:outgoing_detail", doc.pk)
    return render(request, "documents/outgoing_form.html", {"title": "修改文稿", "form": form, "doc": doc})


def outgoing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    doc = access.get_outgoing_or_404(request, pk)
    if doc.is_classified:
        actions.record_view(doc, actor=request.user)
    can_read = access.can_read_content(person, doc)
    return render(request, "documents/outgoing_detail.html", {
        "title": doc.title, "doc": doc,
        "events": doc.events.select_related("actor"),
        "route": doc.route.select_related("person__department"),
        "numbers": doc.numbers.all(),
        "distributions": doc.distributions.select_related("sent_by"),
        "countersigns": doc.countersigns.select_related("department", "person"),
        "items": TrackedItem.objects.for_source(doc).with_people(),
        "attachments": Attachment.objects.for_owner(doc) if can_read else [],
        "can_read_content": can_read,
        "step_forms": _forms_for(OUTGOING_STEPS, person, doc, request),
        "can_edit": access.can_edit_outgoing(person, doc),
        "can_export": access.can_export_outgoing(person, doc),
    })


@require_POST
def outgoing_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    person_of(request)
    doc = access.get_outgoing_or_404(request, pk)
    if step not in OUTGOING_STEPS:
        raise Http404
    _run_step(request, doc, OUTGOING_STEPS[step], step)
    return redirect("documents:outgoing_detail", doc.pk)


def number_register(request: HttpRequest) -> HttpResponse:
    """发文字号登记簿: every number ever assigned, void ones with their reason (only documents one may see)."""
    person = person_of(request)
    visible = OutgoingDocument.objects.visible_to(person).values("pk")
    year = request.GET.get("year", "")
    qs = DocumentNumber.objects.filter(document_id__in=visible).select_related("document", "issued_by")
    if year_param(year):
        qs = qs.filter(year=year_param(year))
    page = Paginator(qs.order_by("-year", "agency_code", "-seq"), 100).get_page(request.GET.get("page"))
    return render(request, "documents/numbers.html", {
        "title": "发文字号登记簿", "page": page, "year": year, "years": _year_choices(),
    })


# 收文 ---------------------------------------------------------------------------------------------------------------

def incoming_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    qs = IncomingDocument.objects.with_people().visible_to(person)
    qs, filters = _filtered(request, qs, IncomingStatus.choices)
    if request.GET.get("export") == "xlsx":
        return _export(request, qs.order_by("-received_at", "-id"), "收文", INCOMING_COLUMNS)
    page = Paginator(qs.order_by("-received_at", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "documents/incoming_list.html", {
        "title": "收文", "page": page, **filters, "can_receive": access.can_receive(person),
    })


def incoming_create(request: HttpRequest) -> HttpResponse:
    """签收."""
    person = person_of(request)
    if not access.can_receive(person):
        messages.error(request, "只有办公室人员可以签收公文。")
        return redirect("documents:incoming_list")
    form = forms.ReceiveForm(request.POST or None, unit=person.unit)
    if request.method == "POST" and form.is_valid():
        try:
            doc = actions.do_receive_incoming(**form.cleaned_data, actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "已签收，请登记。")
            return redirect("documents:incoming_detail", doc.pk)
    return render(request, "documents/incoming_form.html", {"title": "签收来文", "form": form})


def incoming_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    doc = access.get_incoming_or_404(request, pk)
    if doc.is_classified:
        actions.record_view(doc, actor=request.user)
    step_forms = _forms_for(INCOMING_STEPS, person, doc, request)
    can_read = access.can_read_content(person, doc)
    for key, _step, form in step_forms:
        if key == "register":
            form.initial = {"sender": doc.sender, "received_on": timezone.localtime(doc.received_at).date(),
                            "urgency": doc.urgency}
        if key == "assign" and doc.main_department_id:
            form.initial = {"main_department": doc.main_department_id}
    return render(request, "documents/incoming_detail.html", {
        "title": doc.title or doc.sender, "doc": doc,
        "events": doc.events.select_related("actor"),
        "route": doc.route.select_related("person__department"),
        "instructions": doc.instructions.select_related("leader"),
        "circulations": doc.circulations.select_related("reader", "sent_by"),
        "items": TrackedItem.objects.for_source(doc).with_people(),
        "attachments": Attachment.objects.for_owner(doc) if can_read else [],
        "can_read_content": can_read,
        "step_forms": step_forms,
    })


@require_POST
def incoming_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    person_of(request)
    doc = access.get_incoming_or_404(request, pk)
    if step not in INCOMING_STEPS:
        raise Http404
    _run_step(request, doc, INCOMING_STEPS[step], step)
    return redirect("documents:incoming_detail", doc.pk)


def incoming_stats(request: HttpRequest) -> HttpResponse:
    """按时办结率 per 主办科室 for a year (documents one may see)."""
    person = person_of(request)
    year = request.GET.get("year", str(timezone.localdate().year))
    qs = IncomingDocument.objects.visible_to(person)
    if year_param(year):
        qs = qs.of_year(year_param(year))
    rows = list(qs.on_time_by_department())
    for row in rows:
        row["rate"] = f"{row['on_time'] / row['finished']:.0%}" if row["finished"] else "—"
    return render(request, "documents/stats.html", {
        "title": "收文按时办结率", "rows": rows, "year": year, "years": _year_choices(),
    })
