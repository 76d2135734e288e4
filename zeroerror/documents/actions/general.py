"""Actions on a document of either kind: audited views and exports, attachments, and the 流转范围."""

from __future__ import annotations

from django.db import transaction

from zeroerror.attachments.actions import attach, read_upload
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record, record_standalone
from zeroerror.documents import access
from zeroerror.documents.actions.common import (
    _event,
    _person,
    _refuse_unless,
    _visible_or_refuse,
    label,
    notify_about,
    put_on_route,
)
from zeroerror.documents.models import OutgoingDocument
from zeroerror.org.models import Person


def record_export(doc, *, fmt: str, actor) -> None:
    """Every download of a document's text is audited (kind export)."""
    record_standalone("documents.export", actor=actor, kind=AuditKind.EXPORT, obj=doc,
                      changes={"format": fmt, "secrecy_level": doc.secrecy_level})


def record_list_export(model, *, count: int, filters: dict, actor) -> None:
    record_standalone("documents.export_list", actor=actor, kind=AuditKind.EXPORT,
                      object_type=model._meta.label_lower, object_repr=f"{model._meta.verbose_name}列表",
                      changes={"format": "xlsx", "count": count, "filters": filters})


def record_view(doc, *, actor) -> None:
    """Viewing a classified document is logged (clause 一(一)3)."""
    record_standalone("documents.view", actor=actor, kind=AuditKind.VIEW, obj=doc,
                      changes={"secrecy_level": doc.secrecy_level})


@transaction.atomic(durable=True)
def do_attach_file(doc, *, upload, purpose: str = "", actor):
    """An attachment of the document (附件, 扫描件, 办理材料); readable only by those who may see the document."""
    person = _person(actor)
    doc = type(doc).objects.select_for_update().get(pk=doc.pk)
    _visible_or_refuse(doc, person)
    _refuse_unless(access.can_attach(person, doc), "您不能为该公文上传附件。")
    purpose = purpose.strip() or ("附件" if isinstance(doc, OutgoingDocument) else "扫描件")
    attachment = attach(doc, upload.name, read_upload(upload), purpose=purpose, actor=actor)
    _event(doc, "上传附件", person, f"{attachment.original_name}（{purpose}）")
    return attachment


# 流转范围 -----------------------------------------------------------------------------------------------------------

@transaction.atomic(durable=True)
def do_add_to_route(doc, person_added: Person, *, reason: str = "传阅", actor):
    """Put a person on the route of a classified document (they may then see it); logged."""
    person = _person(actor)
    doc = type(doc).objects.select_for_update().get(pk=doc.pk)
    _visible_or_refuse(doc, person)
    _refuse_unless(access.can_manage_route(person, doc), "只有办公室人员、领导或经办人可以调整涉密公文的流转范围。")
    _refuse_unless(person_added.unit_id == doc.unit_id and person_added.active, "只能加入本单位在职人员。")
    reason = reason.strip() or "传阅"
    put_on_route(doc, person_added, reason)
    _event(doc, "加入流转范围", person, f"{person_added.name}（{reason}）")
    notify_about(doc, [person_added], f"请阅办公文：{label(doc)}")
    record("documents.route.add", actor=actor, kind=AuditKind.PERMISSION, obj=doc,
           changes={"person": person_added.pk, "reason": reason})
    return doc
