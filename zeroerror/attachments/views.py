from urllib.parse import quote

from django.http import Http404, HttpRequest, HttpResponse

from zeroerror.attachments import storage
from zeroerror.attachments.actions import record_download
from zeroerror.attachments.models import Attachment
from zeroerror.attachments.registry import check_for
from zeroerror.core.access import person_of


def get_attachment_or_404(request: HttpRequest, uid) -> Attachment:
    """An attachment is readable only by those the owning object's access helper admits. A withdrawn attachment
    is gone for everyone working on the owner (404, as if it never was); it stays stored and auditors (纪检监察室,
    绩效办负责人, 审计管理员) who may see the owner can still download it — the download is audited as usual."""
    person = person_of(request)
    attachment = Attachment.objects.select_related("owner_type").filter(uid=uid).first()
    if attachment is None:
        raise Http404("附件不存在。")
    label = f"{attachment.owner_type.app_label}.{attachment.owner_type.model}"
    check = check_for(label)
    owner = attachment.owner
    if check is None or owner is None or not check(request, owner):
        raise Http404("附件不存在。")
    if attachment.withdrawn_at is not None and not person.is_auditor:
        raise Http404("附件已撤回。")
    return attachment


def download(request: HttpRequest, uid) -> HttpResponse:
    attachment = get_attachment_or_404(request, uid)
    try:
        data = storage.read(attachment.stored_name)
    except FileNotFoundError:
        raise Http404("附件文件缺失，请联系系统管理员。") from None
    record_download(attachment, actor=request.user)
    response = HttpResponse(data, content_type=attachment.content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(attachment.original_name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
