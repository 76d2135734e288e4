from django.core.files.uploadedfile import SimpleUploadedFile

from tests.attachments.conftest import docx_bytes
from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.meetings.actions import do_upload_material
from zeroerror.meetings.models import Handout, Material


def test_the_office_uploads_and_hands_out_materials(org, login, notified):
    meeting = notified()
    client = login(org.alice)
    response = client.post(f"/meetings/{meeting.pk}/materials/", {
        "title": "工作报告", "file": SimpleUploadedFile("报告.docx", docx_bytes("会议要求再接再厉。")),
        "copies_per_attendee": "1", "spare_copies": "2"}, follow=True)
    html = response.content.decode()
    assert "“工作报告”第 1 版已上传" in html and "印制份数：<b>6</b>" in html and "校对通过" in html
    material = Material.objects.get()
    ids = list(meeting.invitations.values_list("pk", flat=True))
    response = client.post(f"/meetings/{meeting.pk}/materials/{material.pk}/handout/", {"invitation": ids[:3]},
                           follow=True)
    assert "已登记 3 人领取" in response.content.decode()
    assert Handout.objects.count() == 3


def test_invitees_see_but_cannot_upload_or_hand_out(org, login, notified):
    meeting = notified()
    material = do_upload_material(meeting, title="报告", upload=SimpleUploadedFile("a.docx", docx_bytes()),
                                  actor=org.alice.user)
    client = login(org.charlie)
    assert "报告 · 第1版" in client.get(f"/meetings/{meeting.pk}/materials/").content.decode()
    with nothing_changes():
        upload = client.post(f"/meetings/{meeting.pk}/materials/", {"title": "x"})
        hand_out = client.post(f"/meetings/{meeting.pk}/materials/{material.pk}/handout/")
    assert refusal(upload) == (403, "您不能上传本会议的材料。")
    assert refusal(hand_out) == (403, "您不能登记材料发放。")


def test_the_page_does_a_constant_number_of_queries(org, login, notified):
    meeting = notified()
    client = login(org.alice)
    do_upload_material(meeting, title="材料0", upload=SimpleUploadedFile("a.docx", docx_bytes()), actor=org.alice.user)
    one, _ = page(client, f"/meetings/{meeting.pk}/materials/")
    for i in range(1, 6):
        do_upload_material(meeting, title=f"材料{i}", upload=SimpleUploadedFile("a.docx", docx_bytes()),
                           actor=org.alice.user)
    many, html = page(client, f"/meetings/{meeting.pk}/materials/")
    assert many == one
    assert_shown(html, [f"材料{i}" for i in range(6)])
