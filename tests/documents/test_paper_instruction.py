"""A leader's handwritten 批示 entered by the office on the leader's behalf, marked as such (issue 11 2(d))."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.refusals import refused
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditRecord
from zeroerror.documents import actions
from zeroerror.documents.models import IncomingDocument, Instruction
from zeroerror.tracking.models import Notification

from .test_incoming import register

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def scan():
    return SimpleUploadedFile("阅办单.png", PNG, content_type="image/png")


@pytest.fixture
def proposed(docs):
    doc = register(docs)
    actions.do_review_incoming(doc, ours=True, actor=docs.alice.user)
    actions.do_propose_incoming(doc, proposal="拟请李副院长阅示，医务科牵头办理。", leaders=[docs.leo],
                                main_department=docs.medical, actor=docs.director.user)
    IncomingDocument.objects.filter(pk=doc.pk).update(proposed_at=timezone.now() - timedelta(days=1))  # yesterday
    return IncomingDocument.objects.get(pk=doc.pk)


@pytest.mark.clause("一(一)5")
def test_the_office_enters_a_paper_instruction_with_its_scan_and_the_leader_is_told(docs, proposed):
    written = timezone.now() - timedelta(hours=2)
    instruction = actions.do_record_paper_instruction(proposed, leader=docs.leo, text="请医务科抓紧落实。",
                                                      written_at=written, scan=scan(), actor=docs.alice.user)
    assert (instruction.leader, instruction.recorded_by, instruction.at, instruction.on_paper) == (
        docs.leo, docs.alice, written, True)
    assert IncomingDocument.objects.get(pk=proposed.pk).status == "instructed"
    (attachment,) = Attachment.objects.filter(purpose="批示扫描件")
    assert attachment.original_name == "阅办单.png"
    assert Notification.objects.filter(recipient=docs.leo,
                                       title__startswith=f"您的纸质批示已由{docs.alice.name}代为录入").exists()
    assert AuditRecord.objects.get(action="documents.incoming.instruct").changes["on_paper"] is True
    assert proposed.events.filter(step="批示").get().text.endswith("（纸质批示，" + docs.alice.name + "代录）")


def test_a_paper_instruction_needs_its_scan_a_past_time_and_a_leader_it_was_sent_to(docs, proposed):
    now = timezone.now()
    with refused("请填写批示内容（原文照录）", "批示时间不能晚于当前时间", "请上传纸质批示的扫描件或照片"):
        actions.do_record_paper_instruction(proposed, leader=docs.leo, text=" ", written_at=now + timedelta(hours=1),
                                            scan=None, actor=docs.alice.user)
    with refused("批示时间不能早于拟办时间"):
        actions.do_record_paper_instruction(proposed, leader=docs.leo, text="同意", written_at=now - timedelta(days=3),
                                            scan=scan(), actor=docs.alice.user)
    with refused("只能录入呈送领导（或院长）的批示。"):
        actions.do_record_paper_instruction(proposed, leader=docs.medhead, text="同意", written_at=now, scan=scan(),
                                            actor=docs.alice.user)
    with refused("只有办公室人员可以代为录入纸质批示。"):
        actions.do_record_paper_instruction(proposed, leader=docs.leo, text="同意", written_at=now, scan=scan(),
                                            actor=docs.charlie.user)
    assert not Instruction.objects.exists()


def test_the_page_marks_the_instruction_as_entered_by_the_office(docs, proposed, login):
    client = login(docs.alice)
    written = timezone.localtime() - timedelta(hours=1)
    response = client.post(f"/documents/incoming/{proposed.pk}/paper_instruct/", {
        "leader": docs.leo.pk, "text": "请医务科抓紧落实。", "written_at": written.strftime("%Y-%m-%dT%H:%M"),
        "scan": scan()}, follow=True)
    html = response.content.decode()
    assert "纸质批示已录入，已告知批示领导。" in html and f"纸质批示 · {docs.alice.name}" in html
