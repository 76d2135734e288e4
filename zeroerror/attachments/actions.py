from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from datetime import datetime

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


@dataclass(frozen=True)
class StoredFile:
    """A checked file written under its random name, not yet attached to anything."""

    name: str
    stored_name: str
    sha256: str
    size: int
    content_type: str
    kind: str

    def as_dict(self) -> dict:
        return asdict(self)


def store_file(name: str, data: bytes) -> StoredFile:
    """Check ``data`` (size, type by content) and write it under a random name; refuses with a Chinese message."""
    if len(data) > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(f"文件不能超过 {settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)} MB。")
    name = storage.clean_filename(name)
    try:
        kind = detect(data, name)
    except RejectedFile as exc:
        raise ValidationError(f"“{name}”：{exc}") from None
    stored_name, digest = storage.store(data)
    return StoredFile(name, stored_name, digest, len(data), kind.content_type, kind.kind)


def register_stored(owner: models.Model, stored: StoredFile, *, purpose: str = "", actor,
                    uploaded_at: datetime | None = None) -> Attachment:
    """Attach a stored file to ``owner`` inside the caller's transaction. ``uploaded_at`` backdates nothing: it
    only replaces the upload time when the upload must not be dated (an anonymous reporter's evidence is dated
    at its batch time, the file's own time stamp too)."""
    attachment = Attachment.objects.create(
        owner_type=ContentType.objects.get_for_model(owner), owner_id=owner.pk, purpose=purpose,
        original_name=stored.name, stored_name=stored.stored_name, content_type=stored.content_type,
        kind=stored.kind, size=stored.size, sha256=stored.sha256, uploaded_by=getattr(actor, "person", None),
        uploaded_at=uploaded_at or timezone.now(),
    )
    if uploaded_at is not None:
        stamp = uploaded_at.timestamp()
        os.utime(storage.path_for(stored.stored_name), (stamp, stamp))
    record("attachments.upload", actor=actor, kind=AuditKind.CREATE, obj=attachment,
           changes={"owner": f"{owner._meta.label_lower}:{owner.pk}", "name": stored.name, "size": stored.size,
                    "sha256": stored.sha256})
    return attachment


def attach(owner: models.Model, name: str, data: bytes, *, purpose: str = "", actor) -> Attachment:
    """Check and store a file for ``owner`` inside the caller's transaction."""
    return register_stored(owner, store_file(name, data), purpose=purpose, actor=actor)


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
