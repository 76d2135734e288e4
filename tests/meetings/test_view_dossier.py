"""Clause 一(二)13: one dossier per meeting, exported as one .zip with an index."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.attachments.conftest import pdf_bytes
from tests.meetings.conftest import started
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.meetings.actions import (
    do_add_decision,
    do_attach_meeting_file,
    do_generate_seating,
    do_record_minutes,
    do_sign_checklist,
)
from zeroerror.meetings.models import checklist_items


@pytest.mark.clause("一(二)13")
def test_the_dossier_holds_every_part_of_the_meeting_with_an_index(org, login, rooms, notified):
    meeting = notified(room=rooms.hall, podium=[org.dora], important=True, supervisors=[org.bob])
    do_generate_seating(meeting, actor=org.alice.user)
    do_sign_checklist(meeting, "equipment", [(i, True, "") for i in checklist_items(meeting, "equipment")],
                      actor=org.bob.user)
    do_attach_meeting_file(meeting, SimpleUploadedFile("录音整理.pdf", pdf_bytes()), purpose="录音",
                           actor=org.alice.user)
    meeting = started(meeting)
    do_record_minutes(meeting, "院长指示：严格落实安全生产责任。", actor=org.alice.user)
    do_add_decision(meeting, text="修订应急预案", owner=org.bob, due_at=timezone.now() + timedelta(days=7),
                    actor=org.alice.user)
    response = login(org.director).get(f"/meetings/{meeting.pk}/dossier.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    z = zipfile.ZipFile(io.BytesIO(response.content))
    names = z.namelist()
    assert names[0] == "00-索引.txt"
    for part in ("01-会议方案与审批.txt", "02-会议通知.txt", "03-回执与签到表.csv", "04-会前检查.txt",
                 "05-会议记录.txt", "06-议定事项督办.txt", "09-会议材料与发放.txt", "07-座位表.pdf", "08-席卡.pdf", "文件/01-录音-录音整理.pdf"):
        assert part in names, part
        assert part in z.read("00-索引.txt").decode()
    assert "meetings.meeting.approve" in z.read("01-会议方案与审批.txt").decode()
    assert "朵拉" in z.read("03-回执与签到表.csv").decode("utf-8-sig")
    assert "修订应急预案" in z.read("06-议定事项督办.txt").decode() and "鲍勃" in z.read("06-议定事项督办.txt").decode()
    assert z.read("07-座位表.pdf").startswith(b"%PDF")
    rec = AuditRecord.objects.get(action="meetings.meeting.export", changes__file="dossier")
    assert rec.kind == AuditKind.EXPORT


def test_invitees_outside_the_office_cannot_export(org, login, notified):
    meeting = notified()
    assert login(org.charlie).get(f"/meetings/{meeting.pk}/dossier.zip").status_code == 403
    assert login(org.medhead).get(f"/meetings/{meeting.pk}/dossier.zip").status_code == 404
