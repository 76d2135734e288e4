"""Clause 一(二)8: materials are versioned, proofread, counted per attendee, and each handout is recorded; an
outdated or faulty version is not handed out."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.attachments.conftest import docx_bytes, pdf_bytes
from zeroerror.meetings.actions import copies_to_print, do_hand_out_material, do_record_reply, do_upload_material
from zeroerror.meetings.models import Handout, Invitation, Reply


def upload(org, meeting, text="会议要求各科室再接再厉，抓好落实。", title="工作报告", **kw):
    return do_upload_material(meeting, title=title, upload=SimpleUploadedFile("报告.docx", docx_bytes(text)),
                              actor=org.alice.user, **kw)


@pytest.mark.clause("一(二)8")
def test_each_upload_is_a_new_version_and_a_docx_is_proofread(org, notified):
    meeting = notified()
    first = upload(org, meeting, "会议要求各科室再接再励。")
    assert first.version == 1 and first.proofread and first.has_errors
    assert "再接再厉" in first.findings[0]["message"]
    second = upload(org, meeting)
    assert second.version == 2 and not second.has_errors
    pdf = do_upload_material(meeting, title="议程", upload=SimpleUploadedFile("议程.pdf", pdf_bytes()),
                             actor=org.alice.user)
    assert pdf.version == 1 and not pdf.proofread


@pytest.mark.clause("一(二)8")
def test_copies_are_counted_per_expected_attendee(org, notified):
    meeting = notified()
    material = upload(org, meeting, copies_per_attendee=2, spare_copies=3)
    assert copies_to_print(material) == 4 * 2 + 3
    do_record_reply(Invitation.objects.get(meeting=meeting, person=org.dora), Reply.ABSENT, reason="出差",
             actor=org.dora.user)
    assert copies_to_print(material) == 3 * 2 + 3


@pytest.mark.clause("一(二)8")
def test_only_the_latest_error_free_version_is_handed_out_and_each_handout_recorded(org, notified):
    meeting = notified()
    faulty = upload(org, meeting, "会议要求各科室再接再励。")
    invitations = list(meeting.invitations.all())
    with pytest.raises(ValidationError, match="校对发现错误"):
        do_hand_out_material(faulty, invitations, actor=org.alice.user)
    good = upload(org, meeting)
    with pytest.raises(ValidationError, match="已有第2版"):
        do_hand_out_material(faulty, invitations, actor=org.alice.user)
    assert do_hand_out_material(good, invitations[:2], actor=org.alice.user) == 2
    assert do_hand_out_material(good, invitations, actor=org.alice.user) == 2  # the first two are not counted twice
    assert Handout.objects.filter(material=good).count() == 4
