"""The .docx of an outgoing document in GB/T 9704-2012 layout, rendered by :mod:`zeroerror.documents.gbt9704`."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from zeroerror.core.access import person_of
from zeroerror.documents import access, actions
from zeroerror.documents.docnumber import DocumentKind
from zeroerror.documents.models import OutgoingDocument
from zeroerror.documents.pdf import PdfUnavailable, convert_to_pdf, find_soffice

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


class RenderingUnavailable(Exception):
    pass


def render_outgoing_docx(doc: OutgoingDocument, *, preview: bool = False) -> bytes:
    """Map the model onto :class:`gbt9704.OutgoingDocument`; its element errors come back as one message.
    ``preview``: before 编号 (at 核稿 and 首读) — the 文号 as a placeholder ("青医发〔2026〕×号"), today as 成文日期."""
    try:
        from zeroerror.documents.gbt9704 import DocumentFormatError, render_docx
        from zeroerror.documents.gbt9704 import OutgoingDocument as Layout
    except ImportError:
        raise RenderingUnavailable("公文排版模块不可用，暂不能生成正式文本。")
    signed_on = timezone.localtime(doc.signed_at).date() if doc.signed_at else timezone.localdate()
    printed_on = timezone.localtime(doc.printed_at).date() if doc.printed_at else None
    # 函 in 信函格式 (GB/T 9704 10.1: the organ's name as 标志, no 印发 line), 纪要 in 纪要格式 (10.3: "××纪要",
    # its 期号 under the 标志 and the 出席/请假/列席 lists after the 正文)
    fmt = {DocumentKind.LETTER: "letter", DocumentKind.MINUTES: "minutes"}.get(doc.kind_enum, "document")
    mark = doc.agency_mark.removesuffix("文件") if fmt != "document" else doc.agency_mark
    if fmt == "minutes" and not mark.endswith("纪要"):
        mark += "纪要"
    if fmt == "letter" or preview:
        printed_on = None
    number: dict = {"doc_number": doc.doc_number or None}
    if fmt == "minutes":
        number = {"doc_number": None, "issue_number": "第×期" if preview else doc.issue_number}
    elif preview:
        number = {"doc_number": None, "draft_number": f"{doc.agency_code}〔{signed_on.year}〕×号"}
    lines = OutgoingDocument.lines_of
    try:
        layout = Layout(
            agency_mark=mark, title=doc.title, body=doc.body_paragraphs,
            signature=doc.signature, date=signed_on, addressees=doc.addressees,
            copy_number=1 if doc.is_classified else None, classification=doc.classification_text or None,
            urgency=doc.urgency, kind=doc.kind, signers=[doc.signer.name] if doc.signer else [],
            attachments=doc.attachment_list, note=doc.note, copy_to=doc.copy_to_list,
            printing_office=f"{doc.unit.name}办公室" if printed_on else "", printing_date=printed_on,
            mark_aliases=[doc.unit.short_name] if doc.unit.short_name else [],
            format=fmt, attendees=lines(doc.attendees), on_leave=lines(doc.on_leave), observers=lines(doc.observers),
            **number,
        )
    except DocumentFormatError as exc:
        raise RenderingUnavailable(exc.message)
    return render_docx(layout)


def outgoing_preview(request: HttpRequest, pk: int, fmt: str = "docx") -> HttpResponse:
    """The layout before 编号 (issue 11 3(b)): the 核稿人 and the 首读人员 see the page as it will print, the 文号 as a
    placeholder. Offered until 编号 to those who may read the text; audited as an export."""
    person = person_of(request)
    doc = access.get_outgoing_or_404(request, pk)
    if not access.can_read_content(person, doc):
        raise PermissionDenied("密级文件的正文仅限流转范围内的人员阅读。")
    if doc.doc_number:
        return redirect("documents:outgoing_pdf" if fmt == "pdf" else "documents:outgoing_docx", doc.pk)
    return _download(request, doc, preview=True, fmt=fmt)


def outgoing_docx(request: HttpRequest, pk: int, fmt: str = "docx") -> HttpResponse:
    """Download the numbered document as .docx or PDF (offices print PDFs); every download is audited as an export
    (clause 一(一)3)."""
    person = person_of(request)
    doc = access.get_outgoing_or_404(request, pk)
    if not access.can_read_content(person, doc):
        raise PermissionDenied("密级文件的正文仅限流转范围内的人员阅读。")
    if not access.can_export_outgoing(person, doc):
        messages.error(request, "编号后才能生成正式文本；编号前请用“版式预览”。")
        return redirect("documents:outgoing_detail", doc.pk)
    return _download(request, doc, preview=False, fmt=fmt)


def _download(request: HttpRequest, doc: OutgoingDocument, *, preview: bool, fmt: str) -> HttpResponse:
    try:
        data = render_outgoing_docx(doc, preview=preview)
        name = f"（预览）{doc.title}" if preview else doc.doc_number + doc.title
        if fmt == "pdf":
            data = convert_to_pdf({"doc.docx": data}, soffice=find_soffice(
                getattr(settings, "ZEROERROR_SOFFICE", "soffice")))["doc.pdf"]
    except (RenderingUnavailable, PdfUnavailable) as exc:
        messages.error(request, f"{'版式预览' if preview else '正式文本'}不能生成：{exc}")
        return redirect("documents:outgoing_detail", doc.pk)
    actions.record_export(doc, fmt=("preview." if preview else "") + fmt, actor=request.user)
    response = HttpResponse(data, content_type=PDF if fmt == "pdf" else DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.{fmt}"
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
