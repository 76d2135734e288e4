"""Evidence (issue 9 item 11): photos per inspection item; a lead's evidence is visible to the verifiers and, when a
verifier so marks it, hidden from the accused (and those over them) until the decision."""

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.refusals import nothing_changes, refused
from zeroerror.attachments.models import Attachment
from zeroerror.errors import actions
from zeroerror.errors.models import Channel, LeadEvent

pytestmark = pytest.mark.django_db
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


@pytest.fixture
def lead_with_files(team, make_lead, login):
    lead = make_lead(team.alice, channel=Channel.REPORT, actor=team.charlie)
    for name in ("现场照片.png", "聊天记录.png"):
        login(team.charlie).post(f"/errors/{lead.pk}/attach/", {"file": SimpleUploadedFile(name, PNG)})
    return lead


@pytest.mark.clause("二.1")
def test_a_verifier_withholds_a_file_from_the_accused_until_the_decision(team, lead_with_files, confirm, login):
    lead = lead_with_files
    chat = Attachment.objects.get(original_name="聊天记录.png")
    response = login(team.perfstaff).post(f"/errors/{lead.pk}/withhold/{chat.uid}/", follow=True)
    assert "“聊天记录.png”在认定前不向当事人公开" in response.content.decode()

    for person in (team.alice, team.dora, team.leo):
        client = login(person)
        html = client.get(f"/errors/{lead.pk}/").content.decode()
        assert "聊天记录.png" not in html and "现场照片.png" in html, person.name
        assert "一份证据材料在认定前暂不向当事人公开" in html
        assert client.get(f"/files/{chat.uid}/").status_code == 404, person.name
    for person in (team.perfstaff, team.perfhead, team.inspector):
        client = login(person)
        assert "聊天记录.png" in client.get(f"/errors/{lead.pk}/").content.decode(), person.name
        assert client.get(f"/files/{chat.uid}/").status_code == 200, person.name

    confirm(lead)  # decided: the accused now sees what it rests on
    client = login(team.alice)
    assert "聊天记录.png" in client.get(f"/errors/{lead.pk}/").content.decode()
    assert client.get(f"/files/{chat.uid}/").status_code == 200


def test_only_an_eligible_verifier_withholds_and_not_after_the_decision(team, lead_with_files, confirm, login):
    lead = lead_with_files
    chat = Attachment.objects.get(original_name="聊天记录.png")
    with nothing_changes():
        assert login(team.alice).post(f"/errors/{lead.pk}/withhold/{chat.uid}/").status_code == 403
        assert login(team.dora).post(f"/errors/{lead.pk}/withhold/{chat.uid}/").status_code == 403
    assert "设置认定前不向当事人公开的证据" not in login(team.alice).get(f"/errors/{lead.pk}/").content.decode()
    confirm(lead)
    with refused("只有本单位督查考核小组和绩效办可以在认定前暂不公开证据。"):
        actions.do_withhold_evidence(lead, chat, actor=team.perfhead.user)
    assert not LeadEvent.objects.filter(title__contains="暂不向当事人公开").exists()


@pytest.fixture
def inspection(team):
    return actions.do_start_inspection("12月检查", timezone.localdate(), ["documents"], actor=team.inspector.user)


def test_an_inspector_adds_photos_to_a_checklist_item(team, inspection, login):
    item = inspection.items.with_related().first()
    client = login(team.inspector)
    response = client.post(f"/errors/inspections/items/{item.pk}/photo/",
                           {"photo": SimpleUploadedFile("桌面文件堆积.png", PNG)}, follow=True)
    page = response.content.decode()
    assert f"已添加 {item.clause.code} 的照片" in page and "桌面文件堆积.png" in page
    photo = Attachment.objects.get(original_name="桌面文件堆积.png")
    assert client.get(f"/files/{photo.uid}/").status_code == 200
    assert login(team.alice).get(f"/files/{photo.uid}/").status_code == 404  # the checklist is the verifiers'

    client = login(team.inspector)
    with nothing_changes():
        response = client.post(f"/errors/inspections/items/{item.pk}/photo/",
                               {"photo": SimpleUploadedFile("说明.txt", "不是图片".encode())}, follow=True)
    assert "检查照片须为 JPEG 或 PNG 图片。" in response.content.decode()
    with nothing_changes():
        assert login(team.alice).post(f"/errors/inspections/items/{item.pk}/photo/",
                                      {"photo": SimpleUploadedFile("x.png", PNG)}).status_code == 404
