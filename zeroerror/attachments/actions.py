from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from zeroerror.attachments import storage
from zeroerror.attachments.filetypes import RejectedFile, detect
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record


def read_upload(upload) -> bytes:
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(f"文件不能超过 {settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)} MB。")
    data = upload.read()
    if not data:
        raise ValidationError("文件为空。")
    return data


def attach(owner: models.Model, name: str, data: bytes, *, purpose: str = "", actor) -> Attachment:
    """Check and store a file for ``owner`` inside the caller's transaction."""
    if len(data) > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(f"文件不能超过 {settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)} MB。")
    name = storage.clean_filename(name)
    try:
        kind = detect(data, name)
    except RejectedFile as exc:
        raise ValidationError(f"“{name}”：{exc}") from None
    stored_name, digest = storage.store(data)
    attachment = Attachment.objects.create(
        owner_type=ContentType.objects.get_for_model(owner), owner_id=owner.pk, purpose=purpose,
        original_name=name, stored_name=stored_name, content_type=kind.content_type, kind=kind.kind,
        size=len(data), sha256=digest, uploaded_by=getattr(actor, "person", None),
    )
    record("attachments.upload", actor=actor, kind=AuditKind.CREATE, obj=attachment,
           changes={"owner": f"{owner._meta.label_lower}:{owner.pk}", "name": name, "size": len(data),
                    "sha256": digest})
    return attachment


@transaction.atomic(durable=True)
def do_upload_attachment(owner: models.Model, upload, *, purpose: str = "", actor) -> Attachment:
    return attach(owner, upload.name, read_upload(upload), purpose=purpose, actor=actor)


@transaction.atomic(durable=True)
def do_withdraw_attachment(attachment: Attachment, *, actor) -> Attachment:
    """Attachments are never deleted: a withdrawn one is hidden from lists and kept for auditors."""
    attachment = Attachment.objects.select_for_update().get(pk=attachment.pk)
    if attachment.withdrawn_at is not None:
        raise ValidationError("附件已撤回。")
    attachment.withdrawn_at = timezone.now()
    attachment.save(update_fields=["withdrawn_at"])
    record("attachments.withdraw", actor=actor, kind=AuditKind.CHANGE, obj=attachment)
    return attachment


def record_download(attachment: Attachment, *, actor) -> None:
    with transaction.atomic():
        record("attachments.download", actor=actor, kind=AuditKind.DOWNLOAD, obj=attachment,
               changes={"owner": f"{attachment.owner_type.app_label}.{attachment.owner_type.model}:{attachment.owner_id}"})
