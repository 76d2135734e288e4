"""Materials (clause 一(二)8): versioned, proofread, counted per attendee, each handout recorded."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from zeroerror.attachments.actions import attach, read_upload
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.meetings.actions.common import _person
from zeroerror.meetings.models import Handout, Invitation, Material, Meeting, MeetingStatus


def _proofread_material(data: bytes, kind: str) -> tuple[bool, list[dict]]:
    if kind != "docx":
        return False, []
    from zeroerror.proofread import service
    from zeroerror.proofread.engine import PUBLICATION

    try:
        result = service.check_docx(data, profile=PUBLICATION)
    except ValidationError:
        return False, []
    return True, [{"text": f.text, "suggestion": f.suggestion, "message": f.message, "severity": f.severity}
                  for f in result.findings]


@transaction.atomic(durable=True)
def do_upload_material(meeting: Meeting, *, title: str, upload, copies_per_attendee: int = 1, spare_copies: int = 0,
                       actor) -> Material:
    """A new version of a material: stored with the meeting, proofread when it is a .docx."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("会议已取消。")
    if not title.strip():
        raise ValidationError("请填写材料名称。")
    if copies_per_attendee < 1:
        raise ValidationError("每人份数至少为 1。")
    previous = meeting.materials.filter(title=title.strip()).order_by("-version").first()
    version = previous.version + 1 if previous else 1
    data = read_upload(upload)
    attachment = attach(meeting, upload.name, data, purpose=f"会议材料·{title.strip()}·第{version}版", actor=actor)
    proofread, findings = _proofread_material(data, attachment.kind)
    material = Material.objects.create(
        meeting=meeting, title=title.strip(), version=version, attachment=attachment,
        copies_per_attendee=copies_per_attendee, spare_copies=spare_copies, proofread=proofread, findings=findings,
        uploaded_by=_person(actor),
    )
    record("meetings.material.upload", actor=actor, kind=AuditKind.CREATE, obj=material,
           changes={"meeting": meeting.pk, "title": material.title, "version": version, "findings": len(findings)})
    return material


def copies_to_print(material: Material) -> int:
    expected = material.meeting.invitations.expected().count()
    return expected * material.copies_per_attendee + material.spare_copies


@transaction.atomic(durable=True)
def do_hand_out_material(material: Material, invitations: Iterable[Invitation], *, actor) -> int:
    """发放: record who received the material. Only the latest version, and only one free of proofreading errors
    (no 错发 of an outdated or faulty version)."""
    material = Material.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=material.pk)
    latest = material.meeting.materials.filter(title=material.title).order_by("-version").first()
    if latest.pk != material.pk:
        raise ValidationError(f"“{material.title}”已有第{latest.version}版，请发放最新版本。")
    if material.has_errors:
        raise ValidationError("材料校对发现错误，须修改后重新上传再发放。")
    wanted = [i for i in invitations if i.meeting_id == material.meeting_id and i.withdrawn_at is None]
    if not wanted:
        raise ValidationError("请选择领取材料的参会人员。")
    given = set(material.handouts.values_list("invitation_id", flat=True))
    new = [Handout(material=material, invitation=i, copies=material.copies_per_attendee, given_by=_person(actor))
           for i in wanted if i.pk not in given]
    Handout.objects.bulk_create(new)
    record("meetings.material.handout", actor=actor, kind=AuditKind.CHANGE, obj=material,
           changes={"invitations": [h.invitation_id for h in new]})
    return len(new)
