"""The .docx of an outgoing document in GB/T 9704-2012 layout, rendered by :mod:`zeroerror.documents.gbt9704`."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from zeroerror.core.access import person_of
from zeroerror.documents import access, actions
from zeroerror.documents.docnumber import DocumentKind
from zeroerror.documents.models import OutgoingDocument

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class RenderingUnavailable(Exception):
    pass


def render_outgoing_docx(doc: OutgoingDocument) -> bytes:
    """Map the model onto :class:`gbt9704.OutgoingDocument`; its element errors come back as one message."""
    try:
        from zeroerror.documents.gbt9704 import DocumentFormatError, render_docx
        from zeroerror.documents.gbt9704 import OutgoingDocument as Layout
    except ImportError:
        raise RenderingUnavailable("公文排版模块不可用，暂不能生成正式文本。")
    signed_on = timezone.localtime(doc.signed_at).date() if doc.signed_at else timezone.localdate()
    printed_on = timezone.localtime(doc.printed_at).date() if doc.printed_at else None
    # 函 in 信函格式 (GB/T 9704 10.1: the organ's name as 标志, no 印发 line), 纪要 in 纪要格式 (10.3: "××纪要");
    # the model keeps no 出席 list, so a 纪要 goes without one — said here, not assumed by the renderer
    fmt = {DocumentKind.LETTER: "letter", DocumentKind.MINUTES: "minutes"}.get(doc.kind_enum, "document")
    mark = doc.agency_mark.removesuffix("文件") if fmt != "document" else doc.agency_mark
    if fmt == "minutes" and not mark.endswith("纪要"):
        mark += "纪要"
    if fmt == "letter":
        printed_on = None
    try:
        layout = Layout(
            agency_mark=mark, doc_number=doc.doc_number, title=doc.title, body=doc.body_paragraphs,
            signature=doc.signature, date=signed_on, addressees=doc.addressees,
            copy_number=1 if doc.is_classified else None, classification=doc.classification_text or None,
            urgency=doc.urgency, kind=doc.kind, signers=[doc.signer.name] if doc.signer else [],
            attachments=doc.attachment_list, note=doc.note, copy_to=doc.copy_to_list,
            printing_office=f"{doc.unit.name}办公室" if printed_on else "", printing_date=printed_on,
            mark_aliases=[doc.unit.short_name] if doc.unit.short_name else [],
            format=fmt, attendees_required=fmt != "minutes",
        )
    except DocumentFormatError as exc:
        raise RenderingUnavailable(exc.message)
    return render_docx(layout)


def outgoing_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the numbered document; every download is audited as an export (clause 一(一)3)."""
    person = person_of(request)
    doc = access.get_outgoing_or_404(request, pk)
    if not access.can_read_content(person, doc):
        raise PermissionDenied("密级文件的正文仅限流转范围内的人员阅读。")
    if not access.can_export_outgoing(person, doc):
        messages.error(request, "编号后才能生成正式文本。")
        return redirect("documents:outgoing_detail", doc.pk)
    try:
        data = render_outgoing_docx(doc)
    except RenderingUnavailable as exc:
        messages.error(request, str(exc))
        return redirect("documents:outgoing_detail", doc.pk)
    actions.record_export(doc, fmt="docx", actor=request.user)
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(doc.doc_number + doc.title)}.docx"
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
